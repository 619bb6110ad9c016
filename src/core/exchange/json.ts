/**
 * Reading and writing exchange files as JSON. Reading follows the AdGuard order: parse as
 * unknown → read the format and version → migrate → validate; the first problem found refuses
 * the whole file with a readable reason, so a refused file never changes anything.
 */
import type { z } from 'zod';
import type { Catalog } from '../catalog';
import type { Filter } from '../filters';
import { describeZodError } from '../protocol/common';
import { bulkParser } from '../fast-parse';
import { RejectionSchema, type Rejection } from '../rejection';
import type { Settings } from '../settings';
import {
  BackupPayloadSchema,
  CatalogPayloadSchema,
  FORMAT_NAME,
  FORMAT_VERSION,
  HeaderSchema,
  MAX_FILE_BYTES,
  MigrationError,
  OLDEST_VERSION,
  RecordsPayloadSchema,
  migrate,
  type BackupFile,
  type CatalogFile,
  type ExchangeFile,
  type FileKind,
  type Header,
  type RecordsFile,
} from './format';
import { megabytes, problem, type ImportProblem } from './problems';

export type ReadResult<F extends ExchangeFile = ExchangeFile> = { ok: true; file: F } | { ok: false; problem: ImportProblem };

type KindMap = { records: RecordsFile; catalog: CatalogFile; backup: BackupFile };

const refuse = (p: ImportProblem): { ok: false; problem: ImportProblem } => ({ ok: false, problem: p });

/** Refuses a file by its size alone, before anything is read. */
export function sizeProblem(bytes: number): ImportProblem | null {
  return bytes > MAX_FILE_BYTES ? problem('too-large', { size: megabytes(bytes), limit: megabytes(MAX_FILE_BYTES) }) : null;
}

/**
 * A file's bytes as text, decoded the same way everywhere (pages, tests): UTF-8 unless a
 * byte-order mark says UTF-16 (Notepad's "Unicode"); bad bytes become U+FFFD, which `sniff`
 * then reports as binary. Browsers' own File.text() differ here (Chromium honours a UTF-16
 * mark, the spec says UTF-8 only), hence this.
 */
export function decodeFile(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

/** What a text that is not JSON looks like, so the message can say what the file really is. */
function sniff(text: string): ImportProblem | null {
  const head = text.slice(0, 4096);
  // UTF-16 without a byte-order mark read as UTF-8: ASCII comes out as letter, NUL, letter, NUL.
  if (/^(?:[\t\n\r -~]\u0000){8}|^(?:\u0000[\t\n\r -~]){8}/.test(head)) return problem('utf16');
  const nul = head.includes('\u0000');
  const junk = (head.match(/[\uFFFD\u0001-\u0008\u000E-\u001F]/g) ?? []).length;
  if (nul || junk > head.length / 20) return problem('binary');
  const start = head.replace(/^\uFEFF/, '').trimStart();
  if (/^([{["\d-]|(true|false|null)\b)/.test(start)) return null; // JSON: parsed and judged next
  if (start.startsWith('<')) return problem('html');
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/[;,\t]/.test(firstLine) && /\r?\n/.test(start)) return problem('csv');
  return problem('not-json', { start: (start.split(/\r?\n/, 1)[0] ?? '').slice(0, 40) });
}

function jsonProblem(text: string, error: unknown): ImportProblem {
  const message = error instanceof Error ? error.message : String(error);
  const at = /position (\d+)/.exec(message);
  const position = at ? Number(at[1]) : -1;
  const end = text.trimEnd().length;
  if (/end of JSON input|Unterminated string/i.test(message) || position >= end - 1) return problem('truncated');
  const before = text.slice(0, Math.max(0, position));
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return position >= 0 ? problem('bad-json', { line, column }) : problem('bad-json', { line: '?', column: '?' });
}

const isDoc = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the header and payload of any exchange file; records are checked one by one afterwards. */
function readDocument(text: string): { ok: true; doc: Record<string, unknown> } | { ok: false; problem: ImportProblem } {
  if (text.trim() === '' || text.trim() === '\uFEFF') return refuse(problem('empty'));
  const sniffed = sniff(text);
  if (sniffed) return refuse(sniffed);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return refuse(jsonProblem(text, error));
  }
  if (!isDoc(raw)) return refuse(problem('not-object'));
  if (raw.format === undefined) return refuse(problem('no-format'));
  if (raw.format !== FORMAT_NAME) return refuse(problem('wrong-format', { format: String(raw.format).slice(0, 80) }));
  const version = raw.version;
  if (version === undefined) return refuse(problem('no-version'));
  if (typeof version !== 'number' || !Number.isInteger(version) || version < OLDEST_VERSION) {
    return refuse(problem('bad-version', { version: JSON.stringify(version).slice(0, 40) }));
  }
  if (version > FORMAT_VERSION) return refuse(problem('future-version', { version, supported: FORMAT_VERSION }));
  try {
    return { ok: true, doc: migrate(raw, version) };
  } catch (error) {
    if (error instanceof MigrationError) return refuse(problem('migration', { version, detail: error.message }));
    throw error;
  }
}

function invalid(error: z.ZodError): ImportProblem {
  return problem('invalid-header', { detail: describeZodError(error, 2) });
}

const WEB_LINK = /^(https?:\/\/|$)/i;

/**
 * RejectionSchema's check, compiled for bulk (core/fast-parse.ts): a file holds thousands of
 * records. Compiled on first use, so a bundle that imports this module for something else (a
 * content script, a worker woken for a capture) neither carries nor runs it.
 */
let parseRecord: ReturnType<typeof bulkParser<typeof RejectionSchema>> | null = null;

/** Validates each record (stopping at the first bad one, named by its position and id) and refuses repeated ids. */
export function readRecords(raw: unknown[]): { ok: true; records: Rejection[] } | { ok: false; problem: ImportProblem } {
  const records: Rejection[] = new Array(raw.length);
  const seen = new Map<string, number>();
  const parse = (parseRecord ??= bulkParser(RejectionSchema));
  for (let i = 0; i < raw.length; i++) {
    const parsed = parse(raw[i]);
    if (!parsed.success) {
      const id = isDoc(raw[i]) && typeof (raw[i] as { id?: unknown }).id === 'string' ? String((raw[i] as { id: string }).id).slice(0, 80) : '—';
      return refuse(problem('invalid-record', { index: i + 1, id, detail: describeZodError(parsed.error, 2) }));
    }
    if (!WEB_LINK.test(parsed.data.url)) {
      // Shown later as a link back to the CRM: only web addresses, never javascript: or data:.
      return refuse(problem('invalid-record', { index: i + 1, id: parsed.data.id, detail: 'url: not a web address (http or https)' }));
    }
    const first = seen.get(parsed.data.id);
    if (first !== undefined) return refuse(problem('duplicate-id', { id: parsed.data.id, first, second: i + 1 }));
    seen.set(parsed.data.id, i + 1);
    records[i] = parsed.data;
  }
  return { ok: true, records };
}

/**
 * Reads an exchange file of one of the expected kinds. Never throws for bad input: every
 * problem comes back as a refusal.
 */
export function readExchangeFile<K extends FileKind>(text: string, expected: readonly K[]): ReadResult<KindMap[K]> {
  const read = readDocument(text);
  if (!read.ok) return read;
  const header = HeaderSchema.safeParse(read.doc);
  if (!header.success) return refuse(invalid(header.error));
  const kind = header.data.kind as K;
  if (!expected.includes(kind)) return refuse(problem('wrong-kind', { kind, expected: expected.join(', ') }));
  if (kind === 'catalog') {
    const payload = CatalogPayloadSchema.safeParse(read.doc);
    if (!payload.success) return refuse(invalid(payload.error));
    return { ok: true, file: { ...header.data, kind: 'catalog', ...payload.data } as KindMap[K] };
  }
  const payload = (kind === 'records' ? RecordsPayloadSchema : BackupPayloadSchema).safeParse(read.doc);
  if (!payload.success) return refuse(invalid(payload.error));
  const records = readRecords(payload.data.records);
  if (!records.ok) return records;
  return { ok: true, file: { ...header.data, ...payload.data, kind, records: records.records } as unknown as KindMap[K] };
}

// ---------------------------------------------------------------------------------------------
// Writing. Records go one per line, so a file is readable with `head` and diffs stay small;
// the text comes in parts (a Blob takes them without one giant string).

export type HeaderInput = Pick<Header, 'exportedAt' | 'exportedBy' | 'app'>;

function fileParts(header: Header, fields: Record<string, unknown>, records: readonly Rejection[] | null): string[] {
  const entries = Object.entries({ ...header, ...fields }).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  if (!records) return [`{\n${entries.join(',\n')}\n}\n`];
  const parts = [`{\n${entries.join(',\n')},\n"records": [`];
  const PAGE = 1000;
  for (let i = 0; i < records.length; i += PAGE) {
    const lines = records.slice(i, i + PAGE).map((r) => JSON.stringify(r));
    parts.push((i ? ',\n' : '\n') + lines.join(',\n'));
  }
  parts.push(records.length ? '\n]\n}\n' : ']\n}\n');
  return parts;
}

const headerOf = (kind: FileKind, h: HeaderInput): Header => ({
  format: FORMAT_NAME,
  version: FORMAT_VERSION,
  kind,
  exportedAt: h.exportedAt,
  exportedBy: h.exportedBy,
  app: h.app,
});

export function recordsFileParts(h: HeaderInput, body: { filter: Filter | null; catalog: Catalog; records: readonly Rejection[] }): string[] {
  return fileParts(headerOf('records', h), { filter: body.filter, catalog: body.catalog }, body.records);
}

export function catalogFileText(h: HeaderInput, catalog: Catalog): string {
  return fileParts(headerOf('catalog', h), { catalog }, null).join('');
}

export function backupFileParts(h: HeaderInput, body: { settings: Settings; catalog: Catalog; records: readonly Rejection[] }): string[] {
  return fileParts(headerOf('backup', h), { settings: body.settings, catalog: body.catalog }, body.records);
}

/** File names: whylost-<kind>-<who>-<yyyy-mm-dd>.json, safe on every file system. */
export function exchangeFileName(kind: FileKind | 'csv', who: string, at: number): string {
  const slug = who
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  const day = new Date(at).toISOString().slice(0, 10);
  const ext = kind === 'csv' ? 'csv' : 'json';
  return `whylost-${kind === 'csv' ? 'records' : kind}${slug ? `-${slug}` : ''}-${day}.${ext}`;
}
