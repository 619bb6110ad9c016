/**
 * What background handlers share: the database and the "something changed" announcement.
 */
import { browser } from 'wxt/browser';
import type { WhyLostDB } from '../core/storage/db';
import * as repo from '../core/storage/repository';
import { dbRevisionItem, loadSettings } from '../platform/stored';

export interface BackgroundContext {
  db: WhyLostDB;
  /** After a database write: open pages re-read, the toolbar badge is refreshed. */
  changed(): Promise<void>;
}

export function createBackgroundContext(db: WhyLostDB): BackgroundContext {
  return {
    db,
    async changed() {
      await dbRevisionItem.setValue(((await dbRevisionItem.getValue()) + 1) % Number.MAX_SAFE_INTEGER);
      await updateBadge(db);
    },
  };
}

/** The toolbar badge: this browser's own closes waiting for a reason. */
export async function updateBadge(db: WhyLostDB): Promise<void> {
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
