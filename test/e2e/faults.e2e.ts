/**
 * Nothing is lost (product.md "Quality bars"), in real Chromium: the service worker stopped
 * before or during a close, a tab closed with the panel open, a browser restart on the same
 * profile, five tabs saving at once, a full disk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension } from '../support/browser';
import { squeezeExtensionQuota } from '../support/faults';
import { firstStartDone, stopServiceWorker } from '../support/service-worker';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';
import { amoSetStatus, eventually, panel, storedRecords } from '../support/drive';
import { badgeText, writeSettings } from '../support/panel-drive';
import type { ExtensionBrowser } from '../support/browser';
import type { Page } from 'playwright-core';

const COMMENT = 'Бюджет клиента 50 тыс., наше предложение 85 тыс.';

let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer();
});
afterAll(async () => {
  await server?.close();
});

async function closeLead(browser: ExtensionBrowser, leadId: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url('demo.amocrm.ru', `/leads/detail/${leadId}`));
  await amoSetStatus(page, '143');
  await panel(page).root.waitFor();
  return page;
}

async function answer(page: Page): Promise<void> {
  const p = panel(page);
  await p.reason('price').click();
  await p.comment.fill(COMMENT);
}

describe('faults', () => {
  it('a close while the service worker is asleep, and a save after it was stopped again, land as one record', async () => {
    const browser = await launchWithExtension();
    try {
      await firstStartDone(browser);
      await stopServiceWorker(browser);
      const page = await closeLead(browser, '1001');
      // The capture woke the worker: the pending record exists before any answer.
      const pending = await eventually(() => storedRecords(browser), (r) => r.length === 1);
      expect(pending.map((r) => r.status)).toEqual(['pending']);

      await stopServiceWorker(browser); // between detection and save
      await answer(page);
      await panel(page).save.click();
      await panel(page).root.waitFor({ state: 'detached' });
      const records = await eventually(() => storedRecords(browser), (r) => r[0]?.status === 'tagged');
      expect(records).toHaveLength(1);
      expect(records[0]).toMatchObject({ status: 'tagged', reasonId: 'price', leadId: '1001', comment: COMMENT });
    } finally {
      await browser.close();
    }
  });

  it('a tab closed with the panel open leaves a pending record; a restart on the same profile keeps everything, the badge counted again', async () => {
    const first = await launchWithExtension({ profileDir: undefined });
    const profileDir = first.profileDir;
    let second: ExtensionBrowser | null = null;
    try {
      const tagged = await closeLead(first, '1001');
      await answer(tagged);
      await panel(tagged).save.click();
      await panel(tagged).root.waitFor({ state: 'detached' });

      const abandoned = await closeLead(first, '1002');
      await eventually(() => storedRecords(first), (r) => r.length === 2);
      await abandoned.close(); // the panel was open, nothing answered
      const before = await storedRecords(first);
      await expect.poll(() => badgeText(first), { timeout: 10_000 }).toBe('1');
      expect(before.map((r) => [r.leadId, r.status]).sort()).toEqual([
        ['1001', 'tagged'],
        ['1002', 'pending'],
      ]);
      await first.close({ keepProfile: true });

      second = await launchWithExtension({ profileDir });
      const after = await storedRecords(second);
      expect(after.sort((a, b) => a.leadId.localeCompare(b.leadId))).toEqual(before.sort((a, b) => a.leadId.localeCompare(b.leadId)));
      const popup = await second.openExtensionPage('popup.html');
      await expect(popup.locator('[data-testid="wl-total"]').textContent()).resolves.toBe('1');
      await expect(popup.locator('[data-testid="wl-pending"]').textContent()).resolves.toBe('1');
      // The badge is counted when the browser starts (a new browser shows none of its own)…
      await expect.poll(() => badgeText(second!), { timeout: 10_000 }).toBe('1');
      // …and again when the settings name someone else: the pending close is not theirs.
      await writeSettings(second, (s) => ({ ...s, identity: { id: 'someone-else', name: 'Другой менеджер', fromCrm: false } }));
      await expect.poll(() => badgeText(second!), { timeout: 10_000 }).toBe('');
    } finally {
      await second?.close();
      if (!second) await first.close().catch(() => undefined);
      const { rmSync } = await import('node:fs');
      rmSync(profileDir, { recursive: true, force: true });
    }
  });

  it('five tabs saving at the same moment leave five records', async () => {
    const browser = await launchWithExtension();
    try {
      const ids = ['2001', '2002', '2003', '2004', '2005'];
      const pages: Page[] = [];
      for (const id of ids) {
        const page = await closeLead(browser, id);
        await answer(page);
        pages.push(page);
      }
      await Promise.all(pages.map((page) => panel(page).save.click()));
      const records = await eventually(
        () => storedRecords(browser),
        (r) => r.length === 5 && r.every((x) => x.status === 'tagged'),
        10_000,
      );
      expect(records.map((r) => r.leadId).sort()).toEqual(ids);
      expect(records.every((r) => r.status === 'tagged' && r.reasonId === 'price')).toBe(true);
    } finally {
      await browser.close();
    }
  });

  it('a full disk: the panel says so, nothing is written or lost; once there is room the same close saves once', async () => {
    let browser = await launchWithExtension();
    const profileDir = browser.profileDir;
    try {
      const earlier = await closeLead(browser, '1002');
      await answer(earlier);
      await panel(earlier).save.click();
      await panel(earlier).root.waitFor({ state: 'detached' });
      const stored = await eventually(() => storedRecords(browser), (r) => r[0]?.status === 'tagged');
      // Chromium enforces a squeezed quota only on a storage bucket it has not written to in this
      // session, so restart on the same profile before squeezing.
      await browser.close({ keepProfile: true });
      browser = await launchWithExtension({ profileDir });

      const quota = await squeezeExtensionQuota(browser, 1);
      const page = await closeLead(browser, '1001');
      await answer(page);
      const p = panel(page);
      await p.save.click();
      await expect(p.error.textContent()).resolves.toMatch(/Хранилище браузера заполнено, ничего не записано/);
      expect(await storedRecords(browser)).toEqual(stored);

      await quota.restore();
      await p.save.click();
      await p.root.waitFor({ state: 'detached' });
      const records = await eventually(() => storedRecords(browser), (r) => r.length === 2);
      expect(records.map((r) => [r.leadId, r.status]).sort()).toEqual([
        ['1001', 'tagged'],
        ['1002', 'tagged'],
      ]);
    } finally {
      await browser.close();
      const { rmSync } = await import('node:fs');
      rmSync(profileDir, { recursive: true, force: true });
    }
  });
});
