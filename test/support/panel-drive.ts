/**
 * Driving the reason panel's extras, the record page and the extension's state in end-to-end
 * tests (the basic panel locators are in drive.ts).
 */
import type { Locator, Page } from 'playwright-core';
import { defaultSettings, type Settings } from '../../src/core/settings';
import type { ExtensionBrowser } from './browser';
import { panel } from './drive';

/** The few extension APIs the tests call inside the browser (no @types/chrome in this project). */
type ChromeApi = {
  storage: { local: { set(items: Record<string, unknown>): Promise<void> } };
  action: { getBadgeText(details: object): Promise<string> };
};

/** The panel's locators inside a root: the CRM page's <whylost-panel>, or the record page. */
export function panelIn(root: Locator) {
  return {
    root,
    dialog: root.locator('.wl-panel'),
    reason: (id: string): Locator => root.locator(`[data-testid="wl-reason"][data-reason-id="${id}"]`),
    reasons: root.locator('[data-testid="wl-reason"]'),
    junkReasons: root.locator('.wl-junk [data-testid="wl-reason"]'),
    comment: root.locator('[data-testid="wl-comment"]'),
    competitor: root.locator('[data-testid="wl-competitor"]'),
    attempts: root.locator('[data-testid="wl-attempts"]'),
    followUp: root.locator('[data-testid="wl-follow-up"]'),
    secondaryToggle: root.locator('[data-testid="wl-secondary-toggle"]'),
    secondary: (id: string): Locator => root.locator(`[data-testid="wl-secondary"][data-reason-id="${id}"]`),
    segment: root.locator('[data-testid="wl-segment"]'),
    segmentSource: root.locator('[data-testid="wl-segment-source"]'),
    filter: root.locator('[data-testid="wl-filter"]'),
    lead: root.locator('[data-testid="wl-lead"]'),
    batchAll: root.locator('[data-testid="wl-batch-all"]'),
    batchEach: root.locator('[data-testid="wl-batch-each"]'),
    save: root.locator('[data-testid="wl-save"]'),
    later: root.locator('[data-testid="wl-later"]'),
    error: root.locator('[data-testid="wl-error"]'),
  };
}

export const crmPanel = (page: Page) => panelIn(panel(page).root);

/**
 * Writes the whole settings object (defaults + `change`) as the options page would. The defaults
 * are made for `installId` (the identity whose closes are "mine"): pass the browser's own where
 * its records' owner matters.
 */
export async function writeSettings(browser: ExtensionBrowser, change: (s: Settings) => Settings, installId = 'e2e-install'): Promise<Settings> {
  const settings = change(defaultSettings(installId));
  const page = await browser.openExtensionPage('popup.html');
  try {
    await page.evaluate((value) => (globalThis as unknown as { chrome: ChromeApi }).chrome.storage.local.set({ settings: value }), settings);
  } finally {
    await page.close();
  }
  return settings;
}

/** The toolbar badge's text, read in the background. */
export async function badgeText(browser: ExtensionBrowser): Promise<string> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(() => (globalThis as unknown as { chrome: ChromeApi }).chrome.action.getBadgeText({}));
}

/** data-testid of the element focused inside the panel's shadow root; null when focus is elsewhere. */
export function focusedInPanel(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const host = document.querySelector('whylost-panel');
    if (!host || document.activeElement !== host) return null;
    const active = host.shadowRoot?.activeElement as HTMLElement | null | undefined;
    return active?.dataset.testid ?? active?.tagName.toLowerCase() ?? null;
  });
}
