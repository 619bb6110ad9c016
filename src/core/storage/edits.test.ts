import { describe, expect, it } from 'vitest';
import { answer, captureOf, T0 } from '../../../test/support/records';
import { DEFAULT_CATALOG } from '../catalog';
import { defaultSettings } from '../settings';
import { openDatabase } from './db';
import { editAnswer, setReopened } from './edits';
import * as repo from './repository';

const owner = { id: 'me', name: 'Анна' };
const rules = defaultSettings('me').comments;
const env = (now: number) => ({ catalog: DEFAULT_CATALOG, rules, now });
let n = 0;
const freshDb = () => openDatabase(`edits-${++n}-${Math.random()}`);

async function pendingIn(db: ReturnType<typeof freshDb>) {
  const req = captureOf();
  await repo.capture(db, req, owner);
  return req.id;
}

describe('editAnswer', () => {
  it('tags a pending record, then changes its answer later, keeping the first tag time', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    const first = await editAnswer(db, { id, answer: answer() }, env(T0 + 1_000));
    expect(first).toMatchObject({ ok: true, value: { status: 'tagged', reasonId: 'price', taggedAt: T0 + 1_000 } });
    const changed = await editAnswer(
      db,
      { id, answer: answer({ reasonId: 'competitor', competitor: ' Климат-Про ', comment: 'Ушли к ним: монтаж в тот же день' }) },
      env(T0 + 9_000),
    );
    expect(changed).toMatchObject({ ok: true, value: { reasonId: 'competitor', competitor: 'Климат-Про', taggedAt: T0 + 1_000, updatedAt: T0 + 9_000 } });
    expect(await db.rejections.get(id)).toMatchObject({ reasonId: 'competitor', comment: 'Ушли к ним: монтаж в тот же день' });
  });

  it('turns an excuse below the threshold into a follow-up, and into a write-off once attempts reach it', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    const soft = answer({ segment: 'outbound-b2b', reasonId: 'excuse-call-later', comment: 'Просили перезвонить после отпуска', attempts: 1, followUpAt: T0 + 86_400_000 });
    expect(await editAnswer(db, { id, answer: soft }, env(T0 + 1))).toMatchObject({ ok: true, value: { status: 'follow-up' } });
    expect(await editAnswer(db, { id, answer: { ...soft, attempts: 3 } }, env(T0 + 2))).toMatchObject({
      ok: true,
      value: { status: 'tagged', attempts: 3, followUpAt: null },
    });
  });

  it('refuses an answer the rules refuse, an unknown record and a withdrawn one, changing nothing', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    expect(await editAnswer(db, { id, answer: answer({ comment: '-' }) }, env(T0 + 1))).toMatchObject({ ok: false, error: { code: 'rules', message: 'comment-placeholder' } });
    expect(await editAnswer(db, { id: 'rec-nothere', answer: answer() }, env(T0 + 1))).toMatchObject({ ok: false, error: { code: 'not-found' } });
    await repo.withdraw(db, id, T0 + 2);
    expect(await editAnswer(db, { id, answer: answer() }, env(T0 + 3))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await db.rejections.get(id)).toMatchObject({ status: 'withdrawn', reasonId: null });
  });
});

describe('setReopened (closed by mistake)', () => {
  it('marks a tagged record with who, when and a note, keeping its reason and status; unmarking clears it', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    await editAnswer(db, { id, answer: answer() }, env(T0 + 1));
    const marked = await setReopened(db, { id, reopened: true, note: ' Клиент перезвонил сам ', by: 'Ольга' }, T0 + 5_000);
    expect(marked).toMatchObject({ ok: true, value: { status: 'tagged', reasonId: 'price', reopened: { at: T0 + 5_000, by: 'Ольга', note: 'Клиент перезвонил сам' } } });
    const cleared = await setReopened(db, { id, reopened: false, note: '', by: 'Ольга' }, T0 + 6_000);
    expect(cleared).toMatchObject({ ok: true, value: { status: 'tagged', reopened: null, updatedAt: T0 + 6_000 } });
  });

  it('withdraws a pending record marked by mistake (it leaves the queue) and puts it back when unmarked', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    expect(await setReopened(db, { id, reopened: true, note: '', by: 'me' }, T0 + 5_000)).toMatchObject({
      ok: true,
      value: { status: 'withdrawn', withdrawnAt: T0 + 5_000 },
    });
    expect(await repo.pendingCount(db, 'me')).toBe(0);
    expect(await setReopened(db, { id, reopened: false, note: '', by: 'me' }, T0 + 6_000)).toMatchObject({
      ok: true,
      value: { status: 'pending', withdrawnAt: null, reopened: null },
    });
    expect(await repo.pendingCount(db, 'me')).toBe(1);
  });

  it('refuses to mark a close that was undone in the CRM', async () => {
    const db = freshDb();
    const id = await pendingIn(db);
    await repo.withdraw(db, id, T0 + 1);
    expect(await setReopened(db, { id, reopened: true, note: '', by: 'me' }, T0 + 2)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await setReopened(db, { id: 'rec-nothere', reopened: true, note: '', by: 'me' }, T0 + 2)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
