/**
 * Which OneBox stages mean "refused": configuration, not code. Each company names its own
 * refusal stage («Відмова», «Закрито без оплати», …), so the settings list, per host, the stage
 * names (compared case- and whitespace-insensitively) or ids; the '*' row applies where a host
 * has no row of its own. Pure.
 */
import type { Settings } from '../../core/settings';

/** "  Закрито   БЕЗ оплати " → "закрито без оплати"; typographic apostrophes and quotes made plain. */
export function normalizeStage(name: string): string {
  return name
    .normalize('NFC')
    .replace(/[\u2019\u02bc\u2018`ʹ]/g, "'")
    .replace(/[«»“”„"]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('uk');
}

/** The refusal stages that apply on a host: its own row, else the '*' row, else none. */
export function refusalStagesFor(rows: Settings['onebox'], host: string): string[] {
  const h = host.toLowerCase();
  return (rows.find((r) => r.host === h) ?? rows.find((r) => r.host === '*'))?.stages ?? [];
}

export interface StageMatcher {
  isRefusal(stage: { id: string | null; name: string | null }): boolean;
}

export function stageMatcher(configured: readonly string[]): StageMatcher {
  const names = new Set(configured.map(normalizeStage).filter(Boolean));
  return {
    isRefusal: ({ id, name }) => Boolean((id && names.has(normalizeStage(id))) || (name && names.has(normalizeStage(name)))),
  };
}

/** Text of the options' stage box, one name per line → clean, de-duplicated names. */
export function parseStageList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const name = line.replace(/\s+/g, ' ').trim();
    const key = normalizeStage(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** The rows with `host`'s stages set (a new row is added after the others). */
export function withStages(rows: Settings['onebox'], host: string, stages: string[]): Settings['onebox'] {
  return rows.some((r) => r.host === host) ? rows.map((r) => (r.host === host ? { host, stages } : r)) : [...rows, { host, stages }];
}

/** The rows without `host`'s; the '*' row always stays. */
export function withoutHost(rows: Settings['onebox'], host: string): Settings['onebox'] {
  return host === '*' ? rows : rows.filter((r) => r.host !== host);
}
