/**
 * What a browser test prints when it fails waiting for the background: what the page showed,
 * whether the service worker exists and runs code, and the statistics cache's last events —
 * so an intermittent "the dashboard never got an answer" says where the answer stopped.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';
import { within } from './steps';

export async function describeBackground(browser: ExtensionBrowser, page?: Page): Promise<string> {
  const lines: string[] = [];
  if (page) {
    const text = await page.locator('body').innerText({ timeout: 2_000 }).catch((e: unknown) => `(no text: ${String(e)})`);
    lines.push(`page ${page.url()} shows:\n${text.slice(0, 1200)}`);
  }
  const workers = browser.context.serviceWorkers();
  lines.push(`service workers known to the test: ${workers.map((w) => w.url()).join(', ') || 'none'}`);
  const sw = workers[0];
  if (sw) {
    const alive = await within(3_000, sw.evaluate(() => 'runs code').catch((e: unknown) => `evaluate failed: ${String(e)}`), 'no answer in 3 s (paused or stopped?)');
    lines.push(`service worker: ${alive}`);
    const events = await within(
      3_000,
      sw
        .evaluate(() => JSON.stringify((globalThis as unknown as { whylostStats?: { events: unknown[] } }).whylostStats?.events.slice(-20) ?? null))
        .catch((e: unknown) => `(no events: ${String(e)})`),
      '(no events: no answer in 3 s)',
    );
    lines.push(`statistics cache events: ${events}`);
  }
  return lines.join('\n');
}
