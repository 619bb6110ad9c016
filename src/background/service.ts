/**
 * The background: owns the database and answers the message protocol.
 */
import { browser } from 'wxt/browser';
import { mergeHealth } from '../core/health';
import { openDatabase, type WhyLostDB } from '../core/storage/db';
import * as repo from '../core/storage/repository';
import { serve } from '../platform/messaging';
import { dbRevisionItem, healthItem, installIdItem, loadCatalog, loadHealth, loadSettings } from '../platform/stored';

async function owner(): Promise<repo.Owner> {
  const { settings } = await loadSettings();
  return { id: settings.identity.id, name: settings.identity.name };
}

/** After a write: tell open pages (popup, dashboard) and refresh the toolbar badge. */
async function changed(db: WhyLostDB): Promise<void> {
  await dbRevisionItem.setValue(((await dbRevisionItem.getValue()) + 1) % Number.MAX_SAFE_INTEGER);
  await updateBadge(db);
}

export async function updateBadge(db: WhyLostDB): Promise<void> {
  const pending = await repo.pendingCount(db);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: pending ? String(pending) : '' });
  await action.setBadgeBackgroundColor({ color: '#d9480f' });
}

/** Runs `write`, then announces the change if it succeeded. */
async function writing<T extends { ok: boolean }>(db: WhyLostDB, write: () => Promise<T>): Promise<T> {
  const res = await write();
  if (res.ok) await changed(db);
  return res;
}

export function startBackground(db: WhyLostDB = openDatabase()): WhyLostDB {
  serve('capture', async (req) => writing(db, async () => repo.capture(db, req, await owner())));

  serve('tag', async (req) => {
    const [{ catalog }, { settings }] = await Promise.all([loadCatalog(), loadSettings()]);
    return writing(db, () =>
      repo.tag(db, req, {
        catalog,
        rules: settings.comments,
        owner: { id: settings.identity.id, name: settings.identity.name },
        now: Date.now(),
      }),
    );
  });

  serve('withdraw', (req) => writing(db, () => repo.withdraw(db, req.id, Date.now())));
  serve('getRecord', (req) => repo.getRecord(db, req.id));
  serve('pending', () => repo.pendingRecords(db));
  serve('summary', async (req) => repo.summary(db, req, (await loadCatalog()).catalog));

  serve('reportHealth', async (report) => {
    await healthItem.setValue(mergeHealth(await loadHealth(), report));
    return { ok: true, value: null };
  });
  serve('health', async (req) => {
    const all = await loadHealth();
    return { ok: true, value: req.host ? all.filter((r) => r.host === req.host) : all };
  });

  // The install id is made here first, so no two contexts race to create it.
  void installIdItem.getValue();
  void updateBadge(db).catch(() => undefined);
  return db;
}
