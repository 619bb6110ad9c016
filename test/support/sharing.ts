/**
 * Driving team sharing in real Chromium: identities and catalogs per profile, rejections made
 * on the amoCRM card fixture, downloads caught as files, imports through the file input.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Catalog } from '../../src/core/catalog';
import { defaultSettings, type Settings } from '../../src/core/settings';
import type { ExtensionBrowser } from './browser';
import { amoSetStatus, panel } from './drive';
import type { FixtureServer } from './fixture-server';

/** The one extension API these helpers call inside extension pages. */
declare const chrome: { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: object): Promise<void> } } };

/**
 * Gives this profile's WhyLost identity a name (as the settings page would) and fixes the
 * language: with "auto", Playwright's locale emulation makes chrome.i18n.getUILanguage() fall
 * back to en-US in every extension page as soon as one of them closes (measured), so texts
 * would switch language mid-test.
 */
export async function setIdentity(browser: ExtensionBrowser, name: string, language: Settings['language'] = 'ru'): Promise<Settings> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    const installId = await page.evaluate(async () => {
      for (;;) {
        const { installId } = await chrome.storage.local.get('installId');
        if (typeof installId === 'string') return installId;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
    const settings: Settings = { ...defaultSettings(installId), language, identity: { id: installId, name, fromCrm: false } };
    await page.evaluate((s) => chrome.storage.local.set({ settings: s }), settings);
    return settings;
  } finally {
    await page.close();
  }
}

export async function storedValue(browser: ExtensionBrowser, key: string): Promise<unknown> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);
  } finally {
    await page.close();
  }
}

export async function setCatalog(browser: ExtensionBrowser, catalog: Catalog): Promise<void> {
  const page = await browser.openExtensionPage('popup.html');
  try {
    await page.evaluate((c) => chrome.storage.local.set({ catalog: c }), catalog);
  } finally {
    await page.close();
  }
}

/** Closes an amoCRM lead as lost on the card fixture and answers the panel. */
export async function rejectOnAmo(
  page: Page,
  server: FixtureServer,
  leadId: string,
  answer: { reasonId: string; comment: string; competitor?: string },
): Promise<void> {
  await page.goto(server.url('demo.amocrm.ru', `/leads/detail/${leadId}`));
  await amoSetStatus(page, '143');
  const p = panel(page);
  await p.root.waitFor();
  await p.reason(answer.reasonId).click();
  await p.comment.fill(answer.comment);
  if (answer.competitor !== undefined) await p.competitor.fill(answer.competitor);
  await p.save.click();
  await p.root.waitFor({ state: 'detached' });
}

export interface Downloaded {
  path: string;
  name: string;
  bytes: Buffer;
}

/** Clicks a control that downloads a file, and returns the file. */
export async function downloadFrom(page: Page, testId: string, dir: string): Promise<Downloaded> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-testid="${testId}"]`).click()]);
  const name = download.suggestedFilename();
  // Each download in its own folder, under the name the browser suggested.
  const path = join(mkdtempSync(join(dir, 'dl-')), name);
  await download.saveAs(path);
  return { path, name, bytes: readFileSync(path) };
}

export interface ResultLine {
  file: string;
  outcome: string;
  text: string;
}

/** Chooses files in an import input and waits until every file has its result line. */
export async function importFiles(page: Page, paths: string[], timeout = 30_000): Promise<ResultLine[]> {
  await page.locator('[data-testid="wl-import"]').setInputFiles(paths);
  const lines = page.locator('[data-testid="wl-import-result"]');
  await page.waitForFunction(
    (n) => {
      const all = [...document.querySelectorAll('[data-testid="wl-import-result"]')];
      return all.length === n && all.every((l) => l.getAttribute('data-outcome') !== 'working');
    },
    paths.length,
    { timeout },
  );
  return lines.evaluateAll((els) =>
    els.map((e) => ({ file: e.getAttribute('data-file') ?? '', outcome: e.getAttribute('data-outcome') ?? '', text: e.textContent ?? '' })),
  );
}

export interface OwnerRow {
  id: string;
  name: string;
  count: number;
}

export async function ownerRows(page: Page): Promise<OwnerRow[]> {
  return page.locator('[data-testid="wl-owner"]').evaluateAll((els) =>
    els.map((e) => ({
      id: e.getAttribute('data-owner-id') ?? '',
      name: e.querySelector('[data-testid="wl-owner-name"]')?.textContent ?? '',
      count: Number(e.querySelector('[data-testid="wl-owner-count"]')?.getAttribute('data-count')),
    })),
  );
}
