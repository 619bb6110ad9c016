/**
 * What the background does with the database. Each operation is one transaction: it applies
 * wholly or not at all (a full disk leaves nothing half-written).
 */
import { answerProblems } from '../answer-rules';
import type { Catalog } from '../catalog';
import { findReason } from '../catalog';
import type { CaptureRequest, Failure, Summary, TagRequest } from '../protocol';
import { failure } from '../protocol';
import type { Answer, Rejection, RejectionStatus } from '../rejection';
import { EMPTY_ANSWER, leadKeyOf, RejectionSchema } from '../rejection';
import type { CommentRules } from '../settings';
import { summarize } from '../stats';
import type { WhyLostDB } from './db';
import { findRecord, recordStores, scanPacks } from './packs';

/** One close reported twice (DOM and request, two frames) within this time is one record. */
export const SAME_CLOSE_WINDOW_MS = 2 * 60_000;

export type Owner = Rejection['owner'];
export type CaptureValue = { id: string; created: boolean; record: Rejection };
export type Ok<T> = { ok: true; value: T };
export type Result<T> = Ok<T> | Failure;

const ok = <T>(value: T): Ok<T> => ({ ok: true, value });

export function isQuotaError(error: unknown): boolean {
  let e: unknown = error;
  for (let depth = 0; e && depth < 5; depth++) {
    const name = (e as { name?: string }).name;
    if (name === 'QuotaExceededError') return true;
    e = (e as { inner?: unknown }).inner;
  }
  return false;
}

export async function guard<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (isQuotaError(error)) return failure('quota', 'the browser storage is full');
    return failure('storage', error instanceof Error ? error.message : String(error));
  }
}

export function newPendingRecord(req: CaptureRequest, owner: Owner): Rejection {
  const c = req.context;
  return RejectionSchema.parse({
    ...c,
    ...EMPTY_ANSWER,
    id: req.id,
    status: 'pending',
    leadKey: leadKeyOf(c),
    via: req.via,
    detectedAt: req.detectedAt,
    updatedAt: req.detectedAt,
    taggedAt: null,
    withdrawnAt: null,
    reopened: null,
    owner,
  });
}

/** An earlier, still-standing record of the same close (same lead, same target stage, close in time). */
async function sameClose(db: WhyLostDB, record: Rejection): Promise<Rejection | undefined> {
  const earlier = await db.rejections.where('leadKey').equals(record.leadKey).toArray();
  return earlier.find(
    (r) =>
      r.status !== 'withdrawn' &&
      r.toStage.id === record.toStage.id &&
      Math.abs(r.detectedAt - record.detectedAt) <= SAME_CLOSE_WINDOW_MS,
  );
}

export async function capture(
  db: WhyLostDB,
  req: CaptureRequest,
  owner: Owner,
): Promise<Result<CaptureValue>> {
  return guard<CaptureValue>(() =>
    db.transaction('rw', db.rejections, async () => {
      const existing = await db.rejections.get(req.id);
      if (existing) return ok({ id: existing.id, created: false, record: existing });
      const record = newPendingRecord(req, owner);
      const twin = await sameClose(db, record);
      if (twin) return ok({ id: twin.id, created: false, record: twin });
      await db.rejections.add(record);
      return ok({ id: record.id, created: true, record });
    }),
  );
}

export function statusFor(answer: Answer, catalog: Catalog, rules: CommentRules): RejectionStatus {
  const reason = findReason(catalog, answer.reasonId);
  const attempts = answer.attempts ?? 0;
  if (reason?.soft && attempts < rules.softAttemptThreshold && answer.followUpAt !== null) return 'follow-up';
  return 'tagged';
}

export async function tag(
  db: WhyLostDB,
  req: TagRequest,
  env: { catalog: Catalog; rules: CommentRules; owner: Owner; now: number },
): Promise<Result<Rejection>> {
  const problems = answerProblems(req.answer, env.catalog, env.rules);
  if (problems.length) return failure('rules', problems.map((p) => p.code).join(', '));
  return guard(() =>
    db.transaction('rw', db.rejections, async () => {
      let record = await db.rejections.get(req.id);
      if (!record && req.capture) {
        // The pending write was lost (background asleep or restarted): capture and tag in one go.
        record = newPendingRecord(req.capture, env.owner);
        const twin = await sameClose(db, record);
        if (twin) record = twin;
      }
      if (!record) return failure('not-found', `no record ${req.id}`);
      const updated: Rejection = {
        ...record,
        ...req.answer,
        comment: req.answer.comment.trim(),
        status: statusFor(req.answer, env.catalog, env.rules),
        taggedAt: record.taggedAt ?? env.now,
        updatedAt: Math.max(env.now, record.updatedAt + 1),
      };
      await db.rejections.put(RejectionSchema.parse(updated));
      return ok(updated);
    }),
  );
}

export async function withdraw(db: WhyLostDB, id: string, now: number): Promise<Result<Rejection>> {
  return guard(() =>
    db.transaction('rw', db.rejections, async () => {
      const record = await db.rejections.get(id);
      if (!record) return failure('not-found', `no record ${id}`);
      const updated: Rejection = { ...record, status: 'withdrawn', withdrawnAt: now, updatedAt: Math.max(now, record.updatedAt + 1) };
      await db.rejections.put(updated);
      return ok(updated);
    }),
  );
}

export async function getRecord(db: WhyLostDB, id: string): Promise<Result<Rejection>> {
  return guard(async () => {
    const record = await db.transaction('r', recordStores(db), async () => findRecord(db, id));
    return record ? ok(record) : failure('not-found', `no record ${id}`);
  });
}

/**
 * This browser's own pending closes, newest first. Imported files may carry other managers'
 * pending closes: only they can answer them, so they are not queued (nor counted) here.
 */
export async function pendingRecords(db: WhyLostDB, ownerId: string): Promise<Result<Rejection[]>> {
  return guard(async () =>
    ok(await db.rejections.where('status').equals('pending').filter((r) => r.owner.id === ownerId).reverse().sortBy('detectedAt')),
  );
}

export async function pendingCount(db: WhyLostDB, ownerId: string): Promise<number> {
  return db.rejections.where('status').equals('pending').filter((r) => r.owner.id === ownerId).count();
}

export async function summary(
  db: WhyLostDB,
  range: { from: number | null; to: number | null },
  catalog: Catalog,
): Promise<Result<Summary>> {
  return guard(async () => {
    const from = range.from ?? 0;
    const to = range.to ?? Number.MAX_SAFE_INTEGER;
    const records = await db.transaction('r', recordStores(db), async () => {
      const rows = await db.rejections.where('detectedAt').between(from, to, true, true).toArray();
      await scanPacks(db, null, 5000, (packed) => {
        for (const r of packed) if (r.detectedAt >= from && r.detectedAt <= to) rows.push(r);
      });
      return rows;
    });
    return ok(summarize(records, catalog));
  });
}
