/**
 * Storage items (storage-item.ts): defining one reads nothing; reads give the fallback for a
 * missing item; watchers see a removed item as the fallback. (test/unit/conventions.test.ts
 * checks that no module defines items with wxt's own.)
 */
import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { defineItem } from './storage-item';

describe('defineItem', () => {
  it('reads nothing when an item is defined (wxt’s defineItem does)', async () => {
    const get = vi.spyOn(fakeBrowser.storage.local, 'get');
    try {
      defineItem<number>('local:quiet', 0);
      await new Promise((r) => setTimeout(r, 0));
      expect(get).not.toHaveBeenCalled();
      // The check can fail: wxt's own item reads at definition.
      storage.defineItem<number>('local:eager', { fallback: 0 });
      await new Promise((r) => setTimeout(r, 0));
      expect(get).toHaveBeenCalled();
    } finally {
      get.mockRestore();
    }
  });

  it('reads the fallback for a missing item, and what was set', async () => {
    const item = defineItem<{ n: number }>('local:thing', { n: 0 });
    expect(await item.getValue()).toEqual({ n: 0 });
    await item.setValue({ n: 3 });
    expect(await fakeBrowser.storage.local.get('thing')).toEqual({ thing: { n: 3 } });
    expect(await item.getValue()).toEqual({ n: 3 });
    expect(item.key).toBe('local:thing');
    expect(item.fallback).toEqual({ n: 0 });
  });

  it('tells watchers of changes; a removed item is the fallback', async () => {
    const item = defineItem<number>('local:count', -1);
    const seen: [number, number][] = [];
    const unwatch = item.watch((value, previous) => seen.push([value, previous]));
    await item.setValue(4);
    await fakeBrowser.storage.local.remove('count');
    unwatch();
    await item.setValue(5);
    expect(seen).toEqual([
      [4, -1],
      [-1, 4],
    ]);
  });
});
