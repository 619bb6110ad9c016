/**
 * Which shells the background remakes (remake.ts `staleShells`): a page's that the user opened
 * before, that is not exact now and that is not open (an open page keeps its own). And what the
 * page rendered out of sight may store through the background (`relay`).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { shellKey } from '../platform/shell';
import { relay, staleShells, type Rendering } from './remake';

const NOW = Date.UTC(2026, 11, 5, 12);
const tz = new Date(NOW).getTimezoneOffset();
const config = { settings: { s: 1 }, catalog: { c: 1 }, health: [] };
let open: string[] = [];

beforeEach(async () => {
  open = [];
  const runtime = fakeBrowser.runtime as unknown as { getContexts: unknown };
  runtime.getContexts = vi.fn(async () => open.map((page) => ({ documentUrl: fakeBrowser.runtime.getURL(`/${page}.html` as never) })));
  await fakeBrowser.storage.local.set({ dbRevision: 5, ...config });
});

const shell = (rev: number, until: number | null, at = NOW - 60_000) => ({ key: shellKey(rev, config), at, until, tz, html: '<main></main>' });

describe('staleShells', () => {
  it('none for pages never opened', async () => {
    expect(await staleShells(NOW)).toEqual([]);
  });

  it('a page with a kept answer but no shell (the browser restarted): remade', async () => {
    await fakeBrowser.storage.local.set({ lastAnswers: { 'popup:30d': { rev: 4, at: NOW - 60_000, until: NOW - 1, tz, value: {} } } });
    expect(await staleShells(NOW)).toEqual(['popup']);
  });

  it('an exact shell is left; one of an older revision, or past its end, is remade', async () => {
    await fakeBrowser.storage.session.set({ 'shell:popup': shell(5, NOW + 1), 'shell:dashboard': shell(5, null) });
    expect(await staleShells(NOW)).toEqual([]);
    await fakeBrowser.storage.session.set({ 'shell:dashboard': shell(4, null) });
    expect(await staleShells(NOW)).toEqual(['dashboard']);
    expect(await staleShells(NOW + 1)).toEqual(['popup', 'dashboard']);
  });

  it('a settings change makes it stale too', async () => {
    await fakeBrowser.storage.session.set({ 'shell:popup': shell(5, null) });
    await fakeBrowser.storage.local.set({ settings: { s: 2 } });
    expect(await staleShells(NOW)).toEqual(['popup']);
  });

  it('not while the page is open: it keeps its own', async () => {
    await fakeBrowser.storage.session.set({ 'shell:popup': shell(4, null), 'shell:dashboard': shell(4, null) });
    open = ['dashboard'];
    expect(await staleShells(NOW)).toEqual(['popup']);
  });
});

describe('relay', () => {
  const url = fakeBrowser.runtime.getURL('/popup.html' as never);
  const from = { id: fakeBrowser.runtime.id, url };
  const rendering = (): Rendering & { done: number } => {
    const r = { page: 'popup' as const, url, done: 0, kept: () => void r.done++ };
    return r;
  };
  const setShell = (stored: unknown, target: Rendering | null, sender: { id?: string; url?: string; tab?: unknown } = from) =>
    relay({ area: 'session', op: 'set', arg: { 'shell:popup': stored } }, sender, target);

  it('keeps the shell of the page it renders when it is exact now, and says the render is done', async () => {
    const target = rendering();
    await expect(setShell(shell(5, null, Date.now() - 1_000), target)).resolves.toEqual({ ok: true, value: undefined });
    expect((await fakeBrowser.storage.session.get('shell:popup'))['shell:popup']).toMatchObject({ key: shellKey(5, config) });
    expect(target.done).toBe(1);
  });

  it('a shell of before a write made meanwhile replaces nothing (a newer one the user kept stays); the render is done all the same', async () => {
    const newer = shell(5, null, Date.now() - 1_000);
    await fakeBrowser.storage.session.set({ 'shell:popup': newer });
    const target = rendering();
    await expect(setShell(shell(4, null, Date.now() - 1_000), target)).resolves.toEqual({ ok: false, message: 'the shell is out of date: not kept' });
    expect((await fakeBrowser.storage.session.get('shell:popup'))['shell:popup']).toEqual(newer);
    expect(target.done).toBe(1);
  });

  it('refuses any caller but the page it renders, and everything when it renders none', async () => {
    const refused = { ok: false, message: 'storage is relayed only for a page the background renders' };
    await expect(setShell(shell(5, null), null)).resolves.toEqual(refused);
    await expect(setShell(shell(5, null), rendering(), { ...from, url: fakeBrowser.runtime.getURL('/options.html' as never) })).resolves.toEqual(refused);
    await expect(setShell(shell(5, null), rendering(), { ...from, tab: { id: 1 } })).resolves.toEqual(refused);
    expect(await fakeBrowser.storage.session.get('shell:popup')).toEqual({});
  });
});
