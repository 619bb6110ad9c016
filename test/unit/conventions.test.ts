/**
 * The conventions that keep start-up light (docs/architecture.md), which nothing else would
 * notice being broken, since the code would still work:
 * - a schema defined at a module's top level is built on first use (`lazySchema`), and so is
 *   every message (`message`);
 * - storage items are defined with platform/storage-item.ts, not wxt's `storage.defineItem`,
 *   which reads its item from storage the moment it is defined.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

/** `const X = z.…` or `const X = SomeSchema.…` at the top level of a module. */
const EAGER = /^(?:export )?const (\w+)(?::[^=]+)? = (?:z\b|[A-Z]\w*Schema\.)/gm;
/** Reading a schema's options at load (an array of literal values) is allowed: it builds one enum. */
const ALLOWED = new Set(['PERIOD_PRESETS']);

describe('schemas at a module top level', () => {
  const files = sources(join(ROOT, 'src')).filter((f) => readFileSync(f, 'utf8').includes("from 'zod'"));

  it('are built on first use (lazySchema), messages too (message)', () => {
    const eager: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(EAGER)) if (!ALLOWED.has(m[1]!)) eager.push(`${relative(ROOT, file)}: ${m[1]}`);
      for (const m of text.matchAll(/^\s+['\w.]+: \{ request: /gm)) eager.push(`${relative(ROOT, file)}: ${m[0].trim()} (use message(…))`);
    }
    expect(files.length).toBeGreaterThan(20);
    expect(eager).toEqual([]);
  });

  it('finds an eager one (the check can fail)', () => {
    const sample = "import { z } from 'zod';\nexport const ThingSchema = z.object({});\nconst Other = ThingSchema.extend({});\nexport const Lazy = lazySchema(() => z.string());\n";
    expect([...sample.matchAll(EAGER)].map((m) => m[1])).toEqual(['ThingSchema', 'Other']);
  });
});

describe('storage items', () => {
  it('are defined with storage-item.ts, never storage.defineItem', () => {
    const files = [...sources(join(ROOT, 'src')), ...sources(join(ROOT, 'entrypoints'))];
    const eager = files.filter((f) => /\bstorage\.defineItem\b/.test(readFileSync(f, 'utf8'))).map((f) => relative(ROOT, f));
    expect(files.length).toBeGreaterThan(20);
    expect(eager).toEqual([]);
  });
});
