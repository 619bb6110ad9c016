/**
 * Driving the options page and reading the extension's storage in e2e tests (issue 9).
 */
import type { Locator, Page } from 'playwright-core';
import type { HealthReport } from '../../src/core/health';
import type { Settings } from '../../src/core/settings';
import type { ExtensionBrowser } from './browser';
import type { FixtureServer } from './fixture-server';
import { eventually } from './drive';

/** The part of the extension API these helpers use inside the service worker. */
type Chrome = { storage: { local: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } } };

/** A value in chrome.storage.local, read in the service worker. */
export async function storedValue<T>(browser: ExtensionBrowser, key: string): Promise<T | undefined> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(async (k) => {
    const { chrome } = globalThis as unknown as { chrome: Chrome };
    return (await chrome.storage.local.get(k))[k] as T | undefined;
  }, key);
}

/** Writes chrome.storage.local from the service worker, as if an older or broken version had stored it. */
export async function storeValue(browser: ExtensionBrowser, key: string, value: unknown): Promise<void> {
  const sw = await browser.serviceWorker();
  await sw.evaluate(
    async ([k, v]) => {
      const { chrome } = globalThis as unknown as { chrome: Chrome };
      await chrome.storage.local.set({ [k as string]: v });
    },
    [key, value] as const,
  );
}

export const storedSettings = (browser: ExtensionBrowser) => storedValue<Settings>(browser, 'settings');

/**
 * Opens an amoCRM card and waits until WhyLost runs on it: the runtime reports the page's
 * detection health right before it starts the adapter, so a fresh report for the host means ready.
 */
export async function openCard(h: { browser: ExtensionBrowser; server: FixtureServer }, host: string, leadId: string): Promise<Page> {
  const since = Date.now();
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, `/leads/detail/${leadId}`));
  await waitForHealth(h.browser, host, since);
  return page;
}

/** Waits for a detection report of `host` made at or after `since` (the runtime started there). */
export async function waitForHealth(browser: ExtensionBrowser, host: string, since: number, timeoutMs = 15_000): Promise<HealthReport> {
  const fresh = (list: HealthReport[] | undefined) => list?.find((r) => r.host === host && r.at >= since);
  const list = await eventually(() => storedValue<HealthReport[]>(browser, 'health'), (l) => Boolean(fresh(l)), timeoutMs);
  const report = fresh(list);
  if (!report) throw new Error(`no detection report from ${host} since ${new Date(since).toISOString()}`);
  return report;
}

/** The reason ids a panel offers, in order. */
export const offered = (reasons: Locator) => reasons.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.reasonId ?? ''));

export const optionsPage = (page: Page) => {
  const row = (id: string) => page.locator(`[data-testid="wl-cat-row"][data-reason-id="${id}"]`);
  const form = page.locator('[data-testid="wl-cat-form"]');
  return {
    page,
    problem: page.locator('[data-testid="wl-settings-problem"]'),
    catalog: {
      row,
      rows: page.locator('[data-testid="wl-cat-row"]'),
      revision: page.locator('[data-testid="wl-cat-revision"]'),
      message: page.locator('[data-testid="wl-cat-message"]'),
      add: page.locator('[data-testid="wl-cat-add"]'),
      form,
      field: (name: string) => form.locator(`[data-testid="wl-cat-${name}"]`),
      formError: form.locator('[data-testid="wl-cat-form-error"]'),
    },
    segments: {
      seen: page.locator('[data-testid="wl-rule-seen"]'),
      stage: page.locator('[data-testid="wl-rule-stage"]'),
      segment: page.locator('[data-testid="wl-rule-segment"]'),
      add: page.locator('[data-testid="wl-rule-add"]'),
      error: page.locator('[data-testid="wl-rule-error"]'),
      rows: page.locator('[data-testid="wl-rule-row"]'),
    },
    comments: {
      perReason: page.locator('[data-testid="wl-comments-required-per-reason"]'),
      minLength: page.locator('[data-testid="wl-comments-min-length"]'),
      placeholders: page.locator('[data-testid="wl-comments-placeholders"]'),
      save: page.locator('[data-testid="wl-comments-save"]'),
      error: page.locator('[data-testid="wl-comments-error"]'),
      message: page.locator('[data-testid="wl-comments-message"]'),
    },
    crmEnabled: (crm: string) => page.locator(`[data-testid="wl-crm-enabled-${crm}"]`),
    healthRow: (host: string) => page.locator(`[data-testid="wl-health-row"][data-host="${host}"] [data-testid="wl-host-health"]`),
    identity: {
      name: page.locator('[data-testid="wl-identity-name"]'),
      save: page.locator('[data-testid="wl-identity-save"]'),
      source: page.locator('[data-testid="wl-identity-source"]'),
    },
    language: page.locator('[data-testid="wl-language"]'),
  };
};
