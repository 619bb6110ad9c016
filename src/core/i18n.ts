/**
 * Every interface text, in Russian, Ukrainian and English (kept per area in ./messages/), for
 * extension pages. The language setting overrides the browser's (resolveLang). Content scripts
 * build smaller translators from the areas they need (i18n-core.ts).
 */
import { areaTranslator, type KeysOf, type Translate as TranslateOf } from './i18n-core';
import { AREAS } from './messages';
import type { Lang } from './primitives';

export { describeProblem, resolveLang, type Params } from './i18n-core';

export type MessageKey = KeysOf<(typeof AREAS)[number]>;
export type Translate = TranslateOf<MessageKey>;

type Dictionary = Record<MessageKey, string>;

function merge(lang: Lang): Dictionary {
  return Object.assign({}, ...AREAS.map((area) => area[lang])) as Dictionary;
}

export const DICTIONARIES: Record<Lang, Dictionary> = { en: merge('en'), ru: merge('ru'), uk: merge('uk') };

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number | null | undefined> = {}): string {
  return translator(lang)(key, params);
}

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) translators.set(lang, (t = areaTranslator(lang, AREAS)));
  return t;
}
