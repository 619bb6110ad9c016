/**
 * The compiled parse must say exactly what zod says: same verdict, same output (keys, order,
 * values), for valid records and for records broken in every way an import file can break them.
 * It must also be used: valid records never reach zod.
 */
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { makeRecords } from '../../test/support/exchange-data';
import { bulkParser, compiles } from './fast-parse';
import { MAX_TIME, MIN_TIME } from './primitives';
import { RejectionSchema } from './rejection';

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const astral = '\u{1F600}';
const VALUES: unknown[] = [
  undefined, null, '', ' ', 'x', 'X', 'a-b', 'a b', 'tagged', 'lead', 'amocrm', 'inbound-b2b', 'price', 'other',
  'x'.repeat(7), 'x'.repeat(8), 'x'.repeat(10), 'x'.repeat(50), 'x'.repeat(51), 'x'.repeat(64), 'x'.repeat(65), 'x'.repeat(100), 'x'.repeat(101),
  'x'.repeat(200), 'x'.repeat(201), 'x'.repeat(253), 'x'.repeat(254), 'x'.repeat(300), 'x'.repeat(301), 'x'.repeat(1000), 'x'.repeat(1001),
  'x'.repeat(5000), 'x'.repeat(5001), astral.repeat(100), astral.repeat(150), astral.repeat(201), 'a' + astral, astral,
  'https://a.amocrm.ru/leads/detail/1', 'javascript:alert(1)', 'UPPER.host', 'a.amocrm.ru', '12345678', '1234567', '-abcdefgh', 'abcdefgh_',
  0, -1, 1, 1.5, 10, 11, 1000, 1001, NaN, Infinity, -Infinity, 2 ** 53, -(2 ** 53), MIN_TIME, MIN_TIME - 1, MAX_TIME, MAX_TIME + 1, Date.UTC(2026, 0, 1),
  '5', true, false, [], ['price'], ['price', 'other'], Array(11).fill('price'), ['Price'], [1], {}, { id: 'x', name: null }, { id: '', name: null },
  { id: 'p', name: 'x'.repeat(301) }, { at: MIN_TIME, by: 'me', note: '' }, { id: null, name: null }, { id: 'm', name: 'Анна' }, { id: 'o', name: 'O' },
];

/** Every path into a record: top-level keys and one level into nested objects. */
function paths(record: Record<string, unknown>): string[][] {
  const out: string[][] = [];
  for (const [k, v] of Object.entries(record)) {
    out.push([k]);
    if (v && typeof v === 'object' && !Array.isArray(v)) for (const k2 of Object.keys(v)) out.push([k, k2]);
    if (Array.isArray(v)) out.push([k, '0']);
  }
  return out;
}

function mutate(record: Record<string, unknown>, rnd: () => number): unknown {
  const copy = structuredClone(record) as Record<string, unknown>;
  const changes = 1 + Math.floor(rnd() * 3);
  for (let c = 0; c < changes; c++) {
    const all = paths(copy);
    const path = all[Math.floor(rnd() * all.length)]!;
    let target = copy as Record<string, unknown>;
    for (const k of path.slice(0, -1)) target = (target[k] ?? {}) as Record<string, unknown>;
    if (typeof target !== 'object' || target === null) continue;
    const key = path.at(-1)!;
    const roll = rnd();
    if (roll < 0.1) delete target[key];
    else if (roll < 0.15) target[`extra${c}`] = 'kept out';
    else target[key] = structuredClone(VALUES[Math.floor(rnd() * VALUES.length)]);
  }
  const roll = rnd();
  if (roll < 0.02) return Object.assign(Object.create(null), copy);
  if (roll < 0.04) return [copy];
  if (roll < 0.05) return JSON.stringify(copy);
  return copy;
}

const sameAsZod = (parse: (x: unknown) => z.ZodSafeParseResult<unknown>, schema: z.ZodType, input: unknown) => {
  const expected = schema.safeParse(input);
  const got = parse(input);
  expect(got.success).toBe(expected.success);
  if (expected.success && got.success) {
    expect(got.data).toStrictEqual(expected.data);
    expect(JSON.stringify(got.data)).toBe(JSON.stringify(expected.data)); // key order too
  }
  return expected.success;
};

describe('the compiled record parse', () => {
  const records = JSON.parse(JSON.stringify(makeRecords({ id: 'owner-fast', name: 'Олена' }, 400))) as Record<string, unknown>[];
  const parse = bulkParser(RejectionSchema);

  it('covers the record schema (a schema change that drops it back to zod fails here)', () => {
    expect(compiles(RejectionSchema)).toBe(true);
  });

  it('returns what zod returns for valid records, without asking zod', () => {
    const spy = vi.spyOn(RejectionSchema, 'safeParse');
    for (const r of records) {
      const got = parse(r);
      expect(got.success).toBe(true);
      if (got.success) expect(JSON.stringify(got.data)).toBe(JSON.stringify(r));
    }
    expect(spy).not.toHaveBeenCalled();
    spy.mockRestore();
    for (const r of records.slice(0, 50)) sameAsZod(parse, RejectionSchema, { ...r, unknownField: 1 }); // stripped like zod
  });

  it('returns a record read from JSON as it is, and copies one zod would change', () => {
    for (const r of records.slice(0, 50)) {
      const got = parse(r);
      expect(got.success && got.data).toBe(r); // no copy: the same object
    }
    const r = records[0]!;
    const reordered = Object.fromEntries(Object.entries(r).reverse());
    const bare = Object.assign(Object.create(null) as object, r);
    const withExtra = { ...r, manager: { ...(r.manager as object), extra: 1 } };
    class Subclassed extends Array<string> {}
    const subArray = { ...r, secondaryReasonIds: Subclassed.from(['price']) };
    for (const input of [reordered, bare, withExtra, subArray]) {
      const got = parse(input);
      expect(got.success).toBe(true);
      expect(got.success && got.data).not.toBe(input);
      sameAsZod(parse, RejectionSchema, input);
    }
  });

  it('agrees with zod on 20,000 broken records, valid or not', () => {
    const rnd = random(2026);
    let valid = 0;
    for (let i = 0; i < 20_000; i++) if (sameAsZod(parse, RejectionSchema, mutate(records[i % records.length]!, rnd))) valid++;
    // Both kinds were exercised.
    expect(valid).toBeGreaterThan(1_000);
    expect(valid).toBeLessThan(19_000);
  }, 30_000); // a few seconds alone, past vitest's 5 s default when the machine is busy (seen beside a benchmark)

  it('leaves schemas it does not cover to zod', () => {
    const refined = z.object({ a: z.string() }).refine((o) => o.a !== 'no', 'not no');
    const withOptional = z.object({ a: z.string().optional() });
    const withDefault = z.object({ a: z.string().default('d') });
    for (const schema of [refined, withOptional, withDefault]) {
      expect(compiles(schema)).toBe(false);
      const p = bulkParser(schema);
      for (const input of [{ a: 'yes' }, { a: 'no' }, {}, { a: 1 }]) sameAsZod(p, schema, input);
    }
  });
});
