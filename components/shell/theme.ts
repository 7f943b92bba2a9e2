// Shared by the root layout (server, reads the cookie so the first paint is right) and the
// theme toggle (client, writes it). "system" leaves the choice to prefers-color-scheme.
export const THEME_COOKIE = "vigil-theme";
export const THEMES = ["light", "dark", "system"] as const;
export type Theme = (typeof THEMES)[number];

export const THEME_LABELS: Record<Theme, string> = {
  light: "Light",
  dark: "Dark",
  system: "System",
};

export function parseTheme(value: string | undefined | null): Theme {
  return THEMES.find((theme) => theme === value) ?? "system";
}
