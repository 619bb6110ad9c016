/**
 * Numbers, shares, dates and labels as the user's language writes them; links that are safe to
 * put in an href. Shared by the dashboard and the popup.
 */
import { reasonLabel } from '../../core/catalog';
import { LOCALES } from '../../core/i18n-core';
import type { Lang } from '../../core/primitives';
import type { PageConfig } from '../../platform/live';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) cache.set(key, (f = make()));
  return f;
}

export function fmtCount(lang: Lang, n: number): string {
  return cached(`n|${lang}`, () => new Intl.NumberFormat(LOCALES[lang])).format(n);
}

/** 0.1234 → "12.3 %" (one decimal below 10 %, none above). */
export function fmtShare(lang: Lang, x: number): string {
  const digits = Math.abs(x) < 0.1 && x !== 0 ? 1 : 0;
  return cached(`p${digits}|${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits })).format(x);
}

/** A rate with two decimals, as in seed 004's table: 44.62 %. */
export function fmtRate(lang: Lang, x: number): string {
  return cached(`r|${lang}`, () => new Intl.NumberFormat(LOCALES[lang], { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 })).format(x);
}

export function fmtDate(lang: Lang, t: number): string {
  return cached(`d|${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric' })).format(t);
}

export function fmtDateTime(lang: Lang, t: number): string {
  return cached(`dt|${lang}`, () =>
    new Intl.DateTimeFormat(LOCALES[lang], { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }),
  ).format(t);
}

export function fmtMonth(lang: Lang, t: number): string {
  return cached(`m|${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { month: 'short', year: 'numeric' })).format(t);
}

export function fmtDay(lang: Lang, t: number): string {
  return cached(`w|${lang}`, () => new Intl.DateTimeFormat(LOCALES[lang], { day: 'numeric', month: 'short' })).format(t);
}

/** yyyy-mm-dd of a local time, for <input type=date>. */
export function dateInputValue(t: number | null): string {
  if (t === null) return '';
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function reasonName(config: Pick<PageConfig, 'catalog' | 'lang' | 't'>, id: string): string {
  return reasonLabel(config.catalog, id, config.lang, (x) => config.t('reason.unknown', { id: x }));
}

/** Only http(s) links are followed: an imported record could carry `javascript:`. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
