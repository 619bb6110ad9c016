/**
 * Runs inside an extension page (same origin as the background): writes generated records
 * through the extension's own openDatabase, so the change log records them exactly as it would
 * any write. Bundled and injected by ./seed.ts.
 */
import type { Rejection } from '../../src/core/rejection';
import { openDatabase } from '../../src/core/storage/db';
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
