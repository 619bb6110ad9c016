/**
 * Merging imported records into the local ones, by record id. Pure: the storage layer reads
 * the existing records, asks for a plan and writes it in one transaction.
 *
 * - a record not here yet is added;
 * - a record here with an older `updatedAt` is replaced (the newer edit wins, whichever side);
 * - anything else is unchanged — importing the same file twice changes nothing, and an equal
 *   `updatedAt` keeps the local copy (a file cannot overwrite a record without a newer edit);
 * - a record whose owner differs from the local record of that id refuses the file: ids are
 *   made once per close, so this is a damaged or forged file, never a real edit.
 */
import type { Rejection } from '../rejection';
import { problem, type ImportProblem } from './problems';

export interface MergeCounts {
  added: number;
  updated: number;
  unchanged: number;
}

export type MergePlan = { ok: true; put: Rejection[]; counts: MergeCounts } | { ok: false; problem: ImportProblem };

/** What a merge needs of a local record: whose it is and how new (a packed record is known by its pack's index). */
export type MergeLocal = Pick<Rejection, 'owner' | 'updatedAt'>;

/** `existing[i]` is the local record with `incoming[i].id`, if any. */
export function planMerge(incoming: readonly Rejection[], existing: readonly (MergeLocal | undefined)[]): MergePlan {
  const put: Rejection[] = [];
  const counts: MergeCounts = { added: 0, updated: 0, unchanged: 0 };
  for (let i = 0; i < incoming.length; i++) {
    const next = incoming[i]!;
    const local = existing[i];
    if (!local) {
      put.push(next);
      counts.added++;
    } else if (local.owner.id !== next.owner.id) {
      return { ok: false, problem: problem('owner-conflict', { id: next.id, local: local.owner.name || local.owner.id, file: next.owner.name || next.owner.id }) };
    } else if (next.updatedAt > local.updatedAt) {
      put.push(next);
      counts.updated++;
    } else {
      counts.unchanged++;
    }
  }
  return { ok: true, put, counts };
}

/** Reasons used by records that the catalog does not know: shown as "unknown reason (id)" until it arrives. */
export function unknownReasons(records: Iterable<Pick<Rejection, 'reasonId' | 'secondaryReasonIds'>>, known: ReadonlySet<string>): string[] {
  const unknown = new Set<string>();
  for (const r of records) {
    if (r.reasonId && !known.has(r.reasonId)) unknown.add(r.reasonId);
    for (const id of r.secondaryReasonIds) if (!known.has(id)) unknown.add(id);
  }
  return [...unknown].sort();
}
