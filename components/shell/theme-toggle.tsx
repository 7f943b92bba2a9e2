"use client";

import { useId, useState } from "react";
import { THEME_COOKIE, THEME_LABELS, THEMES, type Theme } from "./theme";

const ONE_YEAR_S = 60 * 60 * 24 * 365;

function applyTheme(theme: Theme) {
  document.documentElement.setAttribute("data-theme", theme);
  const secure = window.location.protocol === "https:" ? "; secure" : "";
  document.cookie = `${THEME_COOKIE}=${theme}; path=/; max-age=${ONE_YEAR_S}; samesite=lax${secure}`;
}

// Native radio buttons: arrow keys move between options and screen readers announce the group.
// The server reads the cookie on the next request, so there is never a flash of the wrong theme.
export function ThemeToggle({ initialTheme }: { initialTheme: Theme }) {
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const name = useId();

  function choose(next: Theme) {
    setTheme(next);
    applyTheme(next);
  }

  return (
    <fieldset className="theme-toggle">
      <legend className="sr-only">Colour theme</legend>
      {THEMES.map((option) => (
        <label key={option} className="theme-option">
          <input
            type="radio"
            name={name}
            value={option}
            checked={theme === option}
            onChange={() => choose(option)}
          />
          <span>{THEME_LABELS[option]}</span>
        </label>
      ))}
    </fieldset>
  );
}
