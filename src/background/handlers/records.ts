/**
 * Record messages: capture, tag, withdraw, read. Every write announces itself (see changed()).
 */
import type { WhyLostDB } from '../../core/storage/db';
import * as repo from '../../core/storage/repository';
import { serve } from '../../platform/messaging';
import { loadCatalog, loadSettings } from '../../platform/stored';
import { writing, type BackgroundContext } from '../context';
import { ownerFor } from '../identity';

export function registerRecordHandlers(db: WhyLostDB, bg: BackgroundContext): void {
  serve('capture', async (req) => writing(bg, async () => repo.capture(db, req, await ownerFor(req.context.manager))));

  serve('tag', async (req) => {
    const [{ catalog }, { settings }] = await Promise.all([loadCatalog(), loadSettings()]);
    return writing(bg, () =>
      repo.tag(db, req, {
        catalog,
        rules: settings.comments,
        owner: { id: settings.identity.id, name: settings.identity.name },
        now: Date.now(),
      }),
    );
  });

  serve('withdraw', (req) => writing(bg, () => repo.withdraw(db, req.id, Date.now())));
  serve('getRecord', (req) => repo.getRecord(db, req.id));
  serve('pending', async () => repo.pendingRecords(db, (await loadSettings()).settings.identity.id));
  serve('summary', async (req) => repo.summary(db, req, (await loadCatalog()).catalog));
}
