/**
 * How an extension page starts: its start-up values are asked for (platform/boot.ts), then its
 * views are loaded; while their code is fetched and evaluated, storage answers.
 */
import { readStartup } from './boot';

export function startPage(views: () => Promise<unknown>): void {
  void readStartup();
  views().catch((error: unknown) => {
    // Only a damaged install gets here (a chunk missing from the extension's files).
    const root = document.getElementById('root');
    if (root) root.textContent = `WhyLost could not load this page (${error instanceof Error ? error.message : String(error)}). Reinstall or reload the extension.`;
  });
}
