/**
 * Statistics as pure functions of records and the catalog.
 */
import type { Catalog } from './catalog';
import { findReason } from './catalog';
import type { Summary } from './protocol';
import type { Rejection } from './rejection';
import { isCounted } from './rejection';

type Countable = Pick<Rejection, 'status' | 'reasonId'>;

/** Popup summary: counted rejections split junk/loss, pending closes, per-reason counts (most first). */
export function summarize(records: Iterable<Countable>, catalog: Catalog): Summary {
  const byReason = new Map<string, number>();
  let junk = 0;
  let loss = 0;
  let pending = 0;
  for (const r of records) {
    if (r.status === 'pending') pending++;
    if (!isCounted(r) || !r.reasonId) continue;
    byReason.set(r.reasonId, (byReason.get(r.reasonId) ?? 0) + 1);
    // A reason unknown to this catalog (imported before its catalog) counts as a loss.
    if (findReason(catalog, r.reasonId)?.kind === 'junk') junk++;
    else loss++;
  }
  return {
    total: junk + loss,
    junk,
    loss,
    pending,
    byReason: [...byReason]
      .map(([reasonId, count]) => ({ reasonId, count }))
      .sort((a, b) => b.count - a.count || a.reasonId.localeCompare(b.reasonId)),
  };
}
