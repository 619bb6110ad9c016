/**
 * Changes to a record after the fact, each one transaction: a new answer, and the "closed by
 * mistake → returned to work" mark (record.reopened, with who and when). A record is edited
 * where it is: a row of `rejections`, or an imported manager's record in its pack (packs.ts).
 * The record keeps its original reason when reopened, so statistics can show raw and corrected
 * figures.
 */
import { answerProblems, normaliseAnswer } from '../answer-rules';
import type { Catalog } from '../catalog';
import { failure } from '../protocol/common';
import type { EditAnswerRequest, ReopenRequest } from '../protocol/edits';
import { RejectionSchema, type Rejection } from '../rejection';
import type { CommentRules } from '../settings';
import type { WhyLostDB } from './db';
import { findRecord, recordStores, saveRecord } from './packs';
import { guard, statusFor, type Result } from './repository';

const bump = (record: Rejection, now: number) => Math.max(now, record.updatedAt + 1);

export async function editAnswer(
  db: WhyLostDB,
  req: EditAnswerRequest,
  env: { catalog: Catalog; rules: CommentRules; now: number },
): Promise<Result<Rejection>> {
  const problems = answerProblems(req.answer, env.catalog, env.rules);
  if (problems.length) return failure('rules', problems.map((p) => p.code).join(', '));
  const answer = normaliseAnswer(req.answer, env.catalog, env.rules);
  return guard(() =>
    db.transaction('rw', recordStores(db), async () => {
      const record = await findRecord(db, req.id);
      if (!record) return failure('not-found', `no record ${req.id}`);
      if (record.status === 'withdrawn') return failure('forbidden', `record ${req.id} was withdrawn: the close was undone`);
      const updated = RejectionSchema.parse({
        ...record,
        ...answer,
        status: statusFor(answer, env.catalog, env.rules),
        taggedAt: record.taggedAt ?? env.now,
        updatedAt: bump(record, env.now),
      });
      await saveRecord(db, updated);
      return { ok: true, value: updated };
    }),
  );
}

/**
 * Marks a record "closed by mistake → returned to work". A tagged or follow-up record keeps its
 * status and reason (it counted in the raw figures; the corrected ones leave it out). A pending
 * record was never counted: it is withdrawn, so it leaves the queue; unmarking puts it back.
 */
export async function setReopened(
  db: WhyLostDB,
  req: ReopenRequest & { by: string },
  now: number,
): Promise<Result<Rejection>> {
  return guard(() =>
    db.transaction('rw', recordStores(db), async () => {
      const record = await findRecord(db, req.id);
      if (!record) return failure('not-found', `no record ${req.id}`);
      let updated: Rejection;
      if (req.reopened) {
        if (record.status === 'withdrawn') return failure('forbidden', `record ${req.id} was withdrawn: the close was undone`);
        const reopened = { at: now, by: req.by, note: req.note.trim() };
        updated =
          record.status === 'pending'
            ? { ...record, reopened, status: 'withdrawn', withdrawnAt: now, updatedAt: bump(record, now) }
            : { ...record, reopened, updatedAt: bump(record, now) };
      } else {
        if (!record.reopened) return { ok: true, value: record };
        const wasPending = record.status === 'withdrawn' && record.taggedAt === null && record.withdrawnAt === record.reopened.at;
        updated = wasPending
          ? { ...record, reopened: null, status: 'pending', withdrawnAt: null, updatedAt: bump(record, now) }
          : { ...record, reopened: null, updatedAt: bump(record, now) };
      }
      await saveRecord(db, RejectionSchema.parse(updated));
      return { ok: true, value: updated };
    }),
  );
}
