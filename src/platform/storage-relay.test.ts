import { describe, expect, it, vi } from 'vitest';
import { relayStorage, STORAGE_RELAY } from './storage-relay';

/** A namespace as Chromium gives an offscreen document: the runtime and nothing else. */
function runtimeOnly(answer: (message: unknown) => unknown) {
  return { runtime: { id: 'ext', sendMessage: vi.fn(async (m: unknown) => answer(m)) } };
}

describe('relayStorage', () => {
  it('lends both namespaces one storage that sends each call to the background and returns its answer', async () => {
    const chrome = runtimeOnly(() => ({ ok: true, value: { settings: 1 } }));
    const browser = { runtime: chrome.runtime } as { runtime: typeof chrome.runtime; storage?: unknown };
    const scope = { chrome: chrome as typeof browser, browser };
    expect(relayStorage(scope)).toBe(true);
    expect(scope.chrome.storage).toBe(browser.storage);
    const local = (browser.storage as { local: { get(k: unknown): Promise<unknown>; set(v: unknown): Promise<unknown> } }).local;
    await expect(local.get(['settings'])).resolves.toEqual({ settings: 1 });
    await local.set({ a: 2 });
    expect(chrome.runtime.sendMessage.mock.calls.map(([m]) => m)).toEqual([
      { [STORAGE_RELAY]: { area: 'local', op: 'get', arg: ['settings'] } },
      { [STORAGE_RELAY]: { area: 'local', op: 'set', arg: { a: 2 } } },
    ]);
    // Called again (the page's modules after page-shell.js): still relayed, the same stand-in.
    const lent = browser.storage;
    expect(relayStorage(scope)).toBe(true);
    expect(browser.storage).toBe(lent);
  });

  it('a refused call fails with the background\'s words; no answer at all fails too', async () => {
    const refused = { chrome: runtimeOnly(() => ({ ok: false, message: 'not for you' })) as { runtime: unknown; storage?: unknown } };
    relayStorage(refused as never);
    const session = (refused.chrome.storage as { session: { get(k: unknown): Promise<unknown> } }).session;
    await expect(session.get('shell:popup')).rejects.toThrow('not for you');
    const silent = { chrome: runtimeOnly(() => undefined) as { runtime: unknown; storage?: unknown } };
    relayStorage(silent as never);
    await expect((silent.chrome.storage as { local: { get(k: unknown): Promise<unknown> } }).local.get(null)).rejects.toThrow('storage is not available here');
  });

  it('leaves a page with real storage as it is, and does nothing without an extension runtime', () => {
    const real = { get: vi.fn() };
    const page = { chrome: { runtime: { id: 'ext', sendMessage: vi.fn() }, storage: real } };
    expect(relayStorage(page)).toBe(false);
    expect(page.chrome.storage).toBe(real);
    const web = { chrome: {} as { storage?: unknown } };
    expect(relayStorage(web)).toBe(false);
    expect(web.chrome.storage).toBeUndefined();
  });
});
