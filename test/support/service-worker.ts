/**
 * Stops the extension's service worker through the DevTools protocol, as the browser does when
 * the background idles: its memory is gone, the next message starts it again. Run from a document
 * of the extension's origin, whose session reaches the extension's worker; resolves once it has
 * stopped. That document is the manifest, which runs no extension code: a page like the popup
 * would send its own requests around the stop (waking the worker again) and load the code the
 * popup and dashboard share, so a "cold" measurement after it was partly warm.
 */
import type { ExtensionBrowser } from './browser';

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
