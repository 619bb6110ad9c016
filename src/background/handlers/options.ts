/**
 * What the options page asks the background: the pipelines seen in stored records; and what any
 * context asks when it finds no install id yet (the background alone makes it).
 */
import { seenCollector } from '../../core/seen';
import type { WhyLostDB } from '../../core/storage/db';
import { recordStores, scanRecords } from '../../core/storage/packs';
import { guard } from '../../core/storage/repository';
import { serve } from '../../platform/messaging';
import { loadInstallId } from '../../platform/stored';

export function registerOptionsHandlers(db: WhyLostDB): void {
  serve('installId', () => guard(async () => ({ ok: true, value: await loadInstallId() })));
  serve('seenPipelines', () =>
    guard(async () => {
      // A page at a time: 100,000 records never sit in memory at once.
      const seen = seenCollector();
      await db.transaction('r', recordStores(db), async () => scanRecords(db, null, (page) => page.forEach((r) => seen.add(r))));
      return { ok: true, value: seen.result() };
    }),
  );
}
