// The user's theme choice. "system" (no cookie) follows prefers-color-scheme;
// "light"/"dark" are stored in a cookie so the server renders
// <html data-theme> and the first paint already has the right colours.
export const THEME_COOKIE = "theme";
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

export function parseTheme(value: string | undefined): Theme {
  return value === "light" || value === "dark" ? value : "system";
}

/** The value for <html data-theme>: absent when following the system. */
export function themeAttribute(theme: Theme): "light" | "dark" | undefined {
  return theme === "system" ? undefined : theme;
}
