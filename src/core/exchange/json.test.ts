import { describe, expect, it } from 'vitest';
import { ANNA, BORIS, exportText, makeRecord, makeRecords } from '../../../test/support/exchange-data';
import { DEFAULT_CATALOG } from '../catalog';
import { EMPTY_FILTER } from '../filters';
import { translator } from '../i18n';
import { defaultSettings } from '../settings';
import { FORMAT_VERSION, MAX_FILE_BYTES, migrate, MIGRATIONS } from './format';
import { backupFileParts, catalogFileText, decodeFile, exchangeFileName, readExchangeFile, recordsFileParts, sizeProblem } from './json';
import { describeRefusal } from './problems';

const header = { exportedAt: Date.UTC(2026, 10, 3), exportedBy: ANNA, app: 'WhyLost 0.1.0' };

describe('records export', () => {
  it('round-trips every field of every record, the header, filter and catalog', () => {
    const records = [
      ...makeRecords(ANNA, 3),
      makeRecord(ANNA, 9, {
        status: 'follow-up',
        reasonId: 'excuse-call-later',
        segment: 'outbound-b2b',
        secondaryReasonIds: ['timing', 'price'],
        competitor: 'ООО «Ромашка»; "кавычки"',
        attempts: 2,
        followUpAt: Date.UTC(2026, 11, 1),
        withdrawnAt: null,
        reopened: { at: Date.UTC(2026, 10, 5), by: 'Анна', note: 'вернули в работу\nвторая строка' },
        entityType: 'smart',
        entityTypeId: '128',
        native: { id: '77', name: 'Дорого' },
        amount: -12.5,
        comment: 'эмодзи 😀 и табуляция\t',
      }),
      makeRecord(ANNA, 10, { status: 'pending', reasonId: null, segment: null, comment: '', taggedAt: null, fromStage: null, pipeline: null, amount: null }),
    ];
    const filter = { ...EMPTY_FILTER, scope: 'mine' as const, crms: ['amocrm' as const] };
    const text = recordsFileParts(header, { filter, catalog: DEFAULT_CATALOG, records }).join('');
    const read = readExchangeFile(text, ['records']);
    if (!read.ok) throw new Error(read.problem.code);
    expect(read.file).toEqual({ format: 'whylost-export', version: FORMAT_VERSION, kind: 'records', ...header, filter, catalog: DEFAULT_CATALOG, records });
    // One record per line, header first: a file a person can read.
    expect(text.split('\n')[1]).toBe('"format": "whylost-export",');
    expect(text.split('\n').filter((l) => l.startsWith('{"'))).toHaveLength(records.length);
  });

  it('writes an empty export that reads back empty', () => {
    const text = recordsFileParts(header, { filter: null, catalog: DEFAULT_CATALOG, records: [] }).join('');
    const read = readExchangeFile(text, ['records']);
    expect(read.ok && read.file.records).toEqual([]);
  });

  it('reads a file with a byte-order mark and Windows line ends', () => {
    const text = '\uFEFF' + exportText(ANNA, makeRecords(ANNA, 2)).replace(/\n/g, '\r\n');
    const read = readExchangeFile(text, ['records']);
    expect(read.ok && read.file.records.map((r) => r.id)).toEqual(makeRecords(ANNA, 2).map((r) => r.id));
  });

  it('keeps each record its own owner, whoever exported the file (a lead re-exporting team data)', () => {
    const text = exportText(ANNA, [makeRecord(ANNA, 1), makeRecord(BORIS, 2)]);
    const read = readExchangeFile(text, ['records']);
    expect(read.ok && read.file.records.map((r) => r.owner)).toEqual([ANNA, BORIS]);
  });
});

describe('catalog file and backup', () => {
  it('round-trips a catalog file', () => {
    const catalog = { ...DEFAULT_CATALOG, revision: 7 };
    const read = readExchangeFile(catalogFileText(header, catalog), ['catalog']);
    expect(read.ok && read.file).toMatchObject({ kind: 'catalog', catalog });
  });

  it('round-trips a backup with settings', () => {
    const settings = { ...defaultSettings(ANNA.id), identity: { id: ANNA.id, name: ANNA.name, fromCrm: false } };
    const records = makeRecords(ANNA, 4);
    const text = backupFileParts(header, { settings, catalog: DEFAULT_CATALOG, records }).join('');
    const read = readExchangeFile(text, ['backup']);
    expect(read.ok && read.file).toMatchObject({ kind: 'backup', settings, catalog: DEFAULT_CATALOG, records });
  });

  it('refuses a backup in the records import, naming both kinds in the reader’s language', () => {
    const text = backupFileParts(header, { settings: defaultSettings('x'), catalog: DEFAULT_CATALOG, records: [] }).join('');
    const read = readExchangeFile(text, ['records']);
    if (read.ok) throw new Error('accepted');
    expect(describeRefusal(translator('ru'), 'b.json', read.problem)).toBe(
      '«b.json» не принят, ничего не изменено: это полная резервная копия WhyLost; здесь можно загрузить: выгрузка отказов.',
    );
  });
});

describe('version chain', () => {
  it('has a migration for every version below the current one', () => {
    for (let v = 0; v < FORMAT_VERSION; v++) expect(MIGRATIONS[v], `migration from ${v}`).toBeTypeOf('function');
  });

  it('upgrades the v0 draft: owner on every record, ms dates, leadKey, updatedAt, catalog object', () => {
    const [a] = makeRecords(ANNA, 1);
    const { owner: _o, leadKey: _k, updatedAt: _u, ...rest } = a!;
    const v0 = {
      format: 'whylost-export',
      version: 0,
      exportedAt: '2026-11-03T09:00:00.000Z',
      manager: ANNA,
      reasons: DEFAULT_CATALOG.reasons,
      records: [{ ...rest, detectedAt: new Date(a!.detectedAt).toISOString(), taggedAt: new Date(a!.taggedAt!).toISOString() }],
    };
    const read = readExchangeFile(JSON.stringify(v0), ['records']);
    if (!read.ok) throw new Error(JSON.stringify(read.problem));
    expect(read.file.exportedBy).toEqual(ANNA);
    expect(read.file.catalog).toEqual({ revision: 1, updatedAt: Date.parse(v0.exportedAt), reasons: DEFAULT_CATALOG.reasons });
    expect(read.file.records[0]).toEqual({ ...a, updatedAt: a!.taggedAt });
  });

  it('names the record and field an old file could not be upgraded at', () => {
    const read = readExchangeFile(JSON.stringify({ format: 'whylost-export', version: 0, exportedAt: 'yesterday', manager: ANNA, records: [] }), ['records']);
    expect(!read.ok && read.problem).toEqual({ code: 'migration', params: { version: 0, detail: 'exportedAt is not an ISO date ("yesterday")' } });
    expect(() => migrate({}, -5)).toThrow('no upgrade from version -5');
  });
});

describe('decodeFile', () => {
  it('reads UTF-8 (with or without its mark) and UTF-16 with a byte-order mark, the same in every browser', () => {
    const text = '{"a":"Привет"}';
    expect(decodeFile(new TextEncoder().encode(text))).toBe(text);
    expect(decodeFile(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]))).toBe(text);
    expect(decodeFile(new Uint8Array(Buffer.from(`\uFEFF${text}`, 'utf16le')))).toBe(text);
    const be = Buffer.from(`\uFEFF${text}`, 'utf16le').swap16();
    expect(decodeFile(new Uint8Array(be))).toBe(text);
    expect(decodeFile(new Uint8Array([0x7b, 0xff, 0x7d]))).toBe('{\uFFFD}');
  });
});

describe('size and names', () => {
  it('refuses a file over the limit by its size alone', () => {
    expect(sizeProblem(MAX_FILE_BYTES)).toBeNull();
    expect(sizeProblem(50 * 1024 * 1024)).toEqual({ code: 'too-large', params: { size: '50.0', limit: '32.0' } });
  });

  it('makes file names safe, keeping Cyrillic', () => {
    expect(exchangeFileName('records', 'Анна Петрова / отдел №2', Date.UTC(2026, 10, 3))).toBe('whylost-records-Анна-Петрова-отдел-2-2026-11-03.json');
    expect(exchangeFileName('csv', '', Date.UTC(2026, 10, 3))).toBe('whylost-records-2026-11-03.csv');
    expect(exchangeFileName('catalog', 'Йорик', Date.UTC(2026, 10, 3))).toBe('whylost-catalog-Йорик-2026-11-03.json');
  });
});
