/**
 * Stops the extension's service worker through the DevTools protocol, as the browser does when
 * the background idles: its memory is gone, the next message starts it again. Run from an
 * extension page, whose session reaches the extension's worker; resolves once it has stopped.
 */
import type { ExtensionBrowser } from './browser';

export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.openExtensionPage('popup.html');
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
    await page.close(); // the popup page must not keep a message port open
  }
}
