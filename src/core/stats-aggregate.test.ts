/**
 * Statistics against expectations worked out by hand from thirteen records (the table below).
 */
import { describe, expect, it } from 'vitest';
import { captureOf } from '../../test/support/records';
import { DEFAULT_CATALOG } from './catalog';
import { EMPTY_FILTER, matchesFilter, type Filter } from './filters';
import type { StatsQuery } from './protocol';
import type { Rejection } from './rejection';
import { compileRows, dashboardStats, drillRows, popupStats, skewOf, type StatsEnv } from './stats-aggregate';
import { idsOf, tableOf } from './stats-table';
import { newPendingRecord } from './storage/repository';

const at = (m: number, d: number, h = 12) => new Date(2026, m - 1, d, h).getTime();
const NOW = at(11, 20);
const ANNA = { id: '501', name: 'Анна' };
const OLEG = { id: '502', name: 'Олег' };
const LONG = 'Бюджет 50 тыс., наша цена 80 тыс.';

function rec(n: number, over: Partial<Rejection>): Rejection {
  const base = newPendingRecord(captureOf({ id: `rec-stat-${String(n).padStart(4, '0')}` }), { id: 'me', name: 'Я' });
  return { ...base, status: 'tagged', segment: 'inbound-b2b', comment: LONG, manager: ANNA, ...over };
}

//  #  manager reason            status     date   notes
const RECORDS: Rejection[] = [
  rec(1, { reasonId: 'price', detectedAt: at(11, 3) }),
  rec(2, { reasonId: 'price', detectedAt: at(11, 10) }),
  rec(3, { reasonId: 'spam', detectedAt: at(11, 10) }), // junk
  rec(4, { reasonId: 'other', detectedAt: at(10, 15), comment: 'коротко' }), // short comment
  rec(5, { reasonId: 'price', detectedAt: at(10, 20), manager: OLEG, reopened: { at: at(10, 25), by: 'Анна', note: 'ошибка' } }),
  rec(6, {
    reasonId: 'competitor',
    detectedAt: at(11, 12),
    manager: OLEG,
    host: 'demo.kommo.com',
    pipeline: { id: '7', name: 'Партнёры' },
    segment: 'outbound-b2b',
  }),
  rec(7, { reasonId: 'wrong-number', detectedAt: at(11, 12), manager: OLEG }), // junk
  rec(8, { status: 'pending', reasonId: null, comment: '', detectedAt: at(11, 1), manager: OLEG }), // pending, old
  rec(9, { status: 'pending', reasonId: null, comment: '', detectedAt: at(11, 19) }), // pending, recent
  rec(10, { status: 'follow-up', reasonId: 'excuse-call-later', detectedAt: at(11, 5), followUpAt: at(11, 18), manager: OLEG }),
  rec(11, { status: 'follow-up', reasonId: 'excuse-call-later', detectedAt: at(11, 6), followUpAt: at(11, 25), manager: OLEG }),
  rec(12, { status: 'withdrawn', reasonId: 'price', detectedAt: at(11, 6) }),
  rec(13, {
    reasonId: 'timing',
    detectedAt: at(9, 10),
    manager: { id: '9', name: 'Иван' },
    owner: { id: 'colleague', name: 'Иван' },
    crm: 'bitrix24',
    host: 'x.bitrix24.ru',
    pipeline: null,
    segment: null,
  }),
];

const env: StatsEnv = { catalog: DEFAULT_CATALOG, identityId: 'me', now: NOW, minCommentLength: 10 };
const query = (filter: Partial<Filter> = {}, view: StatsQuery['view'] = 'raw'): StatsQuery => ({
  filter: { ...EMPTY_FILTER, ...filter },
  view,
  unusedDays: 30,
  pendingDays: 2,
});
const table = tableOf(RECORDS);
const ids = (rows: number[]) => rows.map((i) => Number(idsOf(table)[i]!.slice(-4)));

describe('dashboardStats', () => {
  const raw = dashboardStats(table, query(), env);

  it('counts tagged records, junk apart from loss, and the other states', () => {
    expect(raw.stored).toBe(13);
    expect(raw.matched).toBe(13);
    expect(raw.totals).toEqual({ counted: 8, junk: 2, loss: 6, pending: 2, followUp: 2, withdrawn: 1, reopened: 1 });
    expect(raw.reasons).toEqual([
      { reasonId: 'price', count: 3 },
      { reasonId: 'competitor', count: 1 },
      { reasonId: 'other', count: 1 },
      { reasonId: 'spam', count: 1 },
      { reasonId: 'timing', count: 1 },
      { reasonId: 'wrong-number', count: 1 },
    ]);
  });

  it('leaves leads returned to work out of the corrected view, and keeps raw and reopened per month', () => {
    const corrected = dashboardStats(table, query({}, 'corrected'), env);
    expect(corrected.totals).toMatchObject({ counted: 7, junk: 2, loss: 5, reopened: 1 });
    expect(corrected.reasons[0]).toEqual({ reasonId: 'price', count: 2 });
    expect(corrected.corrected).toEqual(raw.corrected);
    expect(raw.corrected.map(({ month, junk, loss, reopenedJunk, reopenedLoss }) => [month, junk, loss, reopenedJunk, reopenedLoss])).toEqual([
      ['2026-09', 0, 1, 0, 0],
      ['2026-10', 0, 2, 0, 1],
      ['2026-11', 2, 3, 0, 0],
    ]);
  });

  it('splits the trend by month and by week, reasons in order of their totals', () => {
    expect(raw.trend.month.reasons).toEqual(['price', 'competitor', 'other', 'spam', 'timing', 'wrong-number']);
    expect(raw.trend.month.starts).toEqual([at(9, 1, 0), at(10, 1, 0), at(11, 1, 0)]);
    expect(raw.trend.month.counts).toEqual([
      [0, 0, 0, 0, 1, 0],
      [1, 0, 1, 0, 0, 0],
      [2, 1, 0, 1, 0, 1],
    ]);
    const weeks = raw.trend.week;
    const nov2 = weeks.starts.indexOf(at(11, 2, 0));
    const nov9 = weeks.starts.indexOf(at(11, 9, 0));
    expect(weeks.counts[nov2]).toEqual([1, 0, 0, 0, 0, 0]);
    expect(weeks.counts[nov9]).toEqual([1, 1, 0, 1, 0, 1]);
    expect(weeks.starts.at(-1)).toBe(at(11, 16, 0)); // up to now
    expect(weeks.counts.flat().reduce((a, b) => a + b, 0)).toBe(8);
  });

  it('breaks down by manager with each one’s skew against the rest of the team', () => {
    expect(raw.managers.map((m) => [m.key, m.total, m.junk, m.loss])).toEqual([
      ['Анна', 4, 1, 3],
      ['Олег', 3, 1, 2],
      ['Иван', 1, 0, 1],
    ]);
    const anna = raw.managers[0]!;
    // Анна: price 2 of 4 = 50 %; the rest (Олег, Иван): price 1 of 4 = 25 %. "other": 25 % vs 0 %: the same 25 points.
    expect(anna.skew.map((s) => s.reasonId).slice(0, 2)).toEqual(['other', 'price']);
    expect(anna.skew[1]).toEqual({ reasonId: 'price', count: 2, share: 0.5, restShare: 0.25, diff: 0.25, flagged: false });
  });

  it('points out an over-used reason only with enough records', () => {
    const row = { key: 'x', label: 'x', total: 20, junk: 0, loss: 20, byReason: [{ reasonId: 'other', count: 8 }, { reasonId: 'price', count: 12 }] };
    const team = { total: 100, byReason: new Map([['other', 10], ['price', 60]]) };
    const skew = skewOf(row, team);
    // other: 8/20 = 40 % vs (10−8)/80 = 2.5 % → flagged; price: 60 % vs 48/80 = 60 % → not.
    expect(skew[0]).toMatchObject({ reasonId: 'other', share: 0.4, restShare: 0.025, flagged: true });
    expect(skew[1]).toMatchObject({ reasonId: 'price', diff: 0, flagged: false });
    expect(skewOf({ ...row, total: 9 }, team).some((s) => s.flagged)).toBe(false);
  });

  it('breaks down by pipeline and by segment, records without one last', () => {
    expect(raw.pipelines.map((p) => [p.key, p.label, p.total, p.junk, p.loss])).toEqual([
      ['3', 'Продажи', 6, 2, 4],
      ['7', 'Партнёры', 1, 0, 1],
      ['', '', 1, 0, 1],
    ]);
    expect(raw.segments.map((s) => [s.key, s.total])).toEqual([
      ['inbound-b2b', 6],
      ['outbound-b2b', 1],
      ['', 1],
    ]);
  });

  it('checks catalog hygiene', () => {
    const h = raw.hygiene;
    expect(h.other).toEqual({ count: 1, of: 8 });
    expect(h.shortComments).toEqual({ count: 1, of: 8, minLength: 10 });
    expect(h.pendingOld).toBe(1);
    expect(h.followUpsDue).toBe(1);
    const unused = new Map(h.unused.map((u) => [u.reasonId, u.lastUsed]));
    expect(unused.get('other')).toBe(at(10, 15));
    expect(unused.get('timing')).toBe(at(9, 10));
    expect(unused.get('duplicate')).toBeNull();
    expect(unused.has('price')).toBe(false);
    expect(unused.has('excuse-call-later')).toBe(false); // in use for follow-ups
    expect(unused.has('closed-by-mistake')).toBe(false); // outcomes are not offered in the panel
    expect(h.unused.at(-1)).toEqual({ reasonId: 'other', lastUsed: at(10, 15) }); // never used first, then oldest
  });

  it('applies every filter', () => {
    const counted = (f: Partial<Filter>) => dashboardStats(table, query(f), env).totals.counted;
    expect(counted({ managers: ['Олег'] })).toBe(3);
    expect(counted({ scope: 'mine' })).toBe(7);
    expect(counted({ kind: 'junk' })).toBe(2);
    expect(counted({ kind: 'loss' })).toBe(6);
    expect(counted({ hosts: ['demo.kommo.com'] })).toBe(1);
    expect(counted({ crms: ['bitrix24'] })).toBe(1);
    expect(counted({ pipelines: ['7'] })).toBe(1);
    expect(counted({ segments: ['outbound-b2b'] })).toBe(1);
    expect(counted({ from: at(11, 1, 0) })).toBe(5);
    expect(counted({ from: at(11, 1, 0), to: at(11, 10) })).toBe(3);
    const nov = dashboardStats(table, query({ from: at(11, 1, 0) }), env);
    expect(nov.totals.pending).toBe(2);
    expect(nov.hygiene.pendingOld).toBe(1); // whatever the period
    expect(nov.options.host.map((o) => [o.key, o.count])).toEqual([
      ['demo.amocrm.ru', 11],
      ['demo.kommo.com', 1],
      ['x.bitrix24.ru', 1],
    ]); // options ignore the filter
  });

  it('agrees with matchesFilter (the exports’ filter) on every record', () => {
    const filters: Partial<Filter>[] = [
      {},
      { managers: ['Олег', 'Иван'] },
      { scope: 'mine', kind: 'loss' },
      { pipelines: ['3'], segments: ['inbound-b2b'] },
      { hosts: ['x.bitrix24.ru'], crms: ['bitrix24'] },
      { kind: 'junk', from: at(11, 1), to: at(11, 12) },
      { managers: ['nobody'] },
    ];
    for (const partial of filters) {
      const f = { ...EMPTY_FILTER, ...partial };
      const rows = compileRows(table, f, 'raw', env);
      RECORDS.forEach((r, i) => {
        expect(rows.base(i) && rows.inPeriod(i), `${JSON.stringify(partial)} #${i + 1}`).toBe(matchesFilter(r, f, DEFAULT_CATALOG, 'me'));
      });
    }
  });
});

describe('until: the figures stay exact to it with nothing written', () => {
  const figures = (q: StatsQuery, now: number, t = table) => {
    const { until: _, ...rest } = dashboardStats(t, q, { ...env, now });
    return rest;
  };

  it('is the first midnight a threshold is crossed, or a trend bucket is added: worked out by hand', () => {
    // Pending #9 (19 Nov) turns old at 22 Nov 00:00; the week of 23 Nov, follow-up #11 (due 25 Nov)
    // and the reasons' last uses (excuse-call-later, 6 Nov: unused from 7 Dec) come later.
    expect(dashboardStats(table, query(), env).until).toBe(at(11, 22, 0));
    expect(figures(query(), at(11, 22, 0) - 1)).toEqual(figures(query(), NOW));
    expect(dashboardStats(table, query(), { ...env, now: at(11, 22, 0) }).hygiene.pendingOld).toBe(2);
    // Олег has no recent pending close: the trend's next week (Monday 23 Nov) comes first.
    expect(dashboardStats(table, query({ managers: ['Олег'] }), env).until).toBe(at(11, 23, 0));
    // A closed period: its trend gains no bucket; the hygiene's lines still move.
    expect(dashboardStats(table, query({ from: at(11, 1, 0), to: at(11, 30, 0) }), env).until).toBe(at(11, 22, 0));
    expect(dashboardStats(table, query({ managers: ['Олег'], from: at(11, 1, 0), to: at(11, 30, 0) }), env).until).toBe(at(11, 25, 0));
  });

  it('holds on random tables: the same figures at any time before it, other figures at it', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const pick = <T,>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const reasons = ['price', 'spam', 'other', 'timing', 'excuse-call-later', 'competitor', 'closed-by-mistake'];
    for (let round = 0; round < 40; round++) {
      const now = NOW + Math.floor(random() * 40 * 86_400_000);
      const records = Array.from({ length: 5 + Math.floor(random() * 40) }, (_, n) => {
        const detectedAt = now - Math.floor(random() * 60 * 86_400_000);
        const status = pick(['tagged', 'tagged', 'pending', 'follow-up', 'withdrawn'] as const);
        return rec(n + 1, {
          status,
          detectedAt,
          reasonId: status === 'pending' ? null : status === 'follow-up' ? 'excuse-call-later' : pick(reasons),
          followUpAt: status === 'follow-up' ? daysAt(now, Math.floor(random() * 16) - 8) : null,
          manager: random() < 0.5 ? ANNA : OLEG,
        });
      });
      const t = tableOf(records);
      const q = { ...query(random() < 0.3 ? { managers: ['Олег'] } : {}), pendingDays: Math.floor(random() * 5), unusedDays: 1 + Math.floor(random() * 40) };
      const { until } = dashboardStats(t, q, { ...env, now });
      expect(until).not.toBeNull();
      expect(until!).toBeGreaterThan(now);
      const before = figures(q, now, t);
      for (const later of [now + 1, Math.floor((now + until!) / 2), until! - 1]) expect(figures(q, later, t)).toEqual(before);
      expect(figures(q, until!, t)).not.toEqual(before);
    }
  });
});

/** 10:00 local time, `days` days from the day of `t` (how the panel sets a follow-up: follow-up.ts). */
function daysAt(t: number, days: number): number {
  const d = new Date(t);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 10).getTime();
}

describe('drillRows', () => {
  const drill = (cell: Parameters<typeof drillRows>[2], search = '', view: StatsQuery['view'] = 'raw', f: Partial<Filter> = {}) =>
    ids(drillRows(table, query(f, view), cell, search, env));

  it('lists the records behind a bar, newest first, as many as the bar counts', () => {
    expect(drill({ subset: 'counted', reasonId: 'price' })).toEqual([2, 1, 5]);
    expect(drill({ subset: 'counted', reasonId: 'price' }, '', 'corrected')).toEqual([2, 1]);
    expect(drill({ subset: 'counted', manager: 'Олег', from: at(11, 1, 0), to: at(12, 1, 0) })).toEqual([6, 7]);
    expect(drill({ subset: 'counted', kind: 'junk' })).toEqual([7, 3]);
    expect(drill({ subset: 'counted', pipeline: '' })).toEqual([13]);
    expect(drill({ subset: 'counted', segment: 'outbound-b2b' })).toEqual([6]);
    expect(drill({ subset: 'counted' }, '', 'raw', { managers: ['Олег'] })).toEqual([6, 7, 5]);
  });

  it('lists hygiene and reopened subsets', () => {
    expect(drill({ subset: 'reopened' })).toEqual([5]);
    expect(drill({ subset: 'short-comment' })).toEqual([4]);
    expect(drill({ subset: 'pending' })).toEqual([9, 8]);
    expect(drill({ subset: 'pending-old' })).toEqual([8]);
    expect(drill({ subset: 'follow-up-due' })).toEqual([10]);
    expect(drill({ subset: 'counted', reasonId: 'unknown-id' })).toEqual([]);
  });

  it('searches the comments and titles, every word, any case', () => {
    expect(drill({ subset: 'counted' }, 'КОРОТКО')).toEqual([4]);
    expect(drill({ subset: 'counted' }, 'наша 80')).toEqual([6, 7, 2, 3, 1, 5, 13]);
    expect(drill({ subset: 'counted' }, 'кондиционер коротко')).toEqual([4]);
    expect(drill({ subset: 'counted' }, 'нет такого')).toEqual([]);
    // Words are text, not patterns: "80 тыс." finds the dot, "80.тыс" and "(" find nothing.
    expect(drill({ subset: 'counted' }, '80 тыс.')).toEqual([6, 7, 2, 3, 1, 5, 13]);
    expect(drill({ subset: 'counted' }, '80.тыс')).toEqual([]);
    expect(drill({ subset: 'counted' }, '( [ * \\')).toEqual([]);
  });

  it('finds any case in a table whose text was kept lower-cased (snapshots saved before) as in one kept as written', () => {
    const lowered = tableOf(RECORDS);
    lowered.text = lowered.text.map((x) => x?.toLowerCase());
    expect(ids(drillRows(lowered, query({}, 'raw'), { subset: 'counted' }, 'БЮДЖЕТ Наша', env))).toEqual(drill({ subset: 'counted' }, 'бюджет наша'));
    expect(drill({ subset: 'counted' }, 'БЮДЖЕТ Наша')).toEqual(drill({ subset: 'counted' }, 'бюджет наша'));
    expect(drill({ subset: 'counted' }, 'бюджет наша')).toHaveLength(7);
  });
});

describe('popupStats', () => {
  it('counts the period’s lost leads (corrected) and every pending close', () => {
    expect(popupStats(table, { from: at(11, 1, 0), to: null }, env)).toEqual({
      stored: 13,
      total: 5,
      junk: 2,
      loss: 3,
      pending: 2,
      reopened: 0,
      byReason: [
        { reasonId: 'price', count: 2 },
        { reasonId: 'competitor', count: 1 },
        { reasonId: 'spam', count: 1 },
        { reasonId: 'wrong-number', count: 1 },
      ],
    });
    expect(popupStats(table, { from: null, to: null }, env)).toMatchObject({ total: 7, reopened: 1, pending: 2 });
  });

  it('counts only this browser’s own pending closes: a colleague’s, merged from a file, is theirs to answer', () => {
    const theirs = rec(14, { status: 'pending', reasonId: null, comment: '', detectedAt: at(11, 19), owner: { id: 'colleague', name: 'Иван' } });
    const merged = tableOf([...RECORDS, theirs]);
    expect(popupStats(merged, { from: null, to: null }, env)).toMatchObject({ pending: 2, stored: 14 });
    expect(popupStats(merged, { from: null, to: null }, { ...env, identityId: 'colleague' })).toMatchObject({ pending: 1 });
  });
});
