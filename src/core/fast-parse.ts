/**
 * A faster parse of a zod schema for bulk input (an import file holds up to tens of thousands of
 * records), compiled from the schema itself, so the schema stays the one definition.
 *
 * zod compiles object schemas into fast code with `new Function`, which an extension's content
 * security policy forbids: in the service worker zod interprets, ~10 µs a record (~50 ms for a
 * 5,000-record file). This walks the schema's definition once and builds plain closures for the
 * part of zod our record schemas use — objects (no catchall, no refinements), strings with
 * length and pattern checks, finite numbers with integer and range checks, enums, nullable,
 * arrays with length checks. It only ever says "valid, and here is what zod would return" or
 * "not sure": any value it cannot vouch for (and any schema using anything else) goes to zod,
 * whose verdict and messages stand. `fast-parse.test.ts` compares the two on mutated records.
 */
import type { z } from 'zod';

/** A compiled check: zod's output for a value it would accept, or NOT_SURE. */
type Step = (input: unknown) => unknown;

const NOT_SURE: unique symbol = Symbol('not sure');

interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  shape?: Record<string, z.ZodType>;
  catchall?: unknown;
  innerType?: z.ZodType;
  element?: z.ZodType;
  entries?: Record<string, unknown>;
  coerce?: boolean;
}

interface CheckDef {
  check: string;
  format?: string;
  pattern?: RegExp;
  minimum?: number;
  maximum?: number;
  value?: unknown;
  inclusive?: boolean;
  abort?: boolean;
  when?: unknown;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/**
 * Length checks folded into one range of UTF-16 units that is sure to pass. zod counts a string's
 * code points: a surrogate pair counts once, anything else once a unit, so a string of u units has
 * between ceil(u / 2) and u code points. Sure: within the maximum in units, and at least the
 * minimum even if every pair were counted once (ceil(u / 2) >= n, that is u >= 2n - 1). Arrays
 * are counted in elements. Null when a check is not a length check.
 */
function lengthRange(checks: CheckDef[], isString: boolean): { min: number; max: number } | null {
  let min = 0;
  let max = Infinity;
  for (const c of checks) {
    if (c.check === 'max_length' && typeof c.maximum === 'number') max = Math.min(max, c.maximum);
    else if (c.check === 'min_length' && typeof c.minimum === 'number') min = Math.max(min, isString ? 2 * c.minimum - 1 : c.minimum);
    else return null;
  }
  return { min, max };
}

const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

function compileString(def: Def): Step | null {
  if (def.coerce) return null;
  const checks = checksOf(def);
  const patterns = checks.filter((c) => c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp).map((c) => c.pattern!);
  const range = lengthRange(checks.filter((c) => !(c.check === 'string_format' && c.format === 'regex' && c.pattern instanceof RegExp)), true);
  if (!range) return null;
  const { min, max } = range;
  return (input) => {
    if (typeof input !== 'string' || input.length > max || input.length < min) return NOT_SURE;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i]!;
      pattern.lastIndex = 0;
      if (!pattern.test(input)) return NOT_SURE;
    }
    return input;
  };
}

function compileNumber(def: Def): Step | null {
  if (def.coerce) return null;
  const tests: ((n: number) => boolean)[] = [];
  for (const { _zod } of def.checks ?? []) {
    const c = _zod.def;
    if (c.check === 'number_format' && c.format === 'safeint') tests.push((n) => Number.isSafeInteger(n));
    else if (c.check === 'greater_than' && typeof c.value === 'number') {
      const v = c.value;
      tests.push(c.inclusive ? (n) => n >= v : (n) => n > v);
    } else if (c.check === 'less_than' && typeof c.value === 'number') {
      const v = c.value;
      tests.push(c.inclusive ? (n) => n <= v : (n) => n < v);
    } else return null;
  }
  return (input) => {
    if (typeof input !== 'number' || !Number.isFinite(input)) return NOT_SURE;
    for (const test of tests) if (!test(input)) return NOT_SURE;
    return input;
  };
}

/**
 * Whether an object's enumerable keys (for-in: own, then inherited) are exactly `keys`, in that
 * order: then zod's output, a new object with the schema's keys in the schema's order holding
 * the same values, is equal in every way to the object itself, and the object is returned as it
 * is. An import's records come from JSON.parse in the export's key order, so a file's 5,000
 * records are not copied again (measured in Chromium: the copies were a share of the worker's
 * garbage collection during a merge, issue 8).
 */
function hasExactly(record: Record<string, unknown>, keys: readonly string[]): boolean {
  if (Object.getPrototypeOf(record) !== Object.prototype) return false;
  let i = 0;
  for (const key in record) {
    if (key !== keys[i]) return false;
    i++;
  }
  return i === keys.length;
}

/** A plain array with nothing but its elements (for-in: no extra keys). */
function isPlainArray(array: readonly unknown[]): boolean {
  if (Object.getPrototypeOf(array) !== Array.prototype) return false;
  let n = 0;
  for (const _ in array) n++;
  return n === array.length;
}

function compileObject(def: Def): Step | null {
  if (def.catchall !== undefined || def.checks?.length || !def.shape) return null;
  const keys = Object.keys(def.shape);
  if (Object.getOwnPropertySymbols(def.shape).length || keys.includes('__proto__')) return null;
  const steps: Step[] = [];
  for (const key of keys) {
    const step = compile(def.shape[key]!);
    if (!step) return null;
    steps.push(step);
  }
  return (input) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return NOT_SURE;
    const record = input as Record<string, unknown>;
    let same = true;
    for (let i = 0; i < keys.length; i++) {
      // Read as zod reads it (inherited keys included). No compiled step accepts undefined, so an
      // absent key is never vouched for: zod reports it.
      const value = steps[i]!(record[keys[i]!]);
      if (value === NOT_SURE) return NOT_SURE;
      if (value !== record[keys[i]!]) same = false;
    }
    if (same && hasExactly(record, keys)) return input;
    const out: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) out[keys[i]!] = steps[i]!(record[keys[i]!]);
    return out;
  };
}

function compileArray(def: Def): Step | null {
  const element = def.element && compile(def.element);
  const range = lengthRange(checksOf(def), false);
  if (!element || !range) return null;
  const { min, max } = range;
  return (input) => {
    if (!Array.isArray(input) || input.length > max || input.length < min) return NOT_SURE;
    let same = true;
    for (let i = 0; i < input.length; i++) {
      const value = element(input[i]);
      if (value === NOT_SURE) return NOT_SURE;
      if (value !== input[i]) same = false;
    }
    // Unchanged elements (holes never pass: no step accepts undefined): zod's new array would
    // equal this one. One with extra enumerable keys or another prototype is copied as zod copies it.
    if (same && isPlainArray(input)) return input;
    const out = new Array<unknown>(input.length);
    for (let i = 0; i < input.length; i++) out[i] = element(input[i]);
    return out;
  };
}

function compile(schema: z.ZodType): Step | null {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return compileString(def);
    case 'number':
      return compileNumber(def);
    case 'object':
      return compileObject(def);
    case 'array':
      return compileArray(def);
    case 'enum': {
      if (def.checks?.length || !def.entries) return null;
      const entries = Object.values(def.entries);
      // Numeric (TypeScript) enums carry reverse mappings zod filters out: not compiled.
      if (entries.some((v) => typeof v !== 'string')) return null;
      const values = new Set(entries);
      return (input) => (values.has(input) ? input : NOT_SURE);
    }
    case 'nullable': {
      if (def.checks?.length || !def.innerType) return null;
      const inner = compile(def.innerType);
      return inner && ((input) => (input === null ? null : inner(input)));
    }
    default:
      return null;
  }
}

/**
 * A parser for `schema`: the fast path where it is sure, zod everywhere else. Same results as
 * `schema.safeParse`.
 */
export function bulkParser<T extends z.ZodType>(schema: T): (input: unknown) => z.ZodSafeParseResult<z.output<T>> {
  const fast = compile(schema);
  if (!fast) return (input) => schema.safeParse(input);
  return (input) => {
    const value = fast(input);
    return value === NOT_SURE ? schema.safeParse(input) : { success: true, data: value as z.output<T> };
  };
}

/** Whether the fast path covers `schema` at all (tests: a schema change must not silently drop it). */
export function compiles(schema: z.ZodType): boolean {
  return compile(schema) !== null;
}
