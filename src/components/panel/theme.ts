/**
 * Light or dark panel, following the CRM page rather than the OS: the background behind the
 * control that closed the lead (or the page's) decides, by its relative luminance.
 */
export type Theme = 'light' | 'dark';

/** [r, g, b, alpha] of a computed `rgb()`/`rgba()` colour (space or comma syntax); null otherwise. */
export function parseRgb(css: string): [number, number, number, number] | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/i.exec(css.trim());
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  return [Number(m[1]), Number(m[2]), Number(m[3]), alpha];
}

/** WCAG relative luminance of an sRGB colour (0 black … 1 white). */
export function luminance([r, g, b]: readonly number[]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r ?? 0) + 0.7152 * lin(g ?? 0) + 0.0722 * lin(b ?? 0);
}

/** The first mostly opaque colour decides; none (all transparent) means the browser's white. */
export function themeOfBackgrounds(colors: readonly string[]): Theme {
  for (const css of colors) {
    const rgb = parseRgb(css);
    if (rgb && rgb[3] >= 0.5) return luminance(rgb) < 0.2 ? 'dark' : 'light';
  }
  return 'light';
}

/** Background colours from `start` up to the root, then body and html. */
export function pageTheme(start: Element | null | undefined, doc: Document = document): Theme {
  const view = doc.defaultView;
  if (!view) return 'light';
  const colors: string[] = [];
  for (let el: Element | null = start ?? null; el; el = el.parentElement) colors.push(view.getComputedStyle(el).backgroundColor);
  for (const el of [doc.body, doc.documentElement]) if (el) colors.push(view.getComputedStyle(el).backgroundColor);
  return themeOfBackgrounds(colors);
}
