/**
 * Runs inside an extension page (same origin as the background): writes generated records
 * through the extension's own openDatabase, so the change log records them exactly as it would
 * any write. Bundled and injected by ./seed.ts.
 */
import Dexie from 'dexie';
import type { Rejection } from '../../src/core/rejection';
import { openDatabase, SCHEMA_VERSIONS, type WhyLostDB } from '../../src/core/storage/db';
import { SNAPSHOT_KEY } from '../../src/core/storage/stats-cache';
import { generateRecords, type GenerateOptions } from './generate';

const CHUNK = 5_000;

/** What the background's changed() does after a write: open pages re-read. */
async function announce(): Promise<void> {
  type Area = { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  const local = (globalThis as unknown as { chrome: { storage: { local: Area } } }).chrome.storage.local;
  const { dbRevision } = (await local.get('dbRevision')) as { dbRevision?: number };
  await local.set({ dbRevision: (dbRevision ?? 0) + 1 });
}

const api = {
  /** Writes records [offset, offset + count) of a seed, in transactions of CHUNK; returns the ms taken. */
  async generate(o: GenerateOptions): Promise<number> {
    const started = performance.now();
    const db = openDatabase();
    try {
      for (let at = o.offset; at < o.offset + o.count; at += CHUNK) {
        const count = Math.min(CHUNK, o.offset + o.count - at);
        await db.rejections.bulkPut(generateRecords({ ...o, offset: at, count }));
      }
    } finally {
      db.close();
    }
    await announce();
    return performance.now() - started;
  },
  /** Changes fields of a stored record (what an edit does: updatedAt moves on). */
  async patch(id: string, changes: Partial<Rejection>): Promise<void> {
    const db = openDatabase();
    try {
      await db.transaction('rw', db.rejections, async () => {
        const r = await db.rejections.get(id);
        if (!r) throw new Error(`no record ${id}`);
        await db.rejections.put({ ...r, ...changes, updatedAt: Math.max(Date.now(), r.updatedAt + 1) });
      });
    } finally {
      db.close();
    }
    await announce();
  },
  /** Deletes the statistics snapshot: the next background start must rebuild from the records. */
  async dropSnapshot(): Promise<void> {
    const db = openDatabase();
    try {
      await db.statsSnapshot.delete(SNAPSHOT_KEY);
    } finally {
      db.close();
    }
  },
  /**
   * What the change log costs a write: ms to write records into a scratch database with the
   * extension's schema, with the log (openDatabase) or without it (the same stores, no middleware).
   */
  async writeCost(o: GenerateOptions, withLog: boolean, oneByOne: boolean): Promise<number[]> {
    const name = `whylost-bench-scratch-${Math.random().toString(36).slice(2)}`;
    let db: WhyLostDB;
    if (withLog) db = openDatabase(name);
    else {
      db = new Dexie(name) as WhyLostDB;
      for (const v of SCHEMA_VERSIONS) db.version(v.version).stores(v.stores);
    }
    const records = generateRecords(o);
    await db.open();
    const times: number[] = [];
    try {
      if (oneByOne) {
        for (const r of records) {
          const started = performance.now();
          await db.transaction('rw', db.rejections, () => db.rejections.add(r));
          times.push(performance.now() - started);
        }
      } else {
        const started = performance.now();
        await db.rejections.bulkPut(records);
        times.push(performance.now() - started);
      }
    } finally {
      db.close();
      await Dexie.delete(name);
    }
    return times;
  },
  async count(): Promise<number> {
    const db = openDatabase();
    try {
      return await db.rejections.count();
    } finally {
      db.close();
    }
  },
};

(globalThis as unknown as { __whylostSeed: typeof api }).__whylostSeed = api;
