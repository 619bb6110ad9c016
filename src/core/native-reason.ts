/**
 * A CRM's own loss reason (amoCRM «Причина отказа») beside ours: when its name is the name of a
 * catalog reason in any of our languages, that reason is preselected in the panel. Names are
 * compared loosely (case, ё/е, quotes, punctuation, spaces) but whole: «Дорого» matches
 * "price" («Дорого»), «Выбрали конкурента» matches nothing («Выбрал конкурента» is another text).
 */
import type { Catalog } from './catalog';
import { LANGS } from './primitives';
import type { LeadContext } from './rejection';

export type NativeReason = NonNullable<LeadContext['native']>;

/** «Не клиент (поставщик…)» → "не клиент поставщик"; "Price — too high!" → "price too high". */
export function normalizeReasonName(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The label without a trailing explanation in brackets: «Не клиент (поставщик…)» → «Не клиент». */
const shortLabel = (label: string): string => label.replace(/\s*\(.*\)\s*$/, '');

/**
 * The catalog reason whose label (ru, uk or en; with or without its bracketed tail) is the
 * native name; null when none or when two different reasons would match (ambiguous).
 * Retired reasons and outcomes are never suggested.
 */
export function matchNativeReason(catalog: Catalog, nativeName: string | null | undefined): string | null {
  if (!nativeName) return null;
  const wanted = normalizeReasonName(nativeName);
  if (!wanted) return null;
  const found = new Set<string>();
  for (const reason of catalog.reasons) {
    if (reason.retired || reason.kind === 'outcome') continue;
    for (const lang of LANGS) {
      const label = reason.label[lang];
      if (!label) continue;
      if (normalizeReasonName(label) === wanted || normalizeReasonName(shortLabel(label)) === wanted) found.add(reason.id);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
