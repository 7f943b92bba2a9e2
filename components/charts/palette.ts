import type { AlertKind, Severity } from "@/lib/db/generated/enums";

// Chart colours as CSS variables (defined in charts.module.css for light and dark).

export const KIND_COLOURS: Record<AlertKind, string> = {
  ADVISORY: "var(--chart-advisory)",
  INCIDENT: "var(--chart-incident)",
  VETTING: "var(--chart-vetting)",
  BALLOT: "var(--chart-ballot)",
};

export const SEVERITY_COLOURS: Record<Severity, string> = {
  INFO: "var(--chart-sev-info)",
  LOW: "var(--chart-sev-low)",
  MEDIUM: "var(--chart-sev-medium)",
  HIGH: "var(--chart-sev-high)",
  CRITICAL: "var(--chart-sev-critical)",
};

export const TOOLTIP_STYLE = {
  contentStyle: {
    background: "var(--surface)", border: "1px solid var(--border-strong)", borderRadius: 6, color: "var(--text)", fontSize: 12,
  },
  labelStyle: { color: "var(--text)", fontWeight: 650 },
  itemStyle: { color: "var(--text)" },
  cursor: { fill: "var(--hover)" },
} as const;

const DAY_FORMAT = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "2026-11-21" → "21 Nov" (the string is already a UK calendar day). */
export function shortDay(day: string): string {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  return DAY_FORMAT.format(new Date(Date.UTC(y, m - 1, d)));
}
