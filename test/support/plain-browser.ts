/**
 * The same Chromium without the extension: the baseline a benchmark subtracts to get what
 * WhyLost itself costs a CRM page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { findChromium } from './browser';

export async function launchPlain(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'whylost-plain-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: findChromium() ?? undefined,
    headless: false,
    ignoreHTTPSErrors: true,
    locale: 'ru-RU',
    viewport: { width: 1280, height: 800 },
    args: [
      '--headless=new',
      '--no-sandbox',
      '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
