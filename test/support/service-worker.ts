/**
 * Stops the extension's service worker through the DevTools protocol, as the browser does when
 * the background idles: its memory is gone, the next message starts it again.
 */
import type { ExtensionBrowser } from './browser';

export async function stopServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const page = await browser.context.newPage();
  try {
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // Left enabled, the session keeps the worker from answering the next message.
    await cdp.send('ServiceWorker.disable');
    await cdp.detach();
  } finally {
    await page.close();
  }
}
