/**
 * How an extension page starts: its start-up values are asked for (platform/boot.ts), then its
 * views are loaded; while their code is fetched and evaluated, storage answers.
 */
import { browser } from 'wxt/browser';
import { readStartup } from './boot';

export function startPage(views: () => Promise<unknown>): void {
  void readStartup();
  views().catch((error: unknown) => {
    // Only a damaged install gets here (a chunk missing from the extension's files). The
    // interface texts are in the views' code: the browser's own message catalogue says it.
    const detail = error instanceof Error ? error.message : String(error);
    const root = document.getElementById('root');
    if (root) root.textContent = browser.i18n.getMessage('pageLoadFailed', [detail]) || `WhyLost could not load this page (${detail}).`;
  });
}
