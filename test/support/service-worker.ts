/**
 * Stops the extension's service worker through the DevTools protocol, as the browser does when
 * the background idles: its memory is gone, the next message starts it again. Run from a document
 * of the extension's origin, whose session reaches the extension's worker; resolves once it has
 * stopped. That document is the manifest, which runs no extension code: a page like the popup
 * would reconnect to the worker the moment it stopped, restarting it while the session still
 * watches it — and a worker started then could stay deaf to the next messages.
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
