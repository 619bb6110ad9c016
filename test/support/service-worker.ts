/**
 * Stops the extension's service worker through the DevTools protocol, as the browser does when
 * the background idles: its memory is gone, the next message starts it again. Run from a document
 * of the extension's origin, whose session reaches the extension's worker; resolves once it has
 * stopped. That document is the manifest, which runs no extension code: a page like the popup
 * would send its own requests around the stop (waking the worker again) and load the code the
 * popup and dashboard share, so a "cold" measurement after it was partly warm.
 */
import type { ExtensionBrowser } from './browser';
import { eventually } from './drive';
import { storedValue } from './options';

/**
 * Waits until the background's first start after installing is done (the install id, which only
 * the background makes, is stored). A worker stopped before that can stay gone for many seconds:
 * in real Chromium, a close on a card right after such a stop found no worker for 15 s and no
 * panel, in 3 of 180 tries, and 0 of 180 once the stop waited for this (stop 23). A browser idles
 * a worker only after 30 s, so a profile in use never sees it; tests stop the worker after this.
 */
export async function firstStartDone(browser: ExtensionBrowser): Promise<void> {
  await eventually(() => storedValue<string>(browser, 'installId'), (id) => typeof id === 'string', 15_000);
}

export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('manifest.json');
  try {
    const cdp = await browser.context.newCDPSession(page);
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e: { versions: { runningStatus: string }[] }) => {
        if (e.versions.some((v) => v.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    // Left enabled, the session keeps the worker from answering the next message.
    await cdp.send('ServiceWorker.disable');
    await cdp.detach();
  } finally {
    await page.close();
  }
}
