/**
 * The statistics a page showed last time, kept so it can show them at once when opened again
 * (a sleeping background takes ~150–250 ms just to start): used only while they are still exact:
 * no record was written since (the database revision is the same), the time they stay exact to
 * has not come (`until`: the period's next midnight, the next pending close to turn old, …) and
 * the clock's time zone is the same. The live answer always follows and replaces them. Read
 * through zod like every stored value.
 */
import { z } from 'zod';
import { lazySchema } from '../core/lazy-schema';
import { keptFits, keptTime } from './kept-time';
import { dbRevisionItem, loadDbRevision, readItem } from './stored';
import { defineItem } from './storage-item';

const EntrySchema = lazySchema(() =>
  z.object({ rev: z.number(), at: z.number(), until: z.number().nullable(), tz: z.number(), value: z.unknown() }),
);
const StoreSchema = lazySchema(() => z.record(z.string(), EntrySchema));

/** Exported for "delete all": kept answers hold counts and lead titles, and go with the data. */
export const lastAnswersItem = defineItem<unknown>('local:lastAnswers', {});

/** Kept views: the popup's periods and the dashboard's opening view. */
const MAX_ENTRIES = 8;

async function readAll(raw: Promise<unknown>): Promise<z.infer<typeof StoreSchema>> {
  const parsed = StoreSchema.safeParse(await raw);
  return parsed.success ? parsed.data : {};
}

/** The answer kept for `key`, if nothing was written since, it is still exact now and still of today's shape. */
export async function lastAnswer<T>(key: string, schema: z.ZodType<T>, now = Date.now()): Promise<T | null> {
  const [all, rev] = await Promise.all([readAll(readItem(lastAnswersItem)), loadDbRevision()]);
  const entry = all[key];
  if (!entry || entry.rev !== rev || !keptFits(entry, now)) return null;
  const value = schema.safeParse(entry.value);
  return value.success ? value.data : null;
}

/** The keys answers are kept under (`popup:30d`, `dashboard:{…}`), whatever their state. */
export async function keptAnswerKeys(): Promise<string[]> {
  return Object.keys(await readAll(lastAnswersItem.getValue()));
}

/**
 * Keeps a live answer for `key`, computed at database revision `rev`, exact until `until` (null:
 * for ever) if nothing is written: only while `rev` is the current revision. An answer asked
 * before a write can arrive after it, even after another page kept the one of after it (a page
 * the background renders out of sight while records are written): it would never be shown, and
 * must not replace that one.
 */
export function keepAnswer(key: string, rev: number, value: unknown, until: number | null, now = Date.now()): Promise<void> {
  return oneAtATime(async () => {
    // Read afresh, never from the page's start-up values: another page may have kept one since.
    const [all, current] = await Promise.all([readAll(lastAnswersItem.getValue()), dbRevisionItem.getValue()]);
    if (rev !== current) return;
    all[key] = { rev, ...keptTime(until, now), value };
    const newest = Object.entries(all)
      .sort((a, b) => b[1].at - a[1].at)
      .slice(0, MAX_ENTRIES);
    await lastAnswersItem.setValue(Object.fromEntries(newest));
  });
}

interface Locks {
  request<T>(name: string, work: () => Promise<T>): Promise<T>;
}

/**
 * The kept answers are one stored object, read, changed and written back: two pages keeping
 * theirs at the same moment (the popup rendered out of sight after a write while the dashboard
 * is open and asks again) would each write back the other's old state, and one answer is lost.
 * Done one at a time across the extension's pages (Web Locks: released if a page goes away).
 */
function oneAtATime(work: () => Promise<void>): Promise<void> {
  const locks = (globalThis as { navigator?: { locks?: Locks } }).navigator?.locks;
  return locks ? locks.request('whylost-last-answers', work) : work();
}
