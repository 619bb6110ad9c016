/**
 * An extension page's first lines: its start-up values read from storage in one request, before
 * its views' code (React, zod, the texts: ~550 KB) is evaluated. The dashboard starts this way
 * (platform/page-entry.ts): its settings, catalog, health and kept figures were read only once
 * its views had run, ~30 ms later. Compared in the same minutes (`npm run compare -- 58d28e1
 * --only render --rounds 5`): its first figures came 17 % sooner cold and 9 % sooner warm. The
 * popup tried it too and got no faster (its code is small; the second step cost what the early
 * read saved), so it keeps one entry and reads as before. Light on purpose: neither zod nor
 * React, so values are raw — the loaders in stored.ts and last-answers.ts validate them exactly
 * as they validate a read of their own.
 */
import { browser } from 'wxt/browser';

/** The chrome.storage.local keys of the items a page reads before its first render (stored.ts, last-answers.ts). */
const STARTUP_KEYS = ['settings', 'catalog', 'health', 'dbRevision', 'installId', 'lastAnswers'] as const;
type StartupKey = (typeof STARTUP_KEYS)[number];

let startup: Promise<Partial<Record<StartupKey, unknown>>> | null = null;
const taken = new Set<StartupKey>();

/** Reads the start-up values; called once, first thing, by the page's entry. */
export function readStartup(): Promise<Partial<Record<StartupKey, unknown>>> {
  startup = browser.storage.local.get([...STARTUP_KEYS]) as Promise<Partial<Record<StartupKey, unknown>>>;
  // Taken or not, a failure must not be reported as unhandled: a taker reads storage again.
  startup.catch(() => undefined);
  return startup;
}

const isStartupKey = (key: string): key is StartupKey => (STARTUP_KEYS as readonly string[]).includes(key);

/**
 * The raw value of a storage item (its wxt key, `local:settings`) read at start-up, for the
 * first reader only (a later read, e.g. after a change, must see storage as it is then); null
 * when none was read, it is taken, or the item is not one of the start-up values. A failed
 * start-up read falls back to `fresh`.
 */
export function startupValue(itemKey: string, fresh: () => Promise<unknown>): Promise<unknown> | null {
  const key = itemKey.startsWith('local:') ? itemKey.slice('local:'.length) : '';
  if (!startup || !isStartupKey(key) || taken.has(key)) return null;
  taken.add(key);
  return startup.then((values) => values[key], fresh);
}
