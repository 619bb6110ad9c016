/**
 * The IndexedDB database (Dexie). Opened in the background only: a content script opening it
 * would create a second, invisible database in the CRM page's origin.
 *
 * Every schema version stays in this file with its upgrade, and test/fixtures/db/ keeps a
 * database of each released version that the migration test opens (test/unit/db-migration.test.ts).
 * Changing a version's stores without adding a version and a fixture fails that test.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Rejection } from '../rejection';
import { changeLogMiddleware, type ChangeLogEntry } from './change-log';
import type { PackIndexRow, StoredPack } from './packs';

export const DB_NAME = 'whylost';

/** The statistics cache's persisted columns (see stats-cache.ts); one row per part. */
export interface StatsSnapshotRow {
  key: string;
  value: unknown;
}

export type WhyLostDB = Dexie & {
  rejections: EntityTable<Rejection, 'id'>;
  statsLog: EntityTable<ChangeLogEntry, 'seq'>;
  statsSnapshot: EntityTable<StatsSnapshotRow, 'key'>;
  packs: EntityTable<StoredPack, 'key'>;
  packIndex: EntityTable<PackIndexRow, 'key'>;
};

/** Each version's stores, oldest first; the newest is what openDatabase declares last. */
export const SCHEMA_VERSIONS: {
  version: number;
  stores: Record<string, string>;
  /** Rewrites records of the previous version; kept forever. */
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      // leadKey: the earlier records of one lead (dedupe of one close seen twice); status: pending
      // closes; detectedAt: records of a period (drill-down pages); owner.id: one manager's records
      // (team sharing removes an imported manager's data; mine vs team).
      rejections: 'id, leadKey, status, detectedAt, owner.id',
      // Ids written since the statistics snapshot, in write order (change-log.ts).
      statsLog: '++seq',
      // The statistics cache's columns, so a cold background answers without reading every record.
      statsSnapshot: 'key',
    },
  },
  {
    // Imported managers' records in packs (packs.ts): IndexedDB's cost here is per request, not
    // per byte, so a row per imported record made merging 100,000 of them take 10 s at best.
    // Records already imported under v1 stay one row each in `rejections`: every reader sees
    // both stores, and a merge updates a record where it is. Nothing to rewrite: no upgrade.
    version: 2,
    stores: {
      rejections: 'id, leadKey, status, detectedAt, owner.id',
      statsLog: '++seq',
      statsSnapshot: 'key',
      // Up to PACK_MAX records of one imported owner, consecutive in id order. A row holds them
      // whole, or (written since stop 15) as columns with shared values once: unpack() reads both.
      packs: 'key',
      // What each pack holds (ids, updatedAt, owner), small enough to read whole for a merge.
      packIndex: 'key, owner',
    },
  },
];

export function openDatabase(name = DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): WhyLostDB {
  const db = new Dexie(name, indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : undefined) as WhyLostDB;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const v = db.version(version).stores(stores);
    if (upgrade) v.upgrade(upgrade);
  }
  db.use(changeLogMiddleware);
  return db;
}
