"use client";
// System / Light / Dark as radio items inside a Radix dropdown menu (the user
// menu). Applies at once by setting <html data-theme>, and persists in a
// cookie for a year so the server renders the same theme next time.
import { useEffect, useState } from "react";
import { DropdownMenu } from "radix-ui";
import { THEME_COOKIE, THEMES, parseTheme, themeAttribute, type Theme } from "./theme";

const LABELS: Record<Theme, string> = { system: "System", light: "Light", dark: "Dark" };

export function applyTheme(theme: Theme) {
  const attr = themeAttribute(theme);
  if (attr) document.documentElement.dataset.theme = attr;
  else delete document.documentElement.dataset.theme;
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is missing from the Firefox and Safari versions we support
  document.cookie =
    theme === "system"
      ? `${THEME_COOKIE}=; path=/; max-age=0; samesite=lax`
      : `${THEME_COOKIE}=${theme}; path=/; max-age=31536000; samesite=lax`;
}

export function ThemeMenuItems({ itemClassName }: { itemClassName: string }) {
  const [theme, setTheme] = useState<Theme>("system");
  useEffect(() => setTheme(parseTheme(document.documentElement.dataset.theme)), []);
  return (
    <DropdownMenu.RadioGroup
      value={theme}
      onValueChange={(v) => {
        const next = parseTheme(v);
        setTheme(next);
        applyTheme(next);
      }}
    >
      <DropdownMenu.Label className="px-3 pt-2 pb-1 text-xs font-medium text-slate-500">Theme</DropdownMenu.Label>
      {THEMES.map((t) => (
        <DropdownMenu.RadioItem key={t} value={t} className={itemClassName} onSelect={(e) => e.preventDefault()}>
          <span aria-hidden="true" className="inline-block w-4 text-brand-600">
            <DropdownMenu.ItemIndicator>✓</DropdownMenu.ItemIndicator>
          </span>
          {LABELS[t]}
        </DropdownMenu.RadioItem>
      ))}
    </DropdownMenu.RadioGroup>
  );
}
