/** Light or dark, as the Fluent provider needs it. */
export type ThemeKind = 'light' | 'dark';

/** Relative luminance (0 black … 1 white) of a `#rrggbb` colour, or null when unreadable. */
function luminance(hex: string): number | null {
  const match = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!match) return null;
  const value = parseInt(match[1], 16);
  const channel = (shift: number) => {
    const c = ((value >> shift) & 0xff) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0);
}

/**
 * The theme that matches Office's: dark when the task pane's body background is dark. Outside
 * Office (no background colour) it follows the browser's colour-scheme preference.
 *
 * @example
 * themeFor('#262626'); // 'dark'  (Office "Black" theme)
 * themeFor('#ffffff'); // 'light'
 * themeFor(undefined, true); // 'dark'
 */
export function themeFor(bodyBackgroundColor: string | undefined, prefersDark = false): ThemeKind {
  const l = bodyBackgroundColor ? luminance(bodyBackgroundColor) : null;
  if (l === null) return prefersDark ? 'dark' : 'light';
  return l < 0.2 ? 'dark' : 'light';
}
