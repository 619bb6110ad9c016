/**
 * Migration discipline: test/fixtures/db/ holds a database of every schema version we ship.
 * Each is built as it was (its own stores, no current code) in fake-indexeddb, then opened with
 * the current openDatabase: every record must still be there, valid under today's schema, and
 * the statistics cache must read it. The newest fixture must describe the current schema, so a
 * change to the stores without a new version and a new fixture fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dataCounts, mergeRecords } from '../../src/core/exchange/store';
import { RejectionSchema, type Rejection } from '../../src/core/rejection';
import { openDatabase, SCHEMA_VERSIONS } from '../../src/core/storage/db';
import { PackIndexRowSchema, PackRowSchema } from '../../src/core/storage/packs';
import { StatsCache } from '../../src/core/storage/stats-cache';
import { everyRecord } from '../support/exchange-data';

const DIR = join(import.meta.dirname, '../fixtures/db');
const FixtureSchema = z.object({
  note: z.string(),
  version: z.number().int().min(1),
  stores: z.record(z.string(), z.string()),
  tables: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))),
});
const fixtures = readdirSync(DIR)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => ({ file: f, ...FixtureSchema.parse(JSON.parse(readFileSync(join(DIR, f), 'utf8'))) }))
  .sort((a, b) => a.version - b.version);

async function buildOld(name: string, fx: (typeof fixtures)[number]): Promise<void> {
  const old = new Dexie(name);
  old.version(fx.version).stores(fx.stores);
  await old.open();
  for (const [table, rows] of Object.entries(fx.tables)) await old.table(table).bulkAdd(rows);
  old.close();
}

describe('database fixtures', () => {
  it('has one fixture per shipped schema version, the newest matching the current schema', () => {
    expect(fixtures.map((f) => f.version)).toEqual(SCHEMA_VERSIONS.map((v) => v.version));
    const current = SCHEMA_VERSIONS.at(-1)!;
    expect(fixtures.at(-1)!.stores).toEqual(current.stores);
  });

  for (const fx of fixtures) {
    it(`opens a version ${fx.version} database (${fx.file}) keeping every record`, async () => {
      const name = `migration-${fx.file}-${Math.random()}`;
      await buildOld(name, fx);
      const db = openDatabase(name);
      await db.open();
      expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
      // Rows of `rejections`, and (from v2) records in packs: every reader sees both.
      const packRows = (fx.tables.packs ?? []).map((p) => PackRowSchema.parse(p));
      const fixtureRecords = [...(fx.tables.rejections ?? []), ...packRows.flatMap((p) => p.records)];
      const stored = await everyRecord(db);
      expect(stored.map((r) => r.id)).toEqual(fixtureRecords.map((r) => r.id as string).sort());
      for (const r of stored) expect(RejectionSchema.safeParse(r).error).toBeUndefined();
      // Every index answers.
      const rows = await db.rejections.toArray();
      expect(await db.rejections.where('status').equals('tagged').count()).toBe(rows.filter((r) => r.status === 'tagged').length);
      expect(await db.rejections.where('owner.id').equals('colleague-2').count()).toBe(rows.filter((r) => r.owner.id === 'colleague-2').length);
      // Each pack's index row says what the pack holds.
      for (const index of await db.packIndex.toArray()) {
        const pack = packRows.find((p) => p.key === PackIndexRowSchema.parse(index).key)!;
        expect(index.ids).toEqual(pack.records.map((r) => r.id));
        expect(index.updatedAt).toEqual(pack.records.map((r) => r.updatedAt));
        expect(await db.packIndex.where('owner').equals(index.owner).count()).toBeGreaterThan(0);
      }
      // The statistics read it (rebuilt from the records: no snapshot in the fixture).
      const table = await new StatsCache(db).current();
      expect(table.live).toBe(stored.length);
      expect((await dataCounts(db, 'nobody')).total).toBe(stored.length);

      // Imported records keep working with a merge: a newer edit of each updates it where it is
      // (a v1 row stays a row, a packed record stays in its pack), the same file again changes nothing.
      const others = stored.filter((r) => r.owner.id !== stored[0]!.owner.id);
      expect(others.length).toBeGreaterThan(0);
      const edited: Rejection[] = others.map((r) => ({ ...r, comment: `${r.comment} (правка)`, updatedAt: r.updatedAt + 1 }));
      expect(await mergeRecords(db, edited)).toEqual({ ok: true, value: { added: 0, updated: others.length, unchanged: 0 } });
      expect(await mergeRecords(db, edited)).toEqual({ ok: true, value: { added: 0, updated: 0, unchanged: others.length } });
      const after = await everyRecord(db);
      expect(after).toHaveLength(stored.length);
      for (const r of edited) expect(after.find((a) => a.id === r.id)).toEqual(r);
      expect((await db.rejections.toArray()).map((r) => r.id).sort()).toEqual(rows.map((r) => r.id).sort());
      const live = new StatsCache(db);
      expect((await live.current()).live).toBe(stored.length);
      db.close();
    });
  }
});
