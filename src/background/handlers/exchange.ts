/**
 * Team sharing in the background: file uploads, record merges, catalog files, backup and
 * restore, owner removal. Files are read here (not in the page), so a page's UI never blocks
 * on parsing and every byte is validated where the database is.
 */
import { adoptCatalog, compareCatalogs, droppedReasons } from '../../core/exchange/catalog-file';
import { readExchangeFile } from '../../core/exchange/json';
import { unknownReasons } from '../../core/exchange/merge';
import { problem, type ImportProblem } from '../../core/exchange/problems';
import * as store from '../../core/exchange/store';
import { UploadStore } from '../../core/exchange/uploads';
import { failure } from '../../core/protocol';
import { UploadTextMessageSchema } from '../../core/protocol/exchange';
import type { WhyLostDB } from '../../core/storage/db';
import { lastAnswersItem } from '../../platform/last-answers';
import { serve } from '../../platform/messaging';
import { catalogItem, loadCatalog, loadSettings, settingsItem } from '../../platform/stored';
import { storage } from 'wxt/utils/storage';
import type { BackgroundContext } from '../context';

const ok = <T>(value: T) => ({ ok: true as const, value });
const refused = (p: ImportProblem) => ({ status: 'refused' as const, problem: p });
const interrupted = () => ok(refused(problem('interrupted')));

/** What a service worker's `message` event carries that matters here. */
export interface PageMessage {
  origin: string;
  data: unknown;
  ports: readonly { postMessage(message: unknown): void }[];
}

/**
 * A file's text posted by an extension page. Only our own pages (same origin) are heard; a
 * content script cannot reach the extension's service worker this way at all.
 */
export function receiveUploadText(uploads: UploadStore, event: PageMessage, ownOrigin: string, now: number): boolean {
  if (event.origin !== ownOrigin) return false;
  const parsed = UploadTextMessageSchema.safeParse(event.data);
  const port = event.ports[0];
  if (!parsed.success || !port) return false;
  port.postMessage({ result: uploads.putText(parsed.data.uploadId, parsed.data.text, now) });
  return true;
}

type WorkerScope = { location: { origin: string }; addEventListener(type: 'message', listener: (event: PageMessage) => void): void };

/** Registers the handlers; returns what unregisters them (tests). */
export function registerExchangeHandlers(db: WhyLostDB, bg: BackgroundContext, uploads = new UploadStore()): () => void {
  const stops: (() => void)[] = [];
  // Service worker only (Chromium); Firefox's event page takes the text chunks below.
  if ('ServiceWorkerGlobalScope' in globalThis) {
    const scope = globalThis as unknown as WorkerScope;
    scope.addEventListener('message', (event) => void receiveUploadText(uploads, event, scope.location.origin, Date.now()));
  }

  stops.push(serve('exchange.exportPage', async (req) => {
    const [{ catalog }, { settings }] = await Promise.all([loadCatalog(), loadSettings()]);
    return ok(await store.exportPage(db, req, { catalog, me: settings.identity.id }));
  }));

  stops.push(serve('exchange.counts', async () => {
    const { settings } = await loadSettings();
    return ok(await store.dataCounts(db, settings.identity.id));
  }));

  stops.push(serve('exchange.removeOwner', async ({ ownerId }) => {
    const { settings } = await loadSettings();
    if (ownerId === settings.identity.id) return failure('forbidden', 'your own records are removed with "delete everything" in the settings');
    const removed = await store.removeOwner(db, ownerId);
    if (removed) await bg.changed();
    return ok({ removed });
  }));

  stops.push(serve('exchange.uploadBegin', ({ name, size }) => ok({ uploadId: uploads.begin(name, size, Date.now()) })));

  stops.push(serve('exchange.uploadChunk', ({ uploadId, index, text }) => {
    const res = uploads.append(uploadId, index, text, Date.now());
    if (res === 'ok') return ok({ received: index + 1 });
    return failure(res === 'unknown' ? 'not-found' : 'invalid-message', `upload ${res}`);
  }));

  stops.push(serve('exchange.dropUpload', ({ uploadId }) => {
    uploads.drop(uploadId);
    return ok({});
  }));

  stops.push(serve('exchange.importRecords', async ({ uploadId }) => {
    const upload = uploads.take(uploadId, Date.now());
    if (!upload) return interrupted();
    // Read while the file is parsed, not after it.
    const config = Promise.all([loadSettings(), loadCatalog()]);
    config.catch(() => undefined);
    const read = readExchangeFile(upload.text, ['records']);
    if (!read.ok) return ok(refused(read.problem));
    const [{ settings }, { catalog }] = await config;
    const merged = await store.mergeRecords(db, read.file.records, { me: settings.identity.id });
    if (!merged.ok) return ok(refused(merged.problem));
    if (merged.value.added + merged.value.updated > 0) await bg.changed();
    return ok({
      status: 'imported' as const,
      ...merged.value,
      exportedBy: read.file.exportedBy,
      unknownReasons: unknownReasons(read.file.records, new Set(catalog.reasons.map((r) => r.id))).slice(0, 50),
    });
  }));

  stops.push(serve('exchange.importCatalog', async ({ uploadId, replace }) => {
    const upload = uploads.peek(uploadId, Date.now());
    if (!upload) return interrupted();
    // A catalog file, or the catalog inside a records export or a backup.
    const read = readExchangeFile(upload.text, ['catalog', 'records', 'backup']);
    if (!read.ok) {
      uploads.drop(uploadId);
      return ok(refused(read.problem));
    }
    const incoming = read.file.catalog;
    const { catalog: local } = await loadCatalog();
    const verdict = compareCatalogs(local, incoming);
    const dropped = droppedReasons(local, incoming);
    if (verdict === 'same') {
      uploads.drop(uploadId);
      return ok({ status: 'same' as const, revision: local.revision });
    }
    if (verdict !== 'newer' && !replace) {
      return ok({
        status: 'ask' as const,
        verdict,
        localRevision: local.revision,
        fileRevision: incoming.revision,
        fileUpdatedAt: incoming.updatedAt,
        dropped,
      });
    }
    uploads.drop(uploadId);
    const adopted = adoptCatalog(local, incoming, Date.now());
    await catalogItem.setValue(adopted);
    await bg.changed();
    return ok({ status: 'applied' as const, revision: adopted.revision, dropped });
  }));

  stops.push(serve('exchange.checkBackup', ({ uploadId }) => {
    const upload = uploads.peek(uploadId, Date.now());
    if (!upload) return interrupted();
    const read = readExchangeFile(upload.text, ['backup']);
    if (!read.ok) {
      uploads.drop(uploadId);
      return ok(refused(read.problem));
    }
    const f = read.file;
    return ok({
      status: 'ready' as const,
      exportedAt: f.exportedAt,
      exportedBy: f.exportedBy,
      records: f.records.length,
      catalogRevision: f.catalog.revision,
    });
  }));

  stops.push(serve('exchange.restoreBackup', async ({ uploadId }) => {
    const upload = uploads.take(uploadId, Date.now());
    if (!upload) return interrupted();
    const read = readExchangeFile(upload.text, ['backup']);
    if (!read.ok) return ok(refused(read.problem));
    const f = read.file;
    // Settings and catalog first (their old values kept to put back), then the records in one
    // transaction; if that fails, the old settings and catalog return: all or nothing.
    const [oldSettings, oldCatalog] = await Promise.all([settingsItem.getValue(), catalogItem.getValue()]);
    await storage.setItems([
      { key: settingsItem.key, value: f.settings },
      { key: catalogItem.key, value: f.catalog },
    ]);
    const replaced = await store.replaceAll(db, f.records, { me: f.settings.identity.id });
    if (!replaced.ok) {
      await storage.setItems([
        { key: settingsItem.key, value: oldSettings },
        { key: catalogItem.key, value: oldCatalog },
      ]);
      return ok(refused(replaced.problem));
    }
    await bg.changed();
    return ok({ status: 'restored' as const, records: replaced.value });
  }));

  stops.push(serve('exchange.deleteAll', async () => {
    const removed = await store.deleteAll(db);
    // What pages kept to open fast goes too: the figures of last time (local) and the popup's
    // last screen (session memory; platform/shell.ts) hold counts and lead titles.
    await storage.removeItems([settingsItem.key, catalogItem.key, lastAnswersItem.key]);
    await storage.clear('session').catch(() => undefined);
    await bg.changed();
    return ok({ removed });
  }));
  return () => stops.forEach((stop) => stop());
}
