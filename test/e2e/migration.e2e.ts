/**
 * A database of every shipped schema version (test/fixtures/db/v<N>.json), built in a real
 * Chromium profile as that version made it, then opened by today's extension: every record is
 * kept, valid under today's schema, and counted by the dashboard. (The unit test
 * test/unit/db-migration.test.ts does the same in fake-indexeddb, with every index checked.)
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { RejectionSchema } from '../../src/core/rejection';
import { SCHEMA_VERSIONS } from '../../src/core/storage/db';
import { launchWithExtension } from '../support/browser';
import { storedRecords } from '../support/drive';
import { DB_FIXTURES, idbVersion, installOldDatabase, readDbFixture } from '../support/old-db';
import { describeBackground } from '../support/diagnose';
import { firstStartDone } from '../support/service-worker';
import { stepper } from '../support/steps';

const FILES = readdirSync(DB_FIXTURES).filter((f) => /^v\d+\.json$/.test(f));
const CURRENT = SCHEMA_VERSIONS.at(-1)!.version;

describe.each(FILES)('database fixture %s', (file) => {
  it('is opened by the current extension with every record kept, valid and counted', async () => {
    const fx = readDbFixture(file);
    // Rows of `rejections`, and (from v2) records in packs.
    const packs = (fx.tables.packs ?? []) as { records: Record<string, unknown>[] }[];
    const rows = [...(fx.tables.rejections ?? []), ...packs.flatMap((p) => p.records)];
    expect(rows.length).toBeGreaterThan(0);
    const step = stepper(`migration ${file}`);
    const browser = await step('launch', () => launchWithExtension());
    let dash: Page | undefined;
    try {
      // A profile being upgraded has run the extension before: its first start is done before
      // the worker is stopped (stop 18 saw a worker stopped before it stay gone for 6 s).
      await step('first start done (install id made)', () => firstStartDone(browser), 16_000);
      // Its version as built (Dexie keeps version × 10): read then, not after — the worker may
      // wake and upgrade it the moment it is closed, which is what the next steps wait for anyway.
      expect(await step('stop the worker, build the old database', () => installOldDatabase(browser, fx), 40_000)).toBe(fx.version * 10);

      // The dashboard wakes the worker, which opens (and upgrades) the database.
      dash = await step('open the dashboard', () => browser.openExtensionPage('dashboard.html'));
      const page = dash;
      const tile = (id: string) => page.locator(`[data-testid="${id}"]`).getAttribute('data-value');
      const counted = rows.filter((r) => r.status === 'tagged' && r.reasonId && !r.reopened).length;
      await step('dashboard counts the records', () => expect.poll(() => tile('wl-stat-counted'), { timeout: 15_000 }).toBe(String(counted)), 16_000);
      await expect(tile('wl-stat-pending')).resolves.toBe(String(rows.filter((r) => r.status === 'pending').length));

      const stored = await step('read the stored records', () => storedRecords(browser));
      expect(stored.map((r) => r.id).sort()).toEqual(rows.map((r) => r.id as string).sort());
      for (const r of stored) expect(RejectionSchema.safeParse(r).error, r.id).toBeUndefined();
      expect(await step('read the upgraded version', () => idbVersion(browser))).toBe(CURRENT * 10);
      await dash.close();
    } catch (error) {
      console.error(`[migration ${file}] ${await describeBackground(browser, dash)}`);
      throw error;
    } finally {
      await browser.close();
    }
  });
});
