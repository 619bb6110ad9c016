/**
 * The dashboard's and the popup's statistics: pure functions of the statistics table (one pass
 * over its columns), the query and the catalog. The same row tests serve the aggregates and the
 * drill-down, so the list behind a bar always has as many records as the bar says.
 *
 * What counts: a record tagged with a reason. Junk reasons are kept apart from losses; a reason
 * unknown to the catalog (imported before its catalog) counts as a loss. A record returned to work
 * (`reopened` set, or tagged with an outcome reason such as closed-by-mistake) counts in the raw
 * view with its reason and is left out of the corrected view.
 */
import type { Catalog } from './catalog';
import { EMPTY_FILTER, type Filter } from './filters';
import type {
  DashboardStats,
  DrillCell,
  GroupRow,
  ManagerRow,
  Option,
  PopupStats,
  Skew,
  StatsQuery,
  StatsView,
  Trend,
} from './protocol';
import { bucketIndexer, bucketOf, bucketStarts, daysAfter, daysBefore, monthKey, monthStart, nextDay, nextMonth, nextWeek, weekStart, type Grain } from './stats-periods';
import { DELETED, FOLLOW_UP, idsOf, PENDING, TAGGED, WITHDRAWN, type Dictionary, type Dimension, type StatsTable } from './stats-table';

export interface StatsEnv {
  catalog: Catalog;
  /** This browser's WhyLost identity: the "mine" scope. */
  identityId: string;
  now: number;
  /** Comments shorter than this (comment rules' minimum) count as short. */
  minCommentLength: number;
}

/** A manager's over-use of a reason is pointed out from this many records of theirs… */
export const SKEW_MIN_RECORDS = 10;
/** …this many records with the reason… */
export const SKEW_MIN_COUNT = 3;
/** …and this much above the rest of the team (0.1 = 10 percentage points). */
export const SKEW_MIN_DIFF = 0.1;

const LOSS = 0;
const JUNK = 1;
const OUTCOME = 2;

/** Per reason-dictionary index: LOSS, JUNK or OUTCOME in this catalog (unknown: LOSS). */
function reasonKinds(t: StatsTable, catalog: Catalog): Uint8Array {
  const byId = new Map(catalog.reasons.map((r) => [r.id, r.kind]));
  const kinds = new Uint8Array(t.dicts.reason.keys.length);
  t.dicts.reason.keys.forEach((id, i) => {
    const kind = byId.get(id);
    kinds[i] = kind === 'junk' ? JUNK : kind === 'outcome' ? OUTCOME : LOSS;
  });
  return kinds;
}

/** Allowed dictionary indexes for a list of keys; null = no restriction. */
function allowed(d: Dictionary, keys: readonly string[]): Uint8Array | null {
  if (!keys.length) return null;
  const mask = new Uint8Array(d.keys.length);
  for (const k of keys) {
    const i = d.index.get(k);
    if (i !== undefined) mask[i] = 1;
  }
  return mask;
}

/**
 * Catalog hygiene's lines in time, in whole local days like the periods (so its figures change
 * only at midnight, as the periods' do): a pending close is old once it is more than
 * `pendingDays` days back (closed yesterday: 1 day), a reason unused once its last use is more
 * than `unusedDays` days back, and a follow-up due from the start of its day (the panel sets
 * them to a day, at 10:00: follow-up.ts).
 */
export interface Lines {
  /** Pending closes detected before this are old. */
  pendingBefore: number;
  /** Reasons last used before this are unused. */
  unusedBefore: number;
  /** Follow-ups set before this are due. */
  dueBefore: number;
}

export function linesOf(q: Pick<StatsQuery, 'pendingDays' | 'unusedDays'>, now: number): Lines {
  return { pendingBefore: daysBefore(now, q.pendingDays), unusedBefore: daysBefore(now, q.unusedDays), dueBefore: nextDay(now) };
}

/** The row tests of one query, compiled against the table's dictionaries. */
export interface Rows {
  kinds: Uint8Array;
  /** Every restriction of the filter but the period (and no status test). */
  base(i: number): boolean;
  inPeriod(i: number): boolean;
  reopened(i: number): boolean;
  /** Counted in statistics under the view. */
  counted(i: number): boolean;
}

export function compileRows(t: StatsTable, f: Filter, view: StatsView, env: StatsEnv): Rows {
  const kinds = reasonKinds(t, env.catalog);
  const { dims, status, detectedAt, reopenedAt } = t;
  const masks: [Uint32Array, Uint8Array][] = [];
  const restrict = (d: Dimension, keys: readonly string[]) => {
    const m = allowed(t.dicts[d], keys);
    if (m) masks.push([dims[d], m]);
  };
  restrict('crm', f.crms);
  restrict('host', f.hosts);
  restrict('pipeline', f.pipelines);
  restrict('segment', f.segments);
  restrict('manager', f.managers);
  if (f.scope === 'mine') restrict('owner', [env.identityId]);
  // An empty key ('' = none) is never a valid pipeline or segment: filters.ts lets none of those through.
  for (const d of ['pipeline', 'segment'] as const) {
    const m = masks.find(([col]) => col === dims[d]);
    if (m) m[1][0] = 0;
  }
  const reason = dims.reason;
  const kind = f.kind;
  const from = f.from ?? -Infinity;
  const to = f.to ?? Infinity;
  const base = (i: number): boolean => {
    if (status[i] === DELETED) return false;
    for (let k = 0; k < masks.length; k++) {
      const [col, mask] = masks[k]!;
      if (!mask[col[i]!]) return false;
    }
    if (kind !== 'all' && (kinds[reason[i]!] === JUNK) !== (kind === 'junk')) return false;
    return true;
  };
  const inPeriod = (i: number) => detectedAt[i]! >= from && detectedAt[i]! <= to;
  const reopened = (i: number) => reopenedAt[i]! > 0 || kinds[reason[i]!] === OUTCOME;
  const counted = (i: number) =>
    status[i] === TAGGED && reason[i] !== 0 && !(view === 'corrected' && reopened(i));
  return { kinds, base, inPeriod, reopened, counted };
}

function byCount<T extends { count: number }>(key: (x: T) => string) {
  return (a: T, b: T) => b.count - a.count || key(a).localeCompare(key(b));
}

function reasonCounts(counts: ArrayLike<number>, offset: number, reasonKeys: string[]) {
  const out: { reasonId: string; count: number }[] = [];
  for (let r = 1; r < reasonKeys.length; r++) {
    const c = counts[offset + r]!;
    if (c) out.push({ reasonId: reasonKeys[r]!, count: c });
  }
  return out.sort(byCount((x) => x.reasonId));
}

/** Rows of a dimension: counted records per value, junk/loss split, reasons. */
function groupRows(
  d: Dictionary,
  perReason: Uint32Array,
  junk: Uint32Array,
  loss: Uint32Array,
  reasonKeys: string[],
): GroupRow[] {
  const R = reasonKeys.length;
  const rows: GroupRow[] = [];
  for (let g = 0; g < d.keys.length; g++) {
    const total = junk[g]! + loss[g]!;
    if (!total) continue;
    rows.push({ key: d.keys[g]!, label: d.labels[g]!, total, junk: junk[g]!, loss: loss[g]!, byReason: reasonCounts(perReason, g * R, reasonKeys) });
  }
  // Most first; records without a value (key '') last.
  return rows.sort((a, b) => Number(a.key === '') - Number(b.key === '') || b.total - a.total || a.label.localeCompare(b.label));
}

/** Each manager's share of each reason against the other managers' share of it. */
export function skewOf(row: GroupRow, team: { total: number; byReason: Map<string, number> }): Skew[] {
  const restTotal = team.total - row.total;
  return row.byReason
    .map(({ reasonId, count }) => {
      const share = count / row.total;
      const restShare = restTotal > 0 ? ((team.byReason.get(reasonId) ?? 0) - count) / restTotal : 0;
      const diff = share - restShare;
      const flagged =
        restTotal > 0 && row.total >= SKEW_MIN_RECORDS && count >= SKEW_MIN_COUNT && diff >= SKEW_MIN_DIFF;
      return { reasonId, count, share, restShare, diff, flagged };
    })
    .sort((a, b) => b.diff - a.diff || a.reasonId.localeCompare(b.reasonId));
}

function trendOf(starts: number[], counts: Uint32Array, reasonKeys: string[], order: string[]): Trend {
  const R = reasonKeys.length;
  const cols = order.map((id) => reasonKeys.indexOf(id));
  return {
    starts,
    reasons: order,
    counts: starts.map((_, b) => cols.map((r) => counts[b * R + r]!)),
  };
}

const OPTION_DIMENSIONS = ['crm', 'host', 'pipeline', 'manager', 'segment'] as const;

interface Whole {
  version: number;
  options: DashboardStats['options'];
  /** Earliest and latest close among live rows. */
  span: [number, number];
}

/** What depends on the whole table only (filter options, time span): computed once per table version. */
const wholeOf = new WeakMap<StatsTable, Whole>();

function whole(t: StatsTable): Whole {
  const known = wholeOf.get(t);
  if (known && known.version === t.version) return known;
  const counts = OPTION_DIMENSIONS.map((d) => new Uint32Array(t.dicts[d].keys.length));
  const cols = OPTION_DIMENSIONS.map((d) => t.dims[d]);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < t.size; i++) {
    if (t.status[i] === DELETED) continue;
    for (let k = 0; k < cols.length; k++) counts[k]![cols[k]![i]!]!++;
    const d = t.detectedAt[i]!;
    if (d < lo) lo = d;
    if (d > hi) hi = d;
  }
  const options = Object.fromEntries(
    OPTION_DIMENSIONS.map((d, k) => {
      const out: Option[] = [];
      const c = counts[k]!;
      for (let x = 1; x < c.length; x++) {
        if (c[x]) out.push({ key: t.dicts[d].keys[x]!, label: t.dicts[d].labels[x]!, count: c[x]! });
      }
      return [d, out.sort(byCount((o) => o.label))];
    }),
  ) as DashboardStats['options'];
  const result: Whole = { version: t.version, options, span: [lo, hi] };
  wholeOf.set(t, result);
  return result;
}

/** Sums days into buckets: days[day × width + k] into out[bucket × width + k]. */
function fold(days: Uint32Array, width: number, bucketOfDay: Int32Array, buckets: number): Uint32Array {
  const out = new Uint32Array(buckets * width);
  for (let d = 0; d < bucketOfDay.length; d++) {
    const b = bucketOfDay[d]!;
    if (b < 0) continue;
    for (let k = 0; k < width; k++) out[b * width + k]! += days[d * width + k]!;
  }
  return out;
}

/** Junk and loss totals of each group, from its per-reason counts. */
function junkLoss(perReason: Uint32Array, groups: number, R: number, kinds: Uint8Array): [Uint32Array, Uint32Array] {
  const junk = new Uint32Array(groups);
  const loss = new Uint32Array(groups);
  for (let g = 0; g < groups; g++) {
    for (let r = 1; r < R; r++) {
      const c = perReason[g * R + r]!;
      if (c) (kinds[r] === JUNK ? junk : loss)[g]! += c;
    }
  }
  return [junk, loss];
}

export function dashboardStats(t: StatsTable, q: StatsQuery, env: StatsEnv): DashboardStats {
  const f = q.filter;
  const rows = compileRows(t, f, q.view, env);
  const { kinds } = rows;
  const reasonKeys = t.dicts.reason.keys;
  const R = reasonKeys.length;
  const { reason, manager, pipeline, segment } = t.dims;
  const M = t.dicts.manager.keys.length;
  const P = t.dicts.pipeline.keys.length;
  const S = t.dicts.segment.keys.length;
  const { options, span } = whole(t);

  // The trend covers the filter's period, else the records' span up to now. Rows are counted
  // per local day; the days are folded into weeks and months afterwards.
  const from = f.from ?? (span[0] === Infinity ? env.now : span[0]);
  const to = f.to ?? Math.max(env.now, span[1] === -Infinity ? env.now : span[1]);
  const grains: Record<Grain, number[]> = { week: bucketStarts('week', from, to), month: bucketStarts('month', from, to) };
  const firstDay = Math.min(grains.week[0] ?? Infinity, grains.month[0] ?? Infinity);
  const dayStarts: number[] = [];
  if (firstDay !== Infinity) for (let d = firstDay; d <= to; d = nextDay(d)) dayStarts.push(d);
  const dayOf = bucketIndexer(dayStarts, to);
  const D = dayStarts.length;
  const dayReason = new Uint32Array(D * R);
  const dayRaw = new Uint32Array(D * 4); // junk, loss, reopened junk, reopened loss

  const byReason = new Uint32Array(R);
  const mgr = new Uint32Array(M * R);
  const pip = new Uint32Array(P * R);
  const seg = new Uint32Array(S * R);
  const lastUsed = new Float64Array(R).fill(-Infinity);

  const totals = { counted: 0, junk: 0, loss: 0, pending: 0, followUp: 0, withdrawn: 0, reopened: 0 };
  let matched = 0;
  let pendingOld = 0;
  let followUpsDue = 0;
  let short = 0;
  const otherIndex = t.dicts.reason.index.get('other') ?? -1;
  const { pendingBefore, unusedBefore, dueBefore } = linesOf(q, env.now);
  const { status, detectedAt, followUpAt, commentLength } = t;
  const minComment = env.minCommentLength;
  const corrected = q.view === 'corrected';
  // The earliest pending close not old yet and follow-up not due yet (for `until` below).
  let nextOld = Infinity;
  let nextDue = Infinity;

  for (let i = 0; i < t.size; i++) {
    if (!rows.base(i)) continue;
    const st = status[i]!;
    const r = reason[i]!;
    const at = detectedAt[i]!;
    // Hygiene action items and reason use: whatever the period.
    if (st === PENDING) {
      if (at < pendingBefore) pendingOld++;
      else if (at < nextOld) nextOld = at;
    } else if (st === FOLLOW_UP && followUpAt[i]! > 0) {
      if (followUpAt[i]! < dueBefore) followUpsDue++;
      else if (followUpAt[i]! < nextDue) nextDue = followUpAt[i]!;
    }
    // A reason is in use whether the lead was written off with it or is to be called again.
    if ((st === TAGGED || st === FOLLOW_UP) && r !== 0 && at > lastUsed[r]!) lastUsed[r] = at;
    if (!rows.inPeriod(i)) continue;
    matched++;
    if (st === PENDING) totals.pending++;
    else if (st === FOLLOW_UP) totals.followUp++;
    else if (st === WITHDRAWN) totals.withdrawn++;
    if (st !== TAGGED || r === 0) continue;

    const junk = kinds[r] === JUNK;
    const back = rows.reopened(i);
    const day = dayOf(at);
    if (day >= 0) {
      dayRaw[day * 4 + (junk ? 0 : 1)]!++;
      if (back) dayRaw[day * 4 + (junk ? 2 : 3)]!++;
    }
    if (back) {
      totals.reopened++;
      if (corrected) continue;
    }
    totals.counted++;
    byReason[r]!++;
    if (day >= 0) dayReason[day * R + r]!++;
    mgr[manager[i]! * R + r]!++;
    pip[pipeline[i]! * R + r]!++;
    seg[segment[i]! * R + r]!++;
    if (commentLength[i]! < minComment) short++;
  }
  for (let r = 1; r < R; r++) {
    if (kinds[r] === JUNK) totals.junk += byReason[r]!;
    else totals.loss += byReason[r]!;
  }

  const bucketsOfDays = (starts: number[]) => Int32Array.from(dayStarts, (d) => bucketOf(starts, d));
  const monthOfDay = bucketsOfDays(grains.month);
  const weekCounts = fold(dayReason, R, bucketsOfDays(grains.week), grains.week.length);
  const monthCounts = fold(dayReason, R, monthOfDay, grains.month.length);
  const monthRaw = fold(dayRaw, 4, monthOfDay, grains.month.length);

  const reasons = reasonCounts(byReason, 0, reasonKeys);
  const order = reasons.map((x) => x.reasonId);
  const managerGroups = groupRows(t.dicts.manager, mgr, ...junkLoss(mgr, M, R, kinds), reasonKeys);
  const team = { total: totals.counted, byReason: new Map(reasons.map((x) => [x.reasonId, x.count])) };
  const managers: ManagerRow[] = managerGroups.map((g) => ({ ...g, skew: skewOf(g, team) }));

  const uses = env.catalog.reasons
    .filter((x) => !x.retired && x.kind !== 'outcome')
    .map((x) => {
      const idx = t.dicts.reason.index.get(x.id);
      const last = idx === undefined ? -Infinity : lastUsed[idx]!;
      return { reasonId: x.id, lastUsed: last === -Infinity ? null : last };
    });
  const nextUnused = Math.min(...uses.map((x) => (x.lastUsed !== null && x.lastUsed >= unusedBefore ? x.lastUsed : Infinity)));
  const unused = uses
    .filter((x) => x.lastUsed === null || x.lastUsed < unusedBefore)
    .sort((a, b) => (a.lastUsed ?? 0) - (b.lastUsed ?? 0) || a.reasonId.localeCompare(b.reasonId));

  // Until when these figures stay exact with nothing written (the period's bounds are the
  // query's): the trend gains a bucket when its open end passes a week's or a month's start; the
  // next pending close turns old, reason becomes unused, follow-up falls due at a midnight (Lines).
  const until = Math.min(
    f.to === null ? Math.min(nextWeek(weekStart(to)), nextMonth(monthStart(to))) : Infinity,
    nextOld === Infinity ? Infinity : daysAfter(nextOld, q.pendingDays + 1),
    nextUnused === Infinity ? Infinity : daysAfter(nextUnused, q.unusedDays + 1),
    nextDue === Infinity ? Infinity : daysBefore(nextDue, 0),
  );

  return {
    stored: t.live,
    matched,
    totals,
    reasons,
    trend: {
      week: trendOf(grains.week, weekCounts, reasonKeys, order),
      month: trendOf(grains.month, monthCounts, reasonKeys, order),
    },
    managers,
    pipelines: groupRows(t.dicts.pipeline, pip, ...junkLoss(pip, P, R, kinds), reasonKeys),
    segments: groupRows(t.dicts.segment, seg, ...junkLoss(seg, S, R, kinds), reasonKeys),
    corrected: grains.month.map((start, b) => ({
      start,
      month: monthKey(start),
      junk: monthRaw[b * 4]!,
      loss: monthRaw[b * 4 + 1]!,
      reopenedJunk: monthRaw[b * 4 + 2]!,
      reopenedLoss: monthRaw[b * 4 + 3]!,
    })),
    hygiene: {
      unusedDays: q.unusedDays,
      unused,
      other: { count: otherIndex >= 0 ? byReason[otherIndex]! : 0, of: totals.counted },
      shortComments: { count: short, of: totals.counted, minLength: env.minCommentLength },
      pendingDays: q.pendingDays,
      pendingOld,
      followUpsDue,
    },
    options,
    until: until === Infinity ? null : until,
  };
}

/**
 * The popup: the period's lost leads (corrected), junk vs loss, per reason; this browser's own
 * pending closes of any date (a team lead's merged files bring other managers' pending closes,
 * which only they can answer).
 */
export function popupStats(t: StatsTable, range: { from: number | null; to: number | null }, env: StatsEnv): PopupStats {
  const rows = compileRows(t, { ...EMPTY_FILTER, from: range.from, to: range.to }, 'corrected', env);
  const byReason = new Uint32Array(t.dicts.reason.keys.length);
  let junk = 0;
  let loss = 0;
  let pending = 0;
  let reopened = 0;
  const reason = t.dims.reason;
  const mine = t.dicts.owner.index.get(env.identityId) ?? -1;
  for (let i = 0; i < t.size; i++) {
    const st = t.status[i]!;
    if (st === PENDING && t.dims.owner[i] === mine) pending++;
    if (st !== TAGGED || !rows.inPeriod(i) || reason[i] === 0) continue;
    if (rows.reopened(i)) {
      reopened++;
      continue;
    }
    byReason[reason[i]!]!++;
    if (rows.kinds[reason[i]!] === JUNK) junk++;
    else loss++;
  }
  return { stored: t.live, total: junk + loss, junk, loss, pending, reopened, byReason: reasonCounts(byReason, 0, t.dicts.reason.keys) };
}

/**
 * Rows behind a bar or cell, newest first: the query's filter, the cell's restrictions, and the
 * search words (all must appear in the lead title or the comment).
 */
export function drillRows(t: StatsTable, q: StatsQuery, cell: DrillCell, search: string, env: StatsEnv): number[] {
  const rows = compileRows(t, q.filter, q.view, env);
  const { dims, dicts, status, detectedAt, followUpAt, commentLength, text } = t;
  const want = (d: Dimension, key: string | undefined): number => (key === undefined ? -1 : (dicts[d].index.get(key) ?? -2));
  const reasonI = want('reason', cell.reasonId);
  const managerI = want('manager', cell.manager);
  const pipelineI = want('pipeline', cell.pipeline);
  const segmentI = want('segment', cell.segment);
  if ([reasonI, managerI, pipelineI, segmentI].includes(-2)) return [];
  const words = searchWords(search);
  const from = cell.from ?? -Infinity;
  const to = cell.to ?? Infinity;
  const { pendingBefore, dueBefore } = linesOf(q, env.now);

  const inSubset = (i: number): boolean => {
    switch (cell.subset) {
      case 'counted':
        return rows.inPeriod(i) && rows.counted(i);
      case 'reopened':
        return rows.inPeriod(i) && status[i] === TAGGED && dims.reason[i] !== 0 && rows.reopened(i);
      case 'short-comment':
        return rows.inPeriod(i) && rows.counted(i) && commentLength[i]! < env.minCommentLength;
      case 'pending':
        return rows.inPeriod(i) && status[i] === PENDING;
      case 'pending-old':
        return status[i] === PENDING && detectedAt[i]! < pendingBefore;
      case 'follow-up-due':
        return status[i] === FOLLOW_UP && followUpAt[i]! > 0 && followUpAt[i]! < dueBefore;
    }
  };

  const out: number[] = [];
  for (let i = 0; i < t.size; i++) {
    if (!rows.base(i) || !inSubset(i)) continue;
    if (reasonI >= 0 && dims.reason[i] !== reasonI) continue;
    if (managerI >= 0 && dims.manager[i] !== managerI) continue;
    if (pipelineI >= 0 && dims.pipeline[i] !== pipelineI) continue;
    if (segmentI >= 0 && dims.segment[i] !== segmentI) continue;
    if (detectedAt[i]! < from || detectedAt[i]! >= to) continue;
    if (cell.kind && (rows.kinds[dims.reason[i]!] === JUNK) !== (cell.kind === 'junk')) continue;
    if (words.length && !words.every((w) => w.test(text[i] ?? ''))) continue;
    out.push(i);
  }
  const ids = idsOf(t);
  return out.sort((a, b) => detectedAt[b]! - detectedAt[a]! || (ids[a]! < ids[b]! ? -1 : 1));
}

/**
 * A search's words, each matching any case (Unicode case folding: "КОРОТКО" finds "коротко").
 * The table keeps titles and comments as written (snapshots before kept them lower-cased: they
 * match the same).
 */
function searchWords(search: string): RegExp[] {
  return search
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => new RegExp(w.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&'), 'iu'));
}

/** The end of a bucket that starts at `start` (for a drill-down cell). */
export function bucketEnd(grain: Grain, start: number): number {
  return grain === 'week' ? nextWeek(start) : nextMonth(start);
}
