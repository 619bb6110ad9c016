/**
 * Runs in a document of the extension's origin that starts no extension code (its
 * manifest.json): builds a database fixture of an older schema version exactly as that version
 * made it — its own stores, none of today's code — where the background will open it.
 * Bundled and injected by old-db.ts.
 */
import Dexie from 'dexie';

type Fixture = { version: number; stores: Record<string, string>; tables: Record<string, Record<string, unknown>[]> };

const api = {
  /** Returns the IndexedDB version as built (read before closing: the worker may upgrade it right after). */
  async build(name: string, fx: Fixture): Promise<number> {
    // A delete blocked by a connection left open would wait for ever: say so instead.
    await new Promise<void>((resolve, reject) => {
      const req = indexedDB.deleteDatabase(name);
      req.onsuccess = () => resolve();
      req.onerror = () => reject(req.error ?? new Error(`deleting ${name} failed`));
      req.onblocked = () =>
        setTimeout(() => reject(new Error(`deleting ${name} is blocked: a connection (the worker's?) is still open after 5 s`)), 5_000);
    });
    const old = new Dexie(name);
    old.version(fx.version).stores(fx.stores);
    await old.open();
    for (const [table, rows] of Object.entries(fx.tables)) await old.table(table).bulkAdd(rows);
    const version = old.backendDB().version;
    old.close();
    return version;
  },
  /** The IndexedDB version the database has now (Dexie stores version × 10). */
  async idbVersion(name: string): Promise<number> {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name === name)?.version ?? 0;
  },
};

(globalThis as unknown as { __whylostOldDb: typeof api }).__whylostOldDb = api;
