/**
 * Start-up values (boot.ts): read once at a page's start, given to each loader once, validated
 * by the loaders as any read is; anything read later sees storage as it is then.
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineItem } from './storage-item';

async function page() {
  vi.resetModules();
  const boot = await import('./boot');
  const stored = await import('./stored');
  const answers = await import('./last-answers');
  return { boot, stored, answers };
}

describe('start-up values', () => {
  it('give each loader the value read at start-up once; later reads see storage now', async () => {
    await fakeBrowser.storage.local.set({ catalog: null, dbRevision: 7 });
    const { boot, stored } = await page();
    await boot.readStartup();
    await fakeBrowser.storage.local.set({ dbRevision: 8 });
    expect(await stored.loadDbRevision()).toBe(7);
    expect(await stored.loadDbRevision()).toBe(8);
  });

  it('are validated like any read: a bad stored value falls back with its notice', async () => {
    await fakeBrowser.storage.local.set({ catalog: { reasons: 'not a list' }, dbRevision: 'seven', health: [{ nonsense: true }] });
    const { boot, stored } = await page();
    await boot.readStartup();
    const catalog = await stored.loadCatalog();
    expect(catalog.problem).toMatch(/^catalog: /);
    expect(await stored.loadDbRevision()).toBe(0);
    expect(await stored.loadHealth()).toEqual([]);
  });

  it('only the listed local items come from start-up values', async () => {
    await fakeBrowser.storage.local.set({ other: 'then', dbRevision: 1 });
    const { boot, stored } = await page();
    await boot.readStartup();
    await fakeBrowser.storage.local.set({ other: 'now', dbRevision: 2 });
    expect(await stored.readItem(defineItem<string>('local:other', ''))).toBe('now');
    expect(await stored.readItem(stored.dbRevisionItem)).toBe(1);
  });

  it('without a start-up read, loaders read storage as before', async () => {
    await fakeBrowser.storage.local.set({ dbRevision: 3 });
    const { stored } = await page();
    expect(await stored.loadDbRevision()).toBe(3);
    expect(await stored.loadInstallId()).toBe('install-unit');
  });

  it('a failed start-up read is read again from storage', async () => {
    await fakeBrowser.storage.local.set({ dbRevision: 5 });
    const { boot, stored } = await page();
    const get = vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage unavailable'));
    await boot.readStartup().catch(() => undefined);
    get.mockRestore();
    expect(await stored.loadDbRevision()).toBe(5);
  });

  it('kept figures: shown from start-up values while the revision matches; kept afresh, never over newer keeps', async () => {
    const { z } = await import('zod');
    const { boot, answers } = await page();
    await fakeBrowser.storage.local.set({ dbRevision: 4 });
    await answers.keepAnswer('a', 4, { n: 1 }, null);
    await boot.readStartup();
    await answers.keepAnswer('b', 4, { n: 2 }, null); // another page keeps one after this page started
    expect(await answers.lastAnswer('a', z.object({ n: z.number() }))).toEqual({ n: 1 });
    await answers.keepAnswer('c', 4, { n: 3 }, null);
    expect(await answers.lastAnswer('b', z.object({ n: z.number() }))).toEqual({ n: 2 });
    expect(await answers.lastAnswer('c', z.object({ n: z.number() }))).toEqual({ n: 3 });
  });
});
