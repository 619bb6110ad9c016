import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { keepAnswer, keptAnswerKeys, lastAnswer } from './last-answers';
import { dbRevisionItem } from './stored';

const Schema = z.object({ total: z.number() });

describe('last answers', () => {
  it('gives back a kept answer while nothing was written since and it is still exact', async () => {
    await dbRevisionItem.setValue(7);
    await keepAnswer('popup:30d', 7, { total: 3 }, 50_000, 1_000);
    await expect(lastAnswer('popup:30d', Schema, 2_000)).resolves.toEqual({ total: 3 });
    await expect(lastAnswer('popup:30d', Schema, 49_999)).resolves.toEqual({ total: 3 });
    await expect(lastAnswer('popup:7d', Schema, 2_000)).resolves.toBeNull();
    await keepAnswer('popup:all', 7, { total: 9 }, null, 1_000);
    await expect(lastAnswer('popup:all', Schema, 1_000 + 365 * 86_400_000)).resolves.toEqual({ total: 9 });
  });

  it('gives nothing after a write, once no longer exact, when kept later than now, or when the shape no longer fits', async () => {
    await dbRevisionItem.setValue(7);
    await keepAnswer('a', 7, { total: 3 }, 50_000, 1_000);
    await keepAnswer('b', 7, { total: 'three' }, null, 1_000);
    await expect(lastAnswer('a', Schema, 50_000)).resolves.toBeNull();
    await expect(lastAnswer('a', Schema, 999)).resolves.toBeNull();
    await expect(lastAnswer('b', Schema, 2_000)).resolves.toBeNull();
    await dbRevisionItem.setValue(8);
    await expect(lastAnswer('a', Schema, 2_000)).resolves.toBeNull();
  });

  it('an answer of before a write is not kept, and does not replace one of after it', async () => {
    await dbRevisionItem.setValue(8);
    await keepAnswer('popup:30d', 8, { total: 5 }, null, 1_000);
    await keepAnswer('popup:30d', 7, { total: 3 }, null, 1_100);
    await keepAnswer('popup:7d', 7, { total: 1 }, null, 1_100);
    await expect(lastAnswer('popup:30d', Schema, 2_000)).resolves.toEqual({ total: 5 });
    await expect(keptAnswerKeys()).resolves.toEqual(['popup:30d']);
    await keepAnswer('popup:30d', 8, { total: 6 }, null, 1_200);
    await expect(lastAnswer('popup:30d', Schema, 2_000)).resolves.toEqual({ total: 6 });
  });

  it('keeps only the newest few views', async () => {
    await dbRevisionItem.setValue(1);
    for (let i = 0; i < 12; i++) await keepAnswer(`k${i}`, 1, { total: i }, null, 1_000 + i);
    await expect(lastAnswer('k0', Schema, 2_000)).resolves.toBeNull();
    await expect(lastAnswer('k11', Schema, 2_000)).resolves.toEqual({ total: 11 });
  });

  it('two pages keeping theirs at the same moment both keep it (one at a time, by a lock)', async () => {
    await dbRevisionItem.setValue(3);
    // Without a lock manager (as here in Node) the two read-modify-writes interleave: one is lost.
    await Promise.all([keepAnswer('popup:30d', 3, { total: 1 }, null, 1_000), keepAnswer('dashboard:{}', 3, { total: 2 }, null, 1_000)]);
    const unlocked = (await keptAnswerKeys()).length;
    // Web Locks as the browser gives them to every extension page: one holder of a name at a time.
    let tail: Promise<unknown> = Promise.resolve();
    const request = <T>(_name: string, work: () => Promise<T>) => {
      const run = tail.then(work);
      tail = run.catch(() => undefined);
      return run;
    };
    vi.stubGlobal('navigator', { locks: { request } });
    await Promise.all([keepAnswer('popup:7d', 3, { total: 3 }, null, 1_000), keepAnswer('popup:all', 3, { total: 4 }, null, 1_000)]);
    expect(unlocked, 'without a lock one of the two is lost: the race this guards against').toBe(1);
    await expect(lastAnswer('popup:7d', Schema, 2_000)).resolves.toEqual({ total: 3 });
    await expect(lastAnswer('popup:all', Schema, 2_000)).resolves.toEqual({ total: 4 });
  });
});

afterEach(() => {
  vi.unstubAllGlobals();
});
