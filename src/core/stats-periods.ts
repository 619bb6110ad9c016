/**
 * Periods: the presets the popup and the dashboard offer, and week / month buckets in local
 * time (weeks start on Monday; a month starts on its 1st at 00:00, whatever the DST offset).
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { MAX_TIME, MIN_TIME } from './primitives';

export const DAY_MS = 86_400_000;

export const PeriodPresetSchema = lazySchema(() => z.enum(['7d', '30d', 'month', 'all']));
export type PeriodPreset = z.infer<typeof PeriodPresetSchema>;
export const PERIOD_PRESETS = PeriodPresetSchema.options;

/**
 * Inclusive bounds on detectedAt for a preset; null = open. "7 days" and "30 days" are whole local
 * days, today and the 6 (29) before: like "this month", a preset's figures then change only with
 * a write or at midnight, never while a page is open or between two looks an hour apart.
 */
export function presetRange(preset: PeriodPreset, now: number): { from: number | null; to: number | null } {
  switch (preset) {
    case '7d':
      return { from: daysBefore(now, 6), to: null };
    case '30d':
      return { from: daysBefore(now, 29), to: null };
    case 'month':
      return { from: monthStart(now), to: null };
    case 'all':
      return { from: null, to: null };
  }
}

/**
 * When a preset's range stops being what it is at `now` (the next local midnight, or the next
 * month for "this month"); null: never ("all").
 */
export function presetUntil(preset: PeriodPreset, now: number): number | null {
  switch (preset) {
    case '7d':
    case '30d':
      return nextDay(now);
    case 'month':
      return nextMonth(now);
    case 'all':
      return null;
  }
}

/** 00:00 local time, `days` days before the day holding `t` (0: that day's start). */
export function daysBefore(t: number, days: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - days).getTime();
}

/** 00:00 local time, `days` days after the day holding `t`. */
export function daysAfter(t: number, days: number): number {
  return daysBefore(t, -days);
}

export function monthStart(t: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), 1).getTime();
}

/** The 1st of the month after the one holding `start`, 00:00 local time. */
export function nextMonth(start: number): number {
  const d = new Date(start);
  return new Date(d.getFullYear(), d.getMonth() + 1, 1).getTime();
}

/** Monday 00:00 local time of the week holding `t`. */
export function weekStart(t: number): number {
  const d = new Date(t);
  const back = (d.getDay() + 6) % 7; // Monday → 0 … Sunday → 6
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime();
}

/** 00:00 local time, 7 days after the day holding `start` (for a week's start: the next week's). */
export function nextWeek(start: number): number {
  return daysAfter(start, 7);
}

/** 00:00 local time of the day after the one holding `start`. */
export function nextDay(start: number): number {
  return daysAfter(start, 1);
}

export const GRAINS = ['week', 'month'] as const;
export type Grain = (typeof GRAINS)[number];

/** At most this many buckets per grain: the latest ones. */
export const MAX_BUCKETS = 260;

/** Starts of the buckets covering [from, to], oldest first, at most MAX_BUCKETS (the latest). */
export function bucketStarts(grain: Grain, from: number, to: number): number[] {
  const lo = Math.max(from, MIN_TIME);
  const hi = Math.min(to, MAX_TIME);
  if (hi < lo) return [];
  const first = grain === 'week' ? weekStart(lo) : monthStart(lo);
  const step = grain === 'week' ? nextWeek : nextMonth;
  // Start late enough that at most MAX_BUCKETS remain (approximate jump, then exact steps).
  const span = grain === 'week' ? 7 * DAY_MS : 28 * DAY_MS;
  let start = first;
  if ((hi - first) / span > MAX_BUCKETS + 2) {
    start = grain === 'week' ? weekStart(hi - MAX_BUCKETS * span) : monthStart(hi - (MAX_BUCKETS - 1) * 31 * DAY_MS);
  }
  const starts: number[] = [];
  for (let s = start; s <= hi; s = step(s)) starts.push(s);
  return starts.slice(-MAX_BUCKETS);
}

/** Index of the bucket holding t (the last start ≤ t), or -1 before the first. */
export function bucketOf(starts: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  if (hi < 0 || t < starts[0]!) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** 'YYYY-MM' of a local time. */
export function monthKey(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
}

/** Grid of the bucket lookup: every local midnight lies on it (UTC offsets are multiples of 15 minutes). */
const GRID_MS = 15 * 60_000;
const MAX_GRID = 1_000_000;

/**
 * bucketOf for many times at once: a lookup table on a 15-minute grid from the first start to
 * `end`, so each time costs one division instead of a binary search. Same answers as bucketOf
 * (times at or after the last start fall in the last bucket).
 */
export function bucketIndexer(starts: readonly number[], end: number): (t: number) => number {
  const n = starts.length;
  if (n === 0) return () => -1;
  const origin = starts[0]!;
  const cells = Math.ceil((Math.max(end, starts[n - 1]!) - origin) / GRID_MS) + 1;
  const aligned = starts.every((s) => (s - origin) % GRID_MS === 0);
  if (!aligned || cells > MAX_GRID) return (t) => bucketOf(starts, t);
  const map = new Uint16Array(cells);
  for (let c = 0, b = 0; c < cells; c++) {
    const t = origin + c * GRID_MS;
    while (b + 1 < n && starts[b + 1]! <= t) b++;
    map[c] = b;
  }
  const last = n - 1;
  return (t) => {
    if (t < origin) return -1;
    const c = Math.floor((t - origin) / GRID_MS);
    return c < cells ? map[c]! : last;
  };
}
