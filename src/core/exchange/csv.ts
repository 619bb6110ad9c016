/**
 * CSV for Excel: one row per record, readable labels in the reader's language.
 *
 * - UTF-8 with a byte-order mark: without it Excel reads UTF-8 as the local ANSI code page and
 *   Cyrillic turns into mojibake.
 * - `;` by default for Russian and Ukrainian: Excel in those locales splits on the list
 *   separator, which is `;` there (the decimal separator is `,`); `,` is an option.
 * - Cells quoted per RFC 4180 when they hold the separator, a quote or a line break; lines end CRLF.
 * - Formula injection (OWASP "CSV injection"): a text cell starting with = + - @ tab or CR gets a
 *   leading apostrophe, so Excel shows it as text instead of running it. Numbers WhyLost writes
 *   itself (amounts, attempts) stay numbers.
 */
import type { Catalog } from '../catalog';
import { findReason, reasonLabel } from '../catalog';
import type { MessageKey, Translate } from '../i18n';
import type { Lang } from '../primitives';
import type { Rejection } from '../rejection';

export const CSV_SEPARATORS = [';', ','] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export const BOM = '\uFEFF';

export function defaultSeparator(lang: Lang): CsvSeparator {
  return lang === 'en' ? ',' : ';';
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** A text cell made safe to open in a spreadsheet. */
export function neutralize(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function quote(cell: string, separator: CsvSeparator): string {
  return cell.includes(separator) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

type Cell = string | number | null;

export interface CsvOptions {
  separator: CsvSeparator;
  lang: Lang;
  t: Translate;
  catalog: Catalog;
  /** IANA zone for dates; the reader's own by default. */
  timeZone?: string;
}

const CRM_NAMES: Record<Rejection['crm'], string> = { amocrm: 'amoCRM', bitrix24: 'Bitrix24', onebox: 'OneBox' };

function dateFormatter(timeZone: string | undefined): (ms: number | null) => string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (ms) => {
    if (ms === null) return '';
    const p = Object.fromEntries(format.formatToParts(ms).map((x) => [x.type, x.value]));
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  };
}

/** The columns, in order: header text key and how a record fills it. */
function columns(o: CsvOptions): [MessageKey, (r: Rejection) => Cell][] {
  const { t, lang, catalog } = o;
  const date = dateFormatter(o.timeZone);
  const label = (id: string) => reasonLabel(catalog, id, lang, (x) => t('reason.unknown', { id: x }));
  const named = (n: { id: string; name: string | null } | null) => (n ? (n.name ?? n.id) : '');
  return [
    ['sharing.csv.id', (r) => r.id],
    ['sharing.csv.detectedAt', (r) => date(r.detectedAt)],
    ['sharing.csv.status', (r) => t(`sharing.status.${r.status}`)],
    ['sharing.csv.reason', (r) => (r.reasonId ? label(r.reasonId) : '')],
    ['sharing.csv.kind', (r) => {
      const kind = findReason(catalog, r.reasonId)?.kind;
      return kind ? t(`sharing.kind.${kind}`) : '';
    }],
    ['sharing.csv.comment', (r) => r.comment],
    ['sharing.csv.secondary', (r) => r.secondaryReasonIds.map(label).join(', ')],
    ['sharing.csv.competitor', (r) => r.competitor],
    ['sharing.csv.attempts', (r) => r.attempts],
    ['sharing.csv.followUpAt', (r) => date(r.followUpAt)],
    ['sharing.csv.segment', (r) => (r.segment ? t(`sharing.segment.${r.segment}`) : '')],
    ['sharing.csv.crm', (r) => CRM_NAMES[r.crm]],
    ['sharing.csv.host', (r) => r.host],
    ['sharing.csv.account', (r) => r.account],
    ['sharing.csv.entity', (r) => (r.entityTypeId ? `${r.entityType}:${r.entityTypeId}` : r.entityType)],
    ['sharing.csv.leadId', (r) => r.leadId],
    ['sharing.csv.title', (r) => r.title],
    ['sharing.csv.amount', (r) => r.amount],
    ['sharing.csv.currency', (r) => r.currency],
    ['sharing.csv.pipeline', (r) => named(r.pipeline)],
    ['sharing.csv.fromStage', (r) => named(r.fromStage)],
    ['sharing.csv.toStage', (r) => named(r.toStage)],
    ['sharing.csv.manager', (r) => r.manager.name ?? r.manager.id],
    ['sharing.csv.owner', (r) => r.owner.name || r.owner.id],
    ['sharing.csv.reasonId', (r) => r.reasonId],
    ['sharing.csv.taggedAt', (r) => date(r.taggedAt)],
    ['sharing.csv.withdrawnAt', (r) => date(r.withdrawnAt)],
    ['sharing.csv.reopenedAt', (r) => date(r.reopened?.at ?? null)],
    ['sharing.csv.reopenedNote', (r) => r.reopened?.note ?? null],
    ['sharing.csv.url', (r) => r.url],
    ['sharing.csv.updatedAt', (r) => date(r.updatedAt)],
    ['sharing.csv.ownerId', (r) => r.owner.id],
  ];
}

function cellText(value: Cell, separator: CsvSeparator): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    // Our own numbers: written as numbers, with the decimal comma where `;` separates.
    const text = String(value);
    return quote(separator === ';' ? text.replace('.', ',') : text, separator);
  }
  return quote(neutralize(value), separator);
}

/** The CSV text in parts (BOM first), ready for a Blob. */
export function csvParts(records: readonly Rejection[], o: CsvOptions): string[] {
  const cols = columns(o);
  const line = (cells: Cell[]) => cells.map((c) => cellText(c, o.separator)).join(o.separator) + '\r\n';
  const parts = [BOM + line(cols.map(([key]) => o.t(key)))];
  const PAGE = 1000;
  for (let i = 0; i < records.length; i += PAGE) {
    parts.push(records.slice(i, i + PAGE).map((r) => line(cols.map(([, get]) => get(r)))).join(''));
  }
  return parts;
}
