/**
 * Settings, catalog and small shared state in the extension's storage (chrome.storage.local),
 * readable by content scripts and extension pages, watched for live changes.
 * Every read is validated with zod; an invalid value falls back to defaults with a notice.
 */
import { storage } from 'wxt/utils/storage';
import { CatalogSchema, DEFAULT_CATALOG, type Catalog } from '../core/catalog';
import { HealthReportSchema, type HealthReport } from '../core/health';
import { describeZodError } from '../core/protocol';
import { readSettings, type Settings, type SettingsRead } from '../core/settings';
import { z } from 'zod';

/** Random id made once per install: the manager identity behind this browser's records. */
export const installIdItem = storage.defineItem<string>('local:installId', {
  init: () => crypto.randomUUID(),
});

/** Raw stored settings; always read through `loadSettings`. Version bumps add migrations here. */
export const settingsItem = storage.defineItem<unknown>('local:settings', { fallback: null, version: 1 });
export const catalogItem = storage.defineItem<unknown>('local:catalog', { fallback: null, version: 1 });
export const healthItem = storage.defineItem<unknown>('local:health', { fallback: [] });
/** Bumped by the background after every database write: open pages re-read when it changes. */
export const dbRevisionItem = storage.defineItem<number>('local:dbRevision', { fallback: 0 });

export async function loadSettings(): Promise<SettingsRead> {
  const [raw, installId] = await Promise.all([settingsItem.getValue(), installIdItem.getValue()]);
  return readSettings(raw, installId);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settings);
}

export type CatalogRead = { catalog: Catalog; problem: string | null };

export function readCatalog(raw: unknown): CatalogRead {
  if (raw === null || raw === undefined) return { catalog: DEFAULT_CATALOG, problem: null };
  const parsed = CatalogSchema.safeParse(raw);
  return parsed.success
    ? { catalog: parsed.data, problem: null }
    : { catalog: DEFAULT_CATALOG, problem: `catalog: ${describeZodError(parsed.error, 1)}` };
}

export async function loadCatalog(): Promise<CatalogRead> {
  return readCatalog(await catalogItem.getValue());
}

export async function loadHealth(): Promise<HealthReport[]> {
  const parsed = z.array(HealthReportSchema).safeParse(await healthItem.getValue());
  return parsed.success ? parsed.data : [];
}

/** Calls `cb` whenever settings or catalog change (e.g. edited in the options page). */
export function watchConfig(cb: () => void): () => void {
  const unwatch = [settingsItem.watch(cb), catalogItem.watch(cb)];
  return () => unwatch.forEach((u) => u());
}
