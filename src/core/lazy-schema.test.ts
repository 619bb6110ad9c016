/**
 * A lazy schema behaves as the schema it stands for, wherever zod or our code meets it, and is
 * built only when first used.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { bulkParser, compiles } from './fast-parse';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
  it('is built on first use, once', () => {
    let built = 0;
    const Name = lazySchema(() => {
      built++;
      return z.string().min(1).max(5);
    });
    const Person = lazySchema(() => z.object({ name: Name, age: z.number().int().min(0) }));
    expect(built).toBe(0);
    expect(Person.safeParse({ name: 'Анна', age: 3 }).success).toBe(true);
    expect(Person.safeParse({ name: 'Анна', age: 3 }).success).toBe(true);
    expect(Name.parse('Олег')).toBe('Олег');
    expect(built).toBe(1);
  });

  it('parses, refuses and reports exactly as the schema it stands for', () => {
    const build = () => z.object({ id: z.string().regex(/^[a-z]+$/), tags: z.array(z.enum(['a', 'b'])).max(2), at: z.number().nullable() });
    const lazy = lazySchema(build);
    const eager = build();
    const inputs: unknown[] = [{ id: 'x', tags: ['a'], at: null }, { id: 'X', tags: ['a'], at: 1 }, { id: 'x', tags: ['c', 'a', 'b'] }, null, 'x', { id: 'x', tags: [], at: 1, extra: 2 }];
    for (const input of inputs) {
      const a = lazy.safeParse(input);
      const b = eager.safeParse(input);
      expect(a.success).toBe(b.success);
      if (a.success && b.success) expect(a.data).toStrictEqual(b.data);
      else expect(a.error?.issues).toEqual(b.error?.issues);
    }
    expect(() => lazy.parse(null)).toThrow(z.ZodError);
  });

  it('composes: inside objects, arrays, unions, nullable, extend, and in discriminated unions', () => {
    const Named = lazySchema(() => z.object({ id: z.string().min(1), name: z.string().nullable() }));
    const Ok = lazySchema(() => z.object({ ok: z.literal(true), value: z.array(Named) }));
    const Failed = lazySchema(() => z.object({ ok: z.literal(false), error: z.string() }));
    const Answer = lazySchema(() => z.discriminatedUnion('ok', [Ok, Failed]));
    const Extended = lazySchema(() => Named.extend({ count: z.number() }));
    expect(Answer.parse({ ok: true, value: [{ id: 'p', name: null }] })).toEqual({ ok: true, value: [{ id: 'p', name: null }] });
    expect(Answer.parse({ ok: false, error: 'no' })).toEqual({ ok: false, error: 'no' });
    expect(Answer.safeParse({ ok: true, value: [{ id: '', name: null }] }).success).toBe(false);
    expect(Answer.safeParse({ ok: 'maybe' }).success).toBe(false);
    expect(Extended.parse({ id: 'a', name: 'b', count: 1, x: 1 })).toEqual({ id: 'a', name: 'b', count: 1 });
    expect(Object.keys(Extended.shape)).toEqual(['id', 'name', 'count']);
    expect(Named.nullable().parse(null)).toBeNull();
    expect(z.array(Named).max(1).safeParse([{ id: 'a', name: null }, { id: 'b', name: null }]).success).toBe(false);
  });

  it('is seen as a zod schema: instanceof, its definition, the compiled parser', () => {
    const Named = lazySchema(() => z.object({ id: z.string().min(1), name: z.string().nullable() }));
    expect(Named instanceof z.ZodObject).toBe(true);
    expect(Named instanceof z.ZodType).toBe(true);
    expect(Named._zod.def.type).toBe('object');
    const Wrapped = lazySchema(() => z.object({ who: Named, n: z.number().int() }));
    expect(compiles(Wrapped)).toBe(true);
    const parse = bulkParser(Wrapped);
    const input = { who: { id: 'a', name: null }, n: 1 };
    expect(parse(input)).toEqual({ success: true, data: input });
    expect(parse({ who: { id: '', name: null }, n: 1 }).success).toBe(false);
  });
});
