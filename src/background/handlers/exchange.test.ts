import { afterEach, describe, expect, it } from 'vitest';
import { ANNA, BORIS, everyRecord, exportText, makeRecords } from '../../../test/support/exchange-data';
import { UploadStore } from '../../core/exchange/uploads';
import { UPLOAD_TEXT } from '../../core/protocol/exchange';
import { defaultSettings } from '../../core/settings';
import { openDatabase } from '../../core/storage/db';
import { uploadFile } from '../../platform/exchange';
import { call } from '../../platform/messaging';
import { settingsItem } from '../../platform/stored';
import { receiveUploadText, registerExchangeHandlers } from './exchange';

let n = 0;
let stop = () => {};
afterEach(() => stop());
function setup() {
  const db = openDatabase(`handlers-${++n}-${Math.random()}`);
  let changes = 0;
  const uploads = new UploadStore();
  stop = registerExchangeHandlers(db, { db, changed: async () => void changes++, refreshBadge: async () => undefined }, uploads);
  return { db, uploads, changes: () => changes };
}

async function importFile(name: string, text: string) {
  const up = await uploadFile(new File([text], name));
  if (!up.ok) return { status: 'refused' as const, problem: up.problem };
  const res = await call('exchange.importRecords', { uploadId: up.uploadId });
  if (!res.ok) throw new Error(res.error.message);
  return res.value;
}

describe('exchange handlers (text chunks: no service worker, as in Firefox)', () => {
  it('imports a file sent in chunks, then the same file changes nothing and announces nothing', async () => {
    const { db, changes } = setup();
    const text = exportText(ANNA, makeRecords(ANNA, 3));
    expect(await importFile('anna.json', text)).toMatchObject({ status: 'imported', added: 3, updated: 0, unchanged: 0, exportedBy: ANNA, unknownReasons: [] });
    expect(changes()).toBe(1);
    expect(await importFile('anna.json', text)).toMatchObject({ status: 'imported', added: 0, unchanged: 3 });
    expect(changes()).toBe(1);
    expect((await everyRecord(db)).map((r) => r.id)).toEqual(makeRecords(ANNA, 3).map((r) => r.id));
    // Anna is not this browser's identity: her records are kept in a pack, not as rows.
    expect(await db.rejections.count()).toBe(0);
    expect(await db.packIndex.count()).toBe(1);
  });

  it('refuses a bad file and writes nothing', async () => {
    const { db, changes } = setup();
    const res = await importFile('cut.json', exportText(ANNA, makeRecords(ANNA, 3)).slice(0, 500));
    expect(res).toEqual({ status: 'refused', problem: { code: 'truncated', params: {} } });
    expect(await everyRecord(db)).toEqual([]);
    expect(changes()).toBe(0);
  });

  it('refuses to remove this browser’s own records through the team view', async () => {
    const { db } = setup();
    await settingsItem.setValue({ ...defaultSettings(ANNA.id), identity: { ...ANNA, fromCrm: false } });
    await db.rejections.bulkAdd([...makeRecords(ANNA, 2), ...makeRecords(BORIS, 1)]);
    expect(await call('exchange.removeOwner', { ownerId: ANNA.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await call('exchange.removeOwner', { ownerId: BORIS.id })).toEqual({ ok: true, value: { removed: 1 } });
    expect(await db.rejections.count()).toBe(2);
  });
});

describe('receiveUploadText (service worker postMessage)', () => {
  it('takes text only from the extension’s own pages, with a well-formed message and a reply port', () => {
    const uploads = new UploadStore(() => '5b0b7c1e-1f6b-4c53-9a52-1e0b0f3b2a11');
    const id = uploads.begin('a.json', 2, 0);
    const replies: unknown[] = [];
    const port = { postMessage: (m: unknown) => replies.push(m) };
    const own = 'chrome-extension://abc';
    expect(receiveUploadText(uploads, { origin: 'https://evil.example', data: { type: UPLOAD_TEXT, uploadId: id, text: '{}' }, ports: [port] }, own, 1)).toBe(false);
    expect(receiveUploadText(uploads, { origin: own, data: { type: UPLOAD_TEXT, uploadId: id, text: new TextEncoder().encode('{}').buffer }, ports: [port] }, own, 1)).toBe(false);
    expect(receiveUploadText(uploads, { origin: own, data: { type: UPLOAD_TEXT, uploadId: id, text: '{}' }, ports: [] }, own, 1)).toBe(false);
    expect(replies).toEqual([]);
    expect(receiveUploadText(uploads, { origin: own, data: { type: UPLOAD_TEXT, uploadId: id, text: '{}' }, ports: [port] }, own, 1)).toBe(true);
    expect(replies).toEqual([{ result: 'ok' }]);
    expect(uploads.take(id, 2)?.text).toBe('{}');
  });
});
