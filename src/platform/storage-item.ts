/**
 * A chrome.storage item with a fallback: the part of wxt's `defineItem` this extension
 * uses (getValue, setValue, watch), without its read at definition. `defineItem` starts a read of
 * its item the moment it is called (to run an `init` it may have), even with no `init`, and
 * nothing takes that value: every module that defines an item made every page, content script
 * and worker that imports it ask storage for the item once more while its code was evaluated —
 * eight requests to the browser, among them the kept figures (~50 KB at 100,000 records), in
 * the first milliseconds of a popup or dashboard opening. Versioned items with migrations are
 * not needed yet; when one is, that item can be defined with wxt's (and the convention test in
 * test/unit/conventions.test.ts told so).
 */
import { storage, type StorageItemKey } from 'wxt/utils/storage';

export interface StorageItem<T> {
  /** The item's key, `local:<chrome.storage key>`. */
  readonly key: StorageItemKey;
  /** What a read gives when the item is not stored. */
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls `onChange` after every change of the item (a removed item reads as the fallback); returns the unwatch. */
  watch(onChange: (value: T, previous: T) => void): () => void;
}

export function defineItem<T>(key: StorageItemKey, fallback: T): StorageItem<T> {
  return {
    key,
    fallback,
    getValue: async () => (await storage.getItem<T>(key)) ?? fallback,
    setValue: (value) => storage.setItem(key, value),
    watch: (onChange) => storage.watch<T>(key, (value, previous) => onChange(value ?? fallback, previous ?? fallback)),
  };
}
