/**
 * The same Chromium without the extension: the baseline a benchmark subtracts to get what
 * WhyLost itself costs a CRM page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './browser';

export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'whylost-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium() ?? undefined,
    headless: false,
    ignoreHTTPSErrors: true,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
    args: ['--headless=new', ...CHROMIUM_ARGS],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
