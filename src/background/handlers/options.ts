/**
 * What the options page asks the background: the pipelines seen in stored records; and what any
 * context asks when it finds no install id yet (the background alone makes it).
 */
import { seenCollector } from '../../core/seen';
import type { WhyLostDB } from '../../core/storage/db';
import { recordStores, scanPacks } from '../../core/storage/packs';
import { failure } from '../../core/protocol';
import { serve } from '../../platform/messaging';
import { loadInstallId } from '../../platform/stored';

export function registerOptionsHandlers(db: WhyLostDB): void {
  serve('installId', async () => {
    try {
      return { ok: true, value: await loadInstallId() };
    } catch (error) {
      return failure('storage', error instanceof Error ? error.message : String(error));
    }
  });
  serve('seenPipelines', async () => {
    try {
      // A cursor, not toArray(), and packs a few at a time: 100,000 records never sit in memory at once.
      const seen = seenCollector();
      await db.transaction('r', recordStores(db), async () => {
        await db.rejections.each((r) => seen.add(r));
        await scanPacks(db, null, 5000, (records) => records.forEach((r) => seen.add(r)));
      });
      return { ok: true, value: seen.result() };
    } catch (error) {
      return failure('storage', error instanceof Error ? error.message : String(error));
    }
  });
}
