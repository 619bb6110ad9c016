/**
 * The figures a page kept last time (its shell in session storage, its kept answers in local:
 * src/platform/shell.ts, last-answers.ts), read and aged from outside, for the benchmark,
 * `npm run compare` and the browser tests. Storage keys as the product writes them.
 */
import type { ExtensionBrowser } from './browser';
import { REMAKE_ALARM } from '../../src/background/remake';
import { CONFIG_KEYS, fittingShell, shellKey, shellStorageKey, type ShellPage } from '../../src/platform/shell';

/** How far back `ageKept` moves the kept figures: a look earlier the same day. */
const HOURS_AGO_MS = 2 * 3_600_000;

/**
 * How a page was last opened, for `ageKept`: two hours ago, the same day and with nothing
 * written since (its figures still exact); or so long ago that its figures are out of date (the
 * day, and so its "30 days", has moved on since: the first open of a day).
 */
export type LastOpen = 'hours ago' | 'out of date';

/**
 * Moves `page`'s shell (session) and kept figures (local) back two hours, as if it was last
 * opened then; 'out of date' also makes them past the time they were exact to
 * (platform/kept-time.ts: `until`, worked out with the figures). Only that page's: the other
 * page's, kept by its own last open, stay as they are. (Two hours back from just after midnight
 * is yesterday, with figures exact to the next midnight: not a state the product makes, and not
 * one that changes what is measured.)
 */
export async function ageKept(browser: ExtensionBrowser, page: 'popup' | 'dashboard', how: LastOpen): Promise<void> {
  const sw = await browser.serviceWorker();
  const ms = HOURS_AGO_MS;
  const expire = how === 'out of date';
  await sw.evaluate(
    async ({ page, ms, expire }) => {
      type Dated = { at: number; until?: number | null };
      type Area = { get(k: string | null): Promise<Record<string, unknown>>; set(v: Record<string, unknown>): Promise<void> };
      const chrome = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
      const older = (v: unknown) => {
        const at = (v as Dated).at - ms;
        return { ...(v as Dated), at, ...(expire ? { until: at + 1 } : {}) };
      };
      const session = await chrome.storage.session.get(null);
      const shell = `shell:${page}`;
      if (shell in session) await chrome.storage.session.set({ [shell]: older(session[shell]) });
      const { lastAnswers } = await chrome.storage.local.get('lastAnswers');
      const aged = Object.fromEntries(Object.entries((lastAnswers ?? {}) as Record<string, unknown>).map(([k, v]) => [k, k.startsWith(`${page}:`) ? older(v) : v]));
      await chrome.storage.local.set({ lastAnswers: aged });
    },
    { page, ms, expire },
  );
}

/** What `page` keeps now: its shell's and its kept answers' times (null where there is none). */
export interface KeptTimes {
  shell: { at: number; until: number | null } | null;
  /** Per kept answer of the page (key: `popup:30d`, `dashboard:{…}`). */
  answers: Record<string, { at: number; until: number | null }>;
}

export async function keptTimes(browser: ExtensionBrowser, page: 'popup' | 'dashboard'): Promise<KeptTimes> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(async (page) => {
    type Dated = { at: number; until: number | null };
    type Area = { get(k: string): Promise<Record<string, unknown>> };
    const chrome = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
    const shell = (await chrome.storage.session.get(`shell:${page}`))[`shell:${page}`] as Dated | undefined;
    const { lastAnswers } = await chrome.storage.local.get('lastAnswers');
    const answers = Object.entries((lastAnswers ?? {}) as Record<string, Dated>)
      .filter(([k]) => k.startsWith(`${page}:`))
      .map(([k, v]) => [k, { at: v.at, until: v.until }]);
    return { shell: shell ? { at: shell.at, until: shell.until } : null, answers: Object.fromEntries(answers) };
  }, page);
}

/**
 * Waits until `page`'s shell is exact again (src/background/remake.ts remakes it out of sight):
 * made at the database revision and settings stored now, and not past its `until`.
 */
export async function waitForRemade(browser: ExtensionBrowser, page: ShellPage, timeout = 20_000, pollMs = 200): Promise<void> {
  const sw = await browser.serviceWorker();
  const deadline = Date.now() + timeout;
  for (;;) {
    const { shell, local } = await sw.evaluate(
      async ({ shellKey, configKeys }) => {
        type Area = { get(k: string | string[]): Promise<Record<string, unknown>> };
        const chrome = (globalThis as unknown as { chrome: { storage: { local: Area; session: Area } } }).chrome;
        return { shell: (await chrome.storage.session.get(shellKey))[shellKey] ?? null, local: await chrome.storage.local.get(['dbRevision', ...configKeys]) };
      },
      { shellKey: shellStorageKey(page), configKeys: [...CONFIG_KEYS] },
    );
    // The product's own test (platform/shell.ts), on the values read from the extension.
    const rev = typeof local.dbRevision === 'number' ? local.dbRevision : 0;
    if (fittingShell(shell, shellKey(rev, local), Date.now()) !== null) return;
    if (Date.now() > deadline) throw new Error(`the ${page}'s shell was not remade within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The alarm the background remakes shells at (src/background/remake.ts), made to go off now. */
export async function fireRemakeAlarm(browser: ExtensionBrowser): Promise<void> {
  const sw = await browser.serviceWorker();
  await sw.evaluate((name) => {
    const chrome = (globalThis as unknown as { chrome: { alarms: { create(n: string, a: { when: number }): Promise<void> } } }).chrome;
    return chrome.alarms.create(name, { when: Date.now() });
  }, REMAKE_ALARM);
}

/** When the background's remake alarm goes off (null: none set). */
export async function remakeAlarm(browser: ExtensionBrowser): Promise<number | null> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(async (name) => {
    const chrome = (globalThis as unknown as { chrome: { alarms: { get(n: string): Promise<{ scheduledTime: number } | undefined> } } }).chrome;
    return (await chrome.alarms.get(name))?.scheduledTime ?? null;
  }, REMAKE_ALARM);
}
