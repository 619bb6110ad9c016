/**
 * Seeding the extension's database with generated records from tests and the benchmark:
 * test/support/seed-page.ts is bundled once (esbuild, IIFE) and evaluated in an extension page.
 */
import { resolve } from 'node:path';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import type { GenerateOptions } from './generate';

let bundle: Promise<string> | null = null;

/** esbuild: 0.2 s here, where vite's library build of the same entry took 7 s. */
function seedBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [resolve(import.meta.dirname, 'seed-page.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  }).then((out) => out.outputFiles[0]!.text);
  return bundle;
}

/**
 * An extension page with the seeding API loaded (close it when done). The options page: it
 * asks nothing of the statistics, so seeding does not wake their cache half-way.
 */
export async function seedPage(browser: ExtensionBrowser): Promise<Page> {
  const code = await seedBundle();
  const page = await browser.openExtensionPage('options.html');
  await page.evaluate(code);
  return page;
}

/** Writes generated records into the extension's database; returns the ms the writes took. */
export async function seedGenerated(browser: ExtensionBrowser, options: GenerateOptions): Promise<number> {
  const page = await seedPage(browser);
  try {
    return await page.evaluate((o) => (globalThis as never as { __whylostSeed: { generate(o: GenerateOptions): Promise<number> } }).__whylostSeed.generate(o), options);
  } finally {
    await page.close();
  }
}

/** Changes fields of a stored record through the extension's database code, and announces it. */
export async function patchRecord(browser: ExtensionBrowser, id: string, changes: Record<string, unknown>): Promise<void> {
  const page = await seedPage(browser);
  try {
    await page.evaluate(
      ([i, c]) => (globalThis as never as { __whylostSeed: { patch(id: string, c: unknown): Promise<void> } }).__whylostSeed.patch(i, c),
      [id, changes] as const,
    );
  } finally {
    await page.close();
  }
}

/** This browser's WhyLost identity (the install id the background makes at first start). */
export async function identityOf(browser: ExtensionBrowser): Promise<string> {
  const page = await browser.openExtensionPage('options.html');
  try {
    return await page.evaluate(async () => {
      type Area = { get(k: string): Promise<Record<string, unknown>> };
      const local = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
      for (;;) {
        const { installId } = await local.get('installId');
        if (typeof installId === 'string') return installId;
        await new Promise((r) => setTimeout(r, 50));
      }
    });
  } finally {
    await page.close();
  }
}

/** Records in the statistics snapshot stored in IndexedDB (null: none yet), read raw from an extension page. */
export function snapshotSize(page: Page): Promise<number | null> {
  return page.evaluate(
    () =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('whylost');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('statsSnapshot').objectStore('statsSnapshot').get('table');
          get.onsuccess = () => {
            open.result.close();
            resolve((get.result as { value?: { size?: number } } | undefined)?.value?.size ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** Waits until the statistics snapshot holds `count` records (the background saves it after a rebuild); throws after `ms`. */
export async function waitForSnapshot(page: Page, count: number, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while ((await snapshotSize(page)) !== count) {
    if (Date.now() > end) throw new Error(`the statistics snapshot was not saved with ${count} records within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Deletes the statistics snapshot: the next background start rebuilds from the records. */
export async function dropSnapshot(browser: ExtensionBrowser): Promise<void> {
  const page = await seedPage(browser);
  try {
    await page.evaluate(() => (globalThis as never as { __whylostSeed: { dropSnapshot(): Promise<void> } }).__whylostSeed.dropSnapshot());
  } finally {
    await page.close();
  }
}

/** The change log's cost on writes (see seed-page.ts writeCost). */
export async function writeCost(browser: ExtensionBrowser, options: GenerateOptions, withLog: boolean, oneByOne: boolean): Promise<number[]> {
  const page = await seedPage(browser);
  try {
    return await page.evaluate(
      ([o, log, one]) =>
        (globalThis as never as { __whylostSeed: { writeCost(o: GenerateOptions, l: boolean, one: boolean): Promise<number[]> } }).__whylostSeed.writeCost(o, log, one),
      [options, withLog, oneByOne] as const,
    );
  } finally {
    await page.close();
  }
}
