/**
 * Settings, catalog and small shared state in the extension's storage (chrome.storage.local),
 * readable by content scripts and extension pages, watched for live changes.
 * Every read is validated with zod; an invalid value falls back to defaults with a notice.
 */
import { CatalogSchema, DEFAULT_CATALOG, type Catalog } from '../core/catalog';
import { HealthReportSchema, type HealthReport } from '../core/health';
import { describeZodError } from '../core/protocol';
import { readSettings, type Settings, type SettingsRead } from '../core/settings';
import { z } from 'zod';
import { startupValue } from './boot';
import { call } from './messaging';
import { defineItem, type StorageItem } from './storage-item';

/**
 * An item's raw value: the one the page read at start-up if no one has taken it yet
 * (platform/boot.ts), else storage's now. Callers validate it as they validate any read.
 */
export function readItem<T>(item: StorageItem<T>): Promise<unknown> {
  const early = startupValue(item.key, () => item.getValue());
  return early ? early.then((value) => value ?? item.fallback) : item.getValue();
}

/**
 * Random id made once per install: the manager identity behind this browser's records. Only the
 * background makes it (`makeInstallIdHere`): were every context to make it on first read, a page
 * or CRM tab opened in the first moments after install would make its own, and the last write
 * would win — records owned by one id, "mine" counted under another.
 */
export const installIdItem = defineItem<string | null>('local:installId', null);

let makeInstallId: (() => Promise<string>) | null = null;

/** Called once by the background at start: this context makes the id when it is missing. */
export function makeInstallIdHere(): Promise<string> {
  // One JS context: concurrent first reads share one making; afterwards the id is in storage.
  let making: Promise<string> | null = null;
  makeInstallId = () =>
    (making ??= installIdItem
      .getValue()
      .then(async (stored) => {
        if (stored) return stored;
        const id = crypto.randomUUID();
        await installIdItem.setValue(id);
        return id;
      })
      .finally(() => {
        making = null;
      }));
  return makeInstallId();
}

/** Raw stored settings; always read through `loadSettings`. Version bumps add migrations here. */
export const settingsItem = defineItem<unknown>('local:settings', null);
export const catalogItem = defineItem<unknown>('local:catalog', null);
export const healthItem = defineItem<unknown>('local:health', []);
/** Bumped by the background after every database write: open pages re-read when it changes. */
export const dbRevisionItem = defineItem<number>('local:dbRevision', 0);

/** The database revision (0 when unreadable: nothing kept matches it, so nothing stale is shown). */
export async function loadDbRevision(): Promise<number> {
  const raw = await readItem(dbRevisionItem);
  return typeof raw === 'number' && Number.isFinite(raw) ? raw : 0;
}

/**
 * The install id; outside the background, a missing one is asked of the background (which makes
 * it). A worker that is just stopping may not take the message: ask again a few times, and take
 * the id from storage as soon as the background has written it.
 */
export async function loadInstallId(): Promise<string> {
  const stored = await readItem(installIdItem);
  if (typeof stored === 'string' && stored) return stored;
  if (makeInstallId) return makeInstallId();
  let last = '';
  for (let attempt = 0; attempt < 6; attempt++) {
    const res = await call('installId', {});
    if (res.ok) return res.value;
    last = res.error.message;
    await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    const written = await installIdItem.getValue();
    if (written) return written;
  }
  throw new Error(`WhyLost could not get this browser's identity from its background: ${last}`);
}

/** Settings with the identity: extension pages and the background. */
export async function loadSettings(): Promise<SettingsRead> {
  const [raw, installId] = await Promise.all([readItem(settingsItem), loadInstallId()]);
  return readSettings(raw, installId);
}

/**
 * Settings for a content script, which never uses the identity (the background sets the owner of
 * every record): a CRM page's detection must not wait for, or depend on, the background.
 */
export async function loadSettingsForContent(): Promise<SettingsRead> {
  const [raw, installId] = await Promise.all([settingsItem.getValue(), installIdItem.getValue()]);
  return readSettings(raw, installId ?? NO_INSTALL_ID_YET);
}

/** Stands for the identity in a content script's settings when the background has not made it yet. */
export const NO_INSTALL_ID_YET = 'install-id-not-made-yet';

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
  return readCatalog(await readItem(catalogItem));
}

export async function loadHealth(): Promise<HealthReport[]> {
  const parsed = z.array(HealthReportSchema).safeParse(await readItem(healthItem));
  return parsed.success ? parsed.data : [];
}

/** Calls `cb` whenever settings or catalog change (e.g. edited in the options page). */
export function watchConfig(cb: () => void): () => void {
  const unwatch = [settingsItem.watch(cb), catalogItem.watch(cb)];
  return () => unwatch.forEach((u) => u());
}
