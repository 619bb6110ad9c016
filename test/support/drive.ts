/**
 * Driving the extension and the fixture pages through the test surface of product.md.
 * Shared by the end-to-end tests and the headless demo.
 */
import type { Locator, Page } from 'playwright-core';
import type { Rejection } from '../../src/core/rejection';
import { unpack, type StoredPack } from '../../src/core/storage/packs';
import type { ExtensionBrowser } from './browser';

/**
 * Every record in the extension's database, read raw from an extension page (same origin as the
 * background): rows of `rejections` and records in packs alike.
 */
export async function storedRecords(browser: ExtensionBrowser): Promise<Rejection[]> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    const { rows, packs } = await page.evaluate(
      () =>
        new Promise<{ rows: Rejection[]; packs: StoredPack[] }>((resolve, reject) => {
          const open = indexedDB.open('whylost');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('rejections')) {
              db.close();
              resolve({ rows: [], packs: [] });
              return;
            }
            // Rows of `rejections`, and (schema v2) other managers' records kept in packs.
            const stores = db.objectStoreNames.contains('packs') ? ['rejections', 'packs'] : ['rejections'];
            const tx = db.transaction(stores);
            const rows = tx.objectStore('rejections').getAll();
            const packs = stores.includes('packs') ? tx.objectStore('packs').getAll() : null;
            tx.oncomplete = () => {
              db.close();
              resolve({ rows: rows.result as Rejection[], packs: (packs?.result ?? []) as StoredPack[] });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
    // Packs store the fields their records share once: the background's own reader restores them.
    return [...rows, ...packs.flatMap(unpack)];
  } finally {
    await page.close();
  }
}

/** Polls until `read` gives a value `accept`s (or the time is up, then returns the last one). */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

export const panel = (page: Page) => {
  const root = page.locator('whylost-panel');
  return {
    root,
    reason: (id: string): Locator => root.locator(`[data-testid="wl-reason"][data-reason-id="${id}"]`),
    reasons: root.locator('[data-testid="wl-reason"]'),
    comment: root.locator('[data-testid="wl-comment"]'),
    competitor: root.locator('[data-testid="wl-competitor"]'),
    save: root.locator('[data-testid="wl-save"]'),
    later: root.locator('[data-testid="wl-later"]'),
    error: root.locator('[data-testid="wl-error"]'),
  };
};

/** amoCRM card fixture: open the status dropdown and pick a status by id in a pipeline. */
export async function amoSetStatus(page: Page, statusId: string, pipelineId = '3'): Promise<void> {
  await page.locator('#card_status_view_mode, #card_status_v2').first().click();
  await page.locator(`label[for="pipeline_${pipelineId}_${statusId}"]`).click();
}
