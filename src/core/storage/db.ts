/**
 * The IndexedDB database (Dexie). Opened in the background only: a content script opening it
 * would create a second, invisible database in the CRM page's origin.
 *
 * Every schema version stays in this file with its upgrade, and test/fixtures/db/ keeps a
 * database of each released version that the migration test opens.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { Rejection } from '../rejection';

export const DB_NAME = 'whylost';

export type WhyLostDB = Dexie & { rejections: EntityTable<Rejection, 'id'> };

export function openDatabase(name = DB_NAME, indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): WhyLostDB {
  const db = new Dexie(name, indexedDB && keyRange ? { indexedDB, IDBKeyRange: keyRange } : undefined) as WhyLostDB;
  // v1: leadKey finds the earlier records of one lead (dedupe of one close seen twice);
  // status finds pending closes; detectedAt limits statistics to a period.
  db.version(1).stores({ rejections: 'id, leadKey, status, detectedAt' });
  return db;
}
