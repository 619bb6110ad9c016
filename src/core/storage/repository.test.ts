import { describe, expect, it } from 'vitest';
import { answer, captureOf, T0 } from '../../../test/support/records';
import { DEFAULT_CATALOG } from '../catalog';
import { defaultSettings } from '../settings';
import { openDatabase } from './db';
import * as repo from './repository';

const owner = { id: 'me', name: 'Анна' };
const env = { catalog: DEFAULT_CATALOG, rules: defaultSettings('me').comments, owner, now: T0 + 5_000 };
let dbN = 0;
const freshDb = () => openDatabase(`test-${++dbN}-${Math.random()}`);

describe('capture', () => {
  it('writes a pending record with the lead context, once however often it is sent', async () => {
    const db = freshDb();
    const req = captureOf();
    const first = await repo.capture(db, req, owner);
    const again = await repo.capture(db, req, owner);
    expect(first).toMatchObject({ ok: true, value: { id: req.id, created: true } });
    expect(again).toMatchObject({ ok: true, value: { id: req.id, created: false } });
    expect(await db.rejections.count()).toBe(1);
    const stored = await db.rejections.get(req.id);
    expect(stored).toMatchObject({ status: 'pending', leadId: '1001', leadKey: 'amocrm|demo.amocrm.ru|lead|1001', owner });
  });

  it('treats a second report of the same close (new id, seconds later) as the same record', async () => {
    const db = freshDb();
    const dom = captureOf();
    const request = captureOf({ detectedAt: T0 + 3_000, via: 'request' });
    await repo.capture(db, dom, owner);
    const res = await repo.capture(db, request, owner);
    expect(res).toMatchObject({ ok: true, value: { id: dom.id, created: false } });
    expect(await db.rejections.count()).toBe(1);
  });

  it('keeps apart a later close of the same lead and a close of another lead', async () => {
    const db = freshDb();
    await repo.capture(db, captureOf(), owner);
    await repo.capture(db, captureOf({ detectedAt: T0 + repo.SAME_CLOSE_WINDOW_MS + 1 }), owner);
    await repo.capture(db, captureOf({}, { leadId: '1002' }), owner);
    expect(await db.rejections.count()).toBe(3);
  });
});

describe('tag', () => {
  it('tags a pending record and counts it', async () => {
    const db = freshDb();
    const req = captureOf();
    await repo.capture(db, req, owner);
    const res = await repo.tag(db, { id: req.id, answer: answer() }, env);
    expect(res).toMatchObject({ ok: true, value: { status: 'tagged', reasonId: 'price', taggedAt: env.now } });
    const sum = await repo.summary(db, { from: null, to: null }, DEFAULT_CATALOG);
    expect(sum).toEqual({ ok: true, value: { total: 1, junk: 0, loss: 1, pending: 0, byReason: [{ reasonId: 'price', count: 1 }] } });
  });

  it('refuses an answer that breaks the rules and changes nothing', async () => {
    const db = freshDb();
    const req = captureOf();
    await repo.capture(db, req, owner);
    const res = await repo.tag(db, { id: req.id, answer: answer({ comment: '-' }) }, env);
    expect(res).toEqual({ ok: false, error: { code: 'rules', message: 'comment-placeholder' } });
    expect((await db.rejections.get(req.id))?.status).toBe('pending');
  });

  it('lands once when the pending write was lost, carrying the capture along', async () => {
    const db = freshDb();
    const req = captureOf();
    const res = await repo.tag(db, { id: req.id, answer: answer(), capture: req }, env);
    expect(res.ok).toBe(true);
    await repo.tag(db, { id: req.id, answer: answer({ comment: 'Бюджет 50 тыс., наша цена 90 тыс.' }), capture: req }, env);
    expect(await db.rejections.count()).toBe(1);
    expect((await db.rejections.get(req.id))?.comment).toBe('Бюджет 50 тыс., наша цена 90 тыс.');
  });

  it('says not-found for an unknown id without a capture', async () => {
    const res = await repo.tag(freshDb(), { id: 'missing-000', answer: answer() }, env);
    expect(res).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps a soft reason below the attempts threshold with a follow-up date as follow-up', async () => {
    const db = freshDb();
    const req = captureOf();
    await repo.capture(db, req, owner);
    const soft = answer({ segment: 'outbound-b2b', reasonId: 'excuse-call-later', attempts: 1, followUpAt: T0 + 86_400_000 });
    expect(await repo.tag(db, { id: req.id, answer: soft }, env)).toMatchObject({ ok: true, value: { status: 'follow-up' } });
    const third = answer({ segment: 'outbound-b2b', reasonId: 'excuse-call-later', attempts: 3, followUpAt: null });
    expect(await repo.tag(db, { id: req.id, answer: third }, env)).toMatchObject({ ok: true, value: { status: 'tagged' } });
  });
});

describe('withdraw and summary', () => {
  it('withdrawn records leave the counts; pending ones are counted apart; junk apart from loss', async () => {
    const db = freshDb();
    const a = captureOf({}, { leadId: '1' });
    const b = captureOf({}, { leadId: '2' });
    const c = captureOf({}, { leadId: '3' });
    const d = captureOf({}, { leadId: '4' });
    for (const r of [a, b, c, d]) await repo.capture(db, r, owner);
    await repo.tag(db, { id: a.id, answer: answer() }, env);
    await repo.tag(db, { id: b.id, answer: answer({ reasonId: 'spam', comment: 'Робот прислал рекламу SEO' }) }, env);
    await repo.tag(db, { id: c.id, answer: answer() }, env);
    await repo.withdraw(db, c.id, T0 + 9_000);
    const sum = await repo.summary(db, { from: null, to: null }, DEFAULT_CATALOG);
    expect(sum).toEqual({
      ok: true,
      value: { total: 2, junk: 1, loss: 1, pending: 1, byReason: [{ reasonId: 'price', count: 1 }, { reasonId: 'spam', count: 1 }] },
    });
    expect((await repo.pendingRecords(db, 'me')).ok && (await repo.pendingCount(db, 'me'))).toBe(1);
  });

  it('queues and counts only the pending closes of this browser’s identity', async () => {
    const db = freshDb();
    await repo.capture(db, captureOf({}, { leadId: '1' }), owner);
    await repo.capture(db, captureOf({}, { leadId: '2' }), { id: 'colleague', name: 'Иван' }); // merged from a file
    expect(await repo.pendingCount(db, 'me')).toBe(1);
    const mine = await repo.pendingRecords(db, 'me');
    expect(mine.ok && mine.value.map((r) => r.leadId)).toEqual(['1']);
    expect(await repo.pendingCount(db, 'colleague')).toBe(1);
  });

  it('limits the summary to a period', async () => {
    const db = freshDb();
    const old = captureOf({ detectedAt: T0 - 40 * 86_400_000 }, { leadId: '1' });
    const now = captureOf({}, { leadId: '2' });
    for (const r of [old, now]) {
      await repo.capture(db, r, owner);
      await repo.tag(db, { id: r.id, answer: answer() }, env);
    }
    const sum = await repo.summary(db, { from: T0 - 7 * 86_400_000, to: null }, DEFAULT_CATALOG);
    expect(sum.ok && sum.value.total).toBe(1);
  });
});

describe('storage errors', () => {
  it('recognises a quota error however deep Dexie wraps it', () => {
    const quota = Object.assign(new Error('full'), { name: 'QuotaExceededError' });
    expect(repo.isQuotaError({ name: 'AbortError', inner: { name: 'DatabaseClosedError', inner: quota } })).toBe(true);
    expect(repo.isQuotaError(new Error('other'))).toBe(false);
  });
});
