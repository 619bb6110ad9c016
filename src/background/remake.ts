/**
 * Remakes the pages' shells (platform/shell.ts) when they stop being exact, so the next opening
 * shows its figures at once. A shell is made by its page while the user has it open; until now it
 * was exact only until the next write, settings change or the time its figures change (`until`:
 * midnight for the popup's "30 days"), and the first opening after that (the first of every day)
 * waited for the page's own code and a cold background, ~270 ms at 100,000 records.
 *
 * Here the background renders the page itself, out of sight, in an offscreen document: the same
 * page and code, so the same markup the user's own opening would keep. The browser gives such a
 * document the runtime API only; its storage calls come here (platform/storage-relay.ts) and are
 * answered while it is open. It is closed once the page has kept its shell.
 *
 * When: a moment after writes and settings changes stop (QUIET_MS), at the `until` of the shells
 * kept (an alarm), and when the browser starts or the extension is updated (session storage,
 * where shells live, starts empty then). Only pages the user has opened before (a kept shell or answer), and not while the page
 * is open (it keeps its own). Chromium only: Firefox has no offscreen documents.
 */
import { browser } from 'wxt/browser';
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { CONFIG_KEYS, currentKey, fittingShell, readShell, SHELL_PAGES, shellStorageKey, type ShellPage } from '../platform/shell';
import { keptAnswerKeys } from '../platform/last-answers';
import { RELAY_AREAS, RELAY_OPS, STORAGE_RELAY, type RelayAnswer } from '../platform/storage-relay';

/** Writes come in bursts (an import, a panel's save and its edits): remade once they stop for this long. */
export const QUIET_MS = 500;
/** A page that has not kept its shell by then is closed all the same (it will be tried again later). */
const RENDER_TIMEOUT_MS = 15_000;
export const REMAKE_ALARM = 'whylost-remake-shells';

const RelayCallSchema = lazySchema(() => z.object({ area: z.enum(RELAY_AREAS), op: z.enum(RELAY_OPS), arg: z.unknown() }));
const KeysSchema = lazySchema(() => z.union([z.null(), z.string(), z.array(z.string())]));
const ItemsSchema = lazySchema(() => z.record(z.string(), z.unknown()));
/** What a shell is made under besides its records: a change of any makes it stale. */
const INPUT_KEYS: readonly string[] = ['dbRevision', ...CONFIG_KEYS];

const pageUrl = (page: ShellPage) => browser.runtime.getURL(`/${page}.html`);

type Offscreen = typeof browser.offscreen;

/** A page being rendered out of sight, and what to call when it is done with its shell. */
export interface Rendering {
  page: ShellPage;
  url: string;
  kept: () => void;
}

let rendering: Rendering | null = null;

export function startShellRemakes(): void {
  const offscreen = (browser as { offscreen?: Offscreen }).offscreen;
  if (!offscreen || !browser.alarms) return;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let queue: Promise<void> = Promise.resolve();
  const soon = (delay: number) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      queue = queue.then(() => remakeStale(offscreen)).catch((error: unknown) => console.warn('[WhyLost] shells not remade', error));
    }, delay);
  };
  browser.runtime.onMessage.addListener((message: unknown, sender, reply: (answer: RelayAnswer) => void) => {
    if (!message || typeof message !== 'object' || !(STORAGE_RELAY in message)) return false;
    void relay((message as Record<string, unknown>)[STORAGE_RELAY], sender).then(reply);
    return true;
  });
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && INPUT_KEYS.some((k) => k in changes)) soon(QUIET_MS);
    if (area === 'session' && SHELL_PAGES.some((p) => shellStorageKey(p) in changes)) void setAlarm();
  });
  browser.alarms.onAlarm.addListener((alarm) => alarm.name === REMAKE_ALARM && soon(0));
  // Session storage starts empty when the browser starts and when the extension is updated.
  browser.runtime.onStartup.addListener(() => soon(0));
  browser.runtime.onInstalled.addListener(() => soon(0));
}

/**
 * A storage call from the page rendered out of sight (`target`), made here (nothing from anyone
 * else). Its shell is kept only if it is exact now: a write made while the page rendered leaves
 * it with the figures of before, and stored, it would replace a shell a page the user opened
 * meanwhile kept with the new ones (seen in page-shell.e2e: the next opening then had none).
 * Either way the render is over; the write has asked for another remake.
 */
export async function relay(raw: unknown, sender: { id?: string; tab?: unknown; url?: string }, target = rendering): Promise<RelayAnswer> {
  if (!target || sender.id !== browser.runtime.id || sender.tab || sender.url !== target.url) {
    return { ok: false, message: 'storage is relayed only for a page the background renders' };
  }
  const call = RelayCallSchema.safeParse(raw);
  if (!call.success) return { ok: false, message: 'malformed storage call' };
  const { area, op, arg } = call.data;
  const storage = browser.storage[area];
  try {
    if (op === 'get') return { ok: true, value: await storage.get(KeysSchema.parse(arg)) };
    if (op === 'remove') return { ok: true, value: await storage.remove(KeysSchema.parse(arg) ?? []) };
    if (op === 'clear') return { ok: false, message: 'a page rendered out of sight clears nothing' };
    const items = ItemsSchema.parse(arg);
    const shell = shellStorageKey(target.page);
    const isShell = area === 'session' && shell in items;
    if (isShell && fittingShell(items[shell], await currentKey(), Date.now()) === null) {
      target.kept();
      return { ok: false, message: 'the shell is out of date: not kept' };
    }
    await storage.set(items);
    if (isShell) target.kept();
    return { ok: true, value: undefined };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The pages whose shell is not exact now, that were opened before and are not open now. */
export async function staleShells(now = Date.now()): Promise<ShellPage[]> {
  const [session, answered, key, open] = await Promise.all([
    browser.storage.session.get(SHELL_PAGES.map(shellStorageKey)),
    keptAnswerKeys(),
    currentKey(),
    openPages(),
  ]);
  return SHELL_PAGES.filter((page) => {
    const shell = session[shellStorageKey(page)];
    const opened = shell !== undefined || answered.some((k) => k.startsWith(`${page}:`));
    return opened && !open.has(page) && fittingShell(shell, key, now) === null;
  });
}

/** Pages open in a tab or as the toolbar popup (they keep their own shells). */
async function openPages(): Promise<Set<ShellPage>> {
  const contexts = await browser.runtime.getContexts?.({ contextTypes: ['TAB', 'POPUP'] as never }).catch(() => []);
  const open = new Set<ShellPage>();
  for (const c of contexts ?? []) for (const page of SHELL_PAGES) if (c.documentUrl?.startsWith(pageUrl(page))) open.add(page);
  return open;
}

async function remakeStale(offscreen: Offscreen): Promise<void> {
  for (const page of await staleShells()) await renderUnseen(offscreen, page);
  await setAlarm();
}

/** Opens `page` in an offscreen document until it has kept its shell (or RENDER_TIMEOUT_MS), then closes it. */
async function renderUnseen(offscreen: Offscreen, page: ShellPage): Promise<void> {
  const url = pageUrl(page);
  let timeout: ReturnType<typeof setTimeout> | undefined;
  const kept = new Promise<void>((resolve) => {
    rendering = { page, url, kept: resolve };
    timeout = setTimeout(resolve, RENDER_TIMEOUT_MS);
  });
  try {
    if (await offscreen.hasDocument()) await offscreen.closeDocument();
    await offscreen.createDocument({
      url,
      reasons: ['DOM_PARSER' as never],
      justification: 'Renders the statistics page out of sight so its figures show at once when the user opens it.',
    });
    await kept;
  } finally {
    clearTimeout(timeout);
    rendering = null;
    await offscreen.closeDocument().catch(() => undefined);
  }
}

/** The alarm goes off when the first kept shell stops being exact; none when none ever does. */
async function setAlarm(now = Date.now()): Promise<void> {
  const session = await browser.storage.session.get(SHELL_PAGES.map(shellStorageKey));
  const ends = Object.values(session)
    .map((stored) => readShell(stored)?.until ?? null)
    .filter((until): until is number => until !== null && until > now);
  if (ends.length) await browser.alarms.create(REMAKE_ALARM, { when: Math.min(...ends) });
  else await browser.alarms.clear(REMAKE_ALARM);
}
