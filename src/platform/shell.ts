/**
 * A page's last live figures kept as markup, shown the moment the page opens, before its own
 * code has loaded (React, zod, the texts: ~450 KB to evaluate, and a cold renderer compiles all
 * of it), and only while they are still exact: no record written since they were computed, the
 * same settings, catalog and detection health, and before the time they stop being exact (the
 * kept answers' rule, platform/kept-time.ts). The page's first render with figures replaces them.
 *
 * - The page keeps it (`watchShellInputs`, `keepShell`): while its figures are live and of the
 *   opening view, its root's markup goes to `chrome.storage.session` (in memory, gone when the
 *   browser closes, and not readable or writable by content scripts) once it has settled and
 *   when the page closes.
 * - A tiny script of its own (entrypoints/<page>-shell.ts, no React and no classic zod) shows
 *   it (`showShell`): into a container that is `inert` (nothing in it can be clicked or focused
 *   until the page's own render takes over; it is the same markup, so nothing moves then).
 *
 * The markup is the page's own rendering of its texts (the browser's serialisation escapes them
 * and the extension's CSP runs no inline script or handler) and is read through a schema.
 */
import * as z from 'zod/mini';
import { browser } from 'wxt/browser';
import { markFigures, markOnce } from '../components/render-marks';
import { keptFits, keptTime } from './kept-time';

export const SHELL_PAGES = ['popup', 'dashboard'] as const;
export type ShellPage = (typeof SHELL_PAGES)[number];

export function isShellPage(page: unknown): page is ShellPage {
  return SHELL_PAGES.includes(page as ShellPage);
}

/** Kept this long after the last change of the figures (a page re-renders in bursts). */
const SETTLE_MS = 250;
/** What a page shows besides its records: its shell is exact only while these are unchanged. */
export const CONFIG_KEYS = ['settings', 'catalog', 'health'] as const;

/** Where `page`'s shell is kept in session storage. */
export const shellStorageKey = (page: ShellPage) => `shell:${page}`;

function shellSchema() {
  return z.object({ key: z.string(), at: z.number(), until: z.nullable(z.number()), tz: z.number(), html: z.string() });
}

/** What a shell was made under: the database revision its figures were computed at, and the raw settings, catalog and health. */
export function shellKey(rev: number, config: Record<string, unknown>): string {
  return JSON.stringify([rev, ...CONFIG_KEYS.map((k) => config[k] ?? null)]);
}

/** The shell's markup if it was made under `key` and is still exact now; null otherwise (missing, malformed, stale). */
export function fittingShell(stored: unknown, key: string, now: number): string | null {
  const shell = readShell(stored);
  if (!shell || shell.key !== key || !keptFits(shell, now)) return null;
  return shell.html;
}

/** A kept shell as stored, read through its schema; null when missing or malformed. */
export function readShell(stored: unknown): z.infer<ReturnType<typeof shellSchema>> | null {
  const shell = shellSchema().safeParse(stored);
  return shell.success ? shell.data : null;
}

/** What figures on screen were computed at: the database revision, and until when they are exact (null: for ever). */
export interface ShellFigures {
  rev: number;
  until: number | null;
}

/** The current key, from storage: the revision and the raw values of CONFIG_KEYS. */
export async function currentKey(): Promise<string> {
  const local = await browser.storage.local.get(['dbRevision', ...CONFIG_KEYS]);
  return shellKey(typeof local.dbRevision === 'number' ? local.dbRevision : 0, local);
}

/**
 * Shows `page`'s shell in `container` if one fits, unless the page has rendered its figures
 * already; marks `wl-shell` and, as for any first figures on screen, `wl-ready`.
 */
export async function showShell(page: ShellPage, container: HTMLElement): Promise<boolean> {
  if (!browser.storage.session) return false;
  const [session, key] = await Promise.all([browser.storage.session.get(shellStorageKey(page)), currentKey()]);
  const html = fittingShell(session[shellStorageKey(page)], key, Date.now());
  // Taken away already (the page rendered first): nothing to show it in.
  if (html === null || !container.isConnected || document.documentElement.dataset.wlReady) return false;
  container.innerHTML = html;
  // Kept figures, not live ones (the markup was saved from a live render).
  container.firstElementChild?.setAttribute('data-live', 'false');
  container.firstElementChild?.setAttribute('aria-busy', 'true');
  document.body.dataset.shell = '1';
  // On screen means laid out, as for the page's own first render (its marks follow the commit).
  void container.offsetHeight;
  markFigures(false, true);
  markOnce('wl-shell');
  return true;
}

/**
 * Takes the shell away, or its container if it has not come yet: called in the same task as the
 * page's first render with figures (or with an error), so both are never there at once.
 */
export function dropShell(): void {
  document.getElementById('wl-shell')?.remove();
  delete document.body.dataset.shell;
}

/**
 * What this page's shell would be made under, besides its records: the settings, catalog and
 * health as stored when the page started, and whether any of them changed since. Started first
 * thing (`watchShellInputs`, before the page reads them itself), so a change the page may have
 * rendered with is always seen: its markup could then be of either value, and it is not kept.
 * And the newest database revision written while the page is open (null: none): figures of an
 * older one are not kept (another page open at the same time may have kept the newer ones).
 */
let inputs: { page: ShellPage; config: Record<string, unknown> | null; changed: boolean; rev: number | null } | null = null;

/** Call from the page's first lines, before it reads its settings, catalog and health. */
export function watchShellInputs(page: ShellPage): void {
  const session = browser.storage.session;
  if (!session) return;
  const mine = { page, config: null as Record<string, unknown> | null, changed: false, rev: null as number | null };
  inputs = mine;
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    if ('dbRevision' in changes) {
      const rev: unknown = changes.dbRevision?.newValue;
      mine.rev = typeof rev === 'number' ? rev : null;
    }
    if (!CONFIG_KEYS.some((k) => k in changes) || mine.changed) return;
    mine.changed = true;
    session.remove(shellStorageKey(page)).catch(() => undefined);
  });
  browser.storage.local.get([...CONFIG_KEYS]).then(
    (values) => void (mine.config = values),
    () => undefined,
  );
}

/**
 * Keeps `root`'s markup as the page's shell while `figures()` says the figures on screen are live
 * and of the opening view (it gives the revision they were computed at and until when they are
 * exact; null otherwise): after
 * its markup has settled, and when the page is hidden or closed (a popup is often closed within
 * a second of opening). Nothing is kept once the settings, catalog or health changed while the
 * page was open, nothing of figures older than a write seen meanwhile, and nothing at all in a
 * page that did not call `watchShellInputs` first.
 * `markup` gives what is kept (by default the root's markup as it is; a page with state of its
 * own on screen — a hover, an unfolded table — gives its opening look: `openingMarkup`).
 * Returns the stop.
 */
export function keepShell(root: HTMLElement, figures: () => ShellFigures | null, markup: (root: HTMLElement) => string = (r) => r.innerHTML): () => void {
  const session = browser.storage.session;
  const watched = inputs;
  if (!session || !watched) return () => undefined;
  /** The markup changed since the last save; the key, markup and end that save was made with. */
  let dirty = true;
  let savedKey = '';
  let savedHtml = '';
  let savedUntil: number | null | undefined;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const save = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const shown = figures();
    if (shown === null || watched.config === null || watched.changed) return;
    // Written since these figures were asked for: their shell would never be shown, and stored, it
    // would replace the one a page open meanwhile kept with the new figures. The new ones follow.
    if (watched.rev !== null && shown.rev < watched.rev) return;
    const key = shellKey(shown.rev, watched.config);
    if (!dirty && key === savedKey && shown.until === savedUntil) return;
    dirty = false;
    const html = markup(root);
    // A hover come and gone changes nothing that is kept: no write.
    if (key === savedKey && html === savedHtml && shown.until === savedUntil) return;
    savedKey = key;
    savedHtml = html;
    savedUntil = shown.until;
    session.set({ [shellStorageKey(watched.page)]: { key, ...keptTime(shown.until), html } }).catch(() => undefined);
  };
  const changed = () => {
    dirty = true;
    if (timer) clearTimeout(timer);
    timer = setTimeout(save, SETTLE_MS);
  };
  const hidden = () => document.visibilityState === 'hidden' && save();
  const observer = new MutationObserver(changed);
  observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
  document.addEventListener('visibilitychange', hidden);
  window.addEventListener('pagehide', save);
  changed();
  return () => {
    observer.disconnect();
    document.removeEventListener('visibilitychange', hidden);
    window.removeEventListener('pagehide', save);
    if (timer) clearTimeout(timer);
  };
}

/**
 * What a page looked like when it opened, from how it looks now (the root holds one element, the
 * page's frame): the frame's children up to a `data-shell="end"` marker (what the page's first
 * render draws; the rest follow it, with the page's own code), without the parts marked
 * transient (`data-shell="drop"`: a hover's tooltip), with hover classes (`is-hover`) off and
 * unfolded details closed, and with what each control holds (a property, not markup) written
 * into the copy so it shows the same choice.
 */
export function openingMarkup(root: HTMLElement): string {
  const frame = root.firstElementChild;
  if (!frame) return root.innerHTML;
  const copy = frame.cloneNode(false) as Element;
  const controls: [Element, Element][] = [];
  for (const part of Array.from(frame.children)) {
    if (part.getAttribute('data-shell') === 'end') break;
    const own = part.cloneNode(true) as Element;
    const originals = part.querySelectorAll(CONTROLS);
    own.querySelectorAll(CONTROLS).forEach((c, i) => controls.push([originals[i]!, c]));
    copy.appendChild(own);
  }
  controls.forEach(([from, to]) => writeControl(from, to));
  copy.querySelectorAll('[data-shell="drop"]').forEach((el) => el.remove());
  copy.querySelectorAll('details[open]').forEach((el) => el.removeAttribute('open'));
  copy.querySelectorAll('.is-hover').forEach((el) => el.classList.remove('is-hover'));
  return copy.outerHTML;
}

const CONTROLS = 'select, input, textarea';

function writeControl(from: Element, to: Element): void {
  if (from instanceof HTMLSelectElement) {
    const options = to.querySelectorAll('option');
    Array.from(from.options).forEach((o, i) => options[i]?.toggleAttribute('selected', o.selected));
  } else if (from instanceof HTMLInputElement) {
    if (from.type === 'checkbox' || from.type === 'radio') to.toggleAttribute('checked', from.checked);
    else if (from.type !== 'file' && from.type !== 'password') to.setAttribute('value', from.value);
  } else if (from instanceof HTMLTextAreaElement) {
    to.textContent = from.value;
  }
}
