/**
 * What background handlers share: the database and the "something changed" announcement.
 */
import { browser } from 'wxt/browser';
import type { WhyLostDB } from '../core/storage/db';
import * as repo from '../core/storage/repository';
import { dbRevisionItem, loadSettings } from '../platform/stored';

export interface BackgroundContext {
  db: WhyLostDB;
  /**
   * After a database write: open pages re-read (resolves once they are told), the toolbar badge
   * is refreshed after it (see refreshBadge).
   */
  changed(): Promise<void>;
  /** Counts the badge again, without making the caller wait (see badgeRefresher). */
  refreshBadge(): Promise<void>;
}

export function createBackgroundContext(db: WhyLostDB): BackgroundContext {
  const badge = badgeRefresher(db);
  return {
    db,
    async changed() {
      await dbRevisionItem.setValue(((await dbRevisionItem.getValue()) + 1) % Number.MAX_SAFE_INTEGER);
      badge();
    },
    refreshBadge: badge,
  };
}

/**
 * Refreshes the badge without making the writer wait: its count is a read that queues behind
 * other writes in flight (an import of 20 files waited ~70 ms a file for it). One refresh at a
 * time; writes during it ask for one more after it, so the last count shown is read after the last write.
 */
export function badgeRefresher(db: WhyLostDB, update: (db: WhyLostDB) => Promise<void> = updateBadge): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const refresh = (): Promise<void> => {
    if (running) {
      again = true;
      return running;
    }
    running = update(db)
      .catch((error: unknown) => console.warn('[WhyLost] badge not refreshed', error))
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          void refresh();
        }
      });
    return running;
  };
  return refresh;
}

/** The toolbar badge: this browser's own closes waiting for a reason. */
async function updateBadge(db: WhyLostDB): Promise<void> {
  const { settings } = await loadSettings();
  const pending = await repo.pendingCount(db, settings.identity.id);
  const action = browser.action ?? (browser as unknown as { browserAction: typeof browser.action }).browserAction;
  await action.setBadgeText({ text: pending ? String(pending) : '' });
  await action.setBadgeBackgroundColor({ color: '#d9480f' });
}

/** Runs `write`, then announces the change if it succeeded. */
export async function writing<T extends { ok: boolean }>(bg: BackgroundContext, write: () => Promise<T>): Promise<T> {
  const res = await write();
  if (res.ok) await bg.changed();
  return res;
}
