/**
 * The machinery of interface texts, without the texts: a script builds its translator from
 * the areas it needs (./messages/), so the always-injected content script does not carry the
 * options page's or the dashboard's texts. Extension pages use ./i18n.ts, which has them all.
 */
import type { AnswerProblem } from './answer-rules';
import type { Messages } from './messages/types';
import type { Lang } from './primitives';
import { LANGS } from './primitives';

export type Params = Record<string, string | number | null | undefined>;

/**
 * The locale each language writes numbers and dates in, on every page alike: English as written
 * in the UK (day first, 24 hours, like the Russian and Ukrainian ones), not as `'en'` alone gives
 * (month first, AM/PM), so the popup, the dashboard and the record page show one date the same way.
 */
export const LOCALES: Record<Lang, string> = { ru: 'ru-RU', uk: 'uk-UA', en: 'en-GB' };

/** Translates the keys K (every key of the areas the translator was built from). */
export type Translate<K extends string = string> = (key: K, params?: Params) => string;

type Area = Messages<Record<string, string>>;
/** The keys of some areas: `KeysOf<typeof panel>`. */
export type KeysOf<A> = A extends { en: infer E } ? keyof E & string : never;

export function format(template: string, params: Params = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/** A translator for `lang` from these areas only; a key missing in `lang` falls back to English. */
export function areaTranslator<A extends readonly Area[]>(lang: Lang, areas: A): Translate<KeysOf<A[number]>> {
  const dict: Record<string, string> = Object.assign({}, ...areas.map((a) => a[lang]));
  const en: Record<string, string> = Object.assign({}, ...areas.map((a) => a.en));
  return (key, params) => format(dict[key] ?? en[key] ?? key, params);
}

/**
 * 'auto' → the first of the browser's languages (e.g. ["de-DE", "uk-UA"] → uk) that we have,
 * else English. Pass the user's preferred languages in order (navigator.languages).
 */
export function resolveLang(setting: 'auto' | Lang, browserLangs: string | readonly string[] | undefined): Lang {
  if (setting !== 'auto') return setting;
  const list = typeof browserLangs === 'string' ? [browserLangs] : (browserLangs ?? []);
  for (const tag of list) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
  }
  return 'en';
}

export type ProblemKey = `error.${AnswerProblem['code']}`;

export function describeProblem(t: Translate<ProblemKey>, problem: AnswerProblem): string {
  const { code, ...params } = problem;
  return t(`error.${code}`, params as Params);
}
