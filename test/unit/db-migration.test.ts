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
import { RejectionSchema } from '../../src/core/rejection';
import { openDatabase, SCHEMA_VERSIONS } from '../../src/core/storage/db';
import { StatsCache } from '../../src/core/storage/stats-cache';

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
      const stored = await db.rejections.toArray();
      const expected = (fx.tables.rejections ?? []).map((r) => r.id as string).sort();
      expect(stored.map((r) => r.id).sort()).toEqual(expected);
      for (const r of stored) expect(RejectionSchema.safeParse(r).error).toBeUndefined();
      // Every index answers.
      expect(await db.rejections.where('status').equals('tagged').count()).toBe(stored.filter((r) => r.status === 'tagged').length);
      expect(await db.rejections.where('owner.id').equals('colleague-2').count()).toBe(stored.filter((r) => r.owner.id === 'colleague-2').length);
      // The statistics read it (rebuilt from the records: no snapshot in the fixture).
      const table = await new StatsCache(db).current();
      expect(table.live).toBe(stored.length);
      db.close();
    });
  }
});
