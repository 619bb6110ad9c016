/**
 * Interface texts in Russian, Ukrainian and English (kept per area in ./messages/). The
 * language setting overrides the browser's; 'auto' picks the browser's UI language when it is
 * one of ours, else English.
 */
import type { AnswerProblem } from './answer-rules';
import { AREAS } from './messages';
import type { Lang } from './primitives';
import { LANGS } from './primitives';

type Union<T> = T extends readonly (infer U)[] ? U : never;
type AreaKeys<A> = A extends { en: infer E } ? keyof E : never;
export type MessageKey = AreaKeys<Union<typeof AREAS>> & string;
type Dictionary = Record<MessageKey, string>;

function merge(lang: Lang): Dictionary {
  return Object.assign({}, ...AREAS.map((area) => area[lang])) as Dictionary;
}

export const DICTIONARIES: Record<Lang, Dictionary> = { en: merge('en'), ru: merge('ru'), uk: merge('uk') };

export type Params = Record<string, string | number | null | undefined>;

export function translate(lang: Lang, key: MessageKey, params: Params = {}): string {
  const template = DICTIONARIES[lang][key] ?? DICTIONARIES.en[key];
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

export type Translate = (key: MessageKey, params?: Params) => string;

export function translator(lang: Lang): Translate {
  return (key, params) => translate(lang, key, params);
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

export function describeProblem(t: Translate, problem: AnswerProblem): string {
  const { code, ...params } = problem;
  return t(`error.${code}`, params as Params);
}
