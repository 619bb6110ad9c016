/**
 * Fault injection in real Chromium through the DevTools protocol, from an extension page
 * (whose session reaches the extension's storage). Stopping the worker: service-worker.ts.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { ExtensionBrowser } from './browser';

async function extensionSession(browser: ExtensionBrowser): Promise<{ page: Page; cdp: CDPSession }> {
  const page = await browser.openExtensionPage('popup.html');
  return { page, cdp: await browser.context.newCDPSession(page) };
}

/**
 * Shrinks the extension origin's storage quota to `quotaSize` bytes. The override lives as long as
 * the DevTools session, so it is held open until `restore()`.
 */
export async function squeezeExtensionQuota(browser: ExtensionBrowser, quotaSize: number): Promise<{ restore(): Promise<void> }> {
  const { page, cdp } = await extensionSession(browser);
  const origin = `chrome-extension://${browser.extensionId}`;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize });
  return {
    async restore() {
      await cdp.send('Storage.overrideQuotaForOrigin', { origin });
      await cdp.detach();
      await page.close();
    },
  };
}
