import { describe, expect, it } from 'vitest';
import { captureOf, T0 } from '../../../test/support/records';
import { openDatabase } from './db';
import { setNative } from './native';
import * as repo from './repository';

const owner = { id: 'me', name: 'Анна' };
let dbN = 0;
const freshDb = () => openDatabase(`native-${++dbN}-${Math.random()}`);
const native = { id: '9001', name: 'Дорого' };

describe('setNative', () => {
  it('sets the CRM reason on the captured record, once', async () => {
    const db = freshDb();
    const req = captureOf();
    await repo.capture(db, req, owner);
    const res = await setNative(db, { id: req.id, native }, owner, T0 + 4_000);
    expect(res).toMatchObject({ ok: true, value: { id: req.id, native, status: 'pending', updatedAt: T0 + 4_000 } });
    const again = await setNative(db, { id: req.id, native }, owner, T0 + 9_000);
    expect(again).toMatchObject({ ok: true, value: { updatedAt: T0 + 4_000 } });
    expect(await db.rejections.count()).toBe(1);
  });

  it('keeps an answer already given', async () => {
    const db = freshDb();
    const req = captureOf();
    await repo.capture(db, req, owner);
    await db.rejections.update(req.id, { status: 'tagged', reasonId: 'price', comment: 'Бюджет 50 тыс.' });
    await setNative(db, { id: req.id, native }, owner, T0 + 4_000);
    expect(await db.rejections.get(req.id)).toMatchObject({ status: 'tagged', reasonId: 'price', native });
  });

  it('writes the capture it carries when it overtakes the pending write, and that write then changes nothing', async () => {
    const db = freshDb();
    const req = captureOf();
    const res = await setNative(db, { id: req.id, native, capture: req }, owner, T0 + 1_000);
    expect(res).toMatchObject({ ok: true, value: { id: req.id, native } });
    await repo.capture(db, req, owner);
    expect(await db.rejections.count()).toBe(1);
  });

  it('lands on the earlier record of the same close', async () => {
    const db = freshDb();
    const dom = captureOf();
    await repo.capture(db, dom, owner);
    const request = captureOf({ via: 'request', detectedAt: T0 + 2_000 });
    const res = await setNative(db, { id: request.id, native, capture: request }, owner, T0 + 3_000);
    expect(res).toMatchObject({ ok: true, value: { id: dom.id, native } });
    expect(await db.rejections.count()).toBe(1);
  });

  it('says so when there is no such record', async () => {
    const res = await setNative(freshDb(), { id: 'missing-record', native }, owner, T0);
    expect(res).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
