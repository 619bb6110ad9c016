/**
 * Sets the CRM's own loss reason on a captured record (one transaction). The reason may arrive
 * before the pending write it belongs to: then the capture it carries is written first, so the
 * close still ends as one record.
 */
import { failure } from '../protocol';
import type { SetNativeRequest } from '../protocol/native';
import { RejectionSchema, type Rejection } from '../rejection';
import type { WhyLostDB } from './db';
import { capture, isQuotaError, type Owner, type Result } from './repository';

export async function setNative(db: WhyLostDB, req: SetNativeRequest, owner: Owner, now: number): Promise<Result<Rejection>> {
  try {
    return await db.transaction('rw', db.rejections, async (): Promise<Result<Rejection>> => {
      let record = await db.rejections.get(req.id);
      if (!record && req.capture) {
        const captured = await capture(db, req.capture, owner);
        if (!captured.ok) return captured;
        record = captured.value.record;
      }
      if (!record) return failure('not-found', `no record ${req.id}`);
      if (record.native?.id === req.native.id && record.native?.name === req.native.name) return { ok: true, value: record };
      const updated = RejectionSchema.parse({ ...record, native: req.native, updatedAt: Math.max(now, record.updatedAt + 1) });
      await db.rejections.put(updated);
      return { ok: true, value: updated };
    });
  } catch (error) {
    if (isQuotaError(error)) return failure('quota', 'the browser storage is full');
    return failure('storage', error instanceof Error ? error.message : String(error));
  }
}
