/**
 * Statistics messages: the popup summary, the dashboard's aggregates for a filter, and the
 * drill-down list of records behind any bar or cell. Computed in the background from its
 * column cache (storage/stats-cache.ts); only aggregates and one page of records travel.
 */
import { z } from 'zod';
import { FilterSchema } from '../filters';
import { lazySchema } from '../lazy-schema';
import { ReasonIdSchema, SegmentSchema, TimestampSchema } from '../primitives';
import { RejectionSchema } from '../rejection';
import { message } from './common';
import { ReasonCountSchema } from './records';

const Count = lazySchema(() => z.number().int().min(0));
const Share = lazySchema(() => z.number().min(0).max(1));

/** raw: as the managers closed them; corrected: leads returned to work ("closed by mistake") left out. */
export const StatsViewSchema = lazySchema(() => z.enum(['raw', 'corrected']));
export type StatsView = z.infer<typeof StatsViewSchema>;

export const StatsQuerySchema = lazySchema(() => z.object({
  filter: FilterSchema,
  view: StatsViewSchema,
  /** Catalog hygiene: a reason unused this many days is listed. */
  unusedDays: z.number().int().min(1).max(3650),
  /** Catalog hygiene: pending closes older than this many days are counted. */
  pendingDays: z.number().int().min(0).max(3650),
}));
export type StatsQuery = z.infer<typeof StatsQuerySchema>;

export const PopupStatsRequestSchema = lazySchema(() => z.object({ from: TimestampSchema.nullable(), to: TimestampSchema.nullable() }));
export const PopupStatsSchema = lazySchema(() => z.object({
  /** Records in the database: 0 means a new user. */
  stored: Count,
  /** Lost leads in the period (corrected: reopened ones left out), junk + loss. */
  total: Count,
  junk: Count,
  loss: Count,
  /** Closes waiting for a reason, whatever the period. */
  pending: Count,
  /** Leads of the period returned to work (not in the total). */
  reopened: Count,
  byReason: z.array(ReasonCountSchema),
}));
export type PopupStats = z.infer<typeof PopupStatsSchema>;

export const OptionSchema = lazySchema(() => z.object({ key: z.string(), label: z.string(), count: Count }));
export type Option = z.infer<typeof OptionSchema>;

/** Buckets (week or month starts) × reasons: counts[bucket][reason]. */
export const TrendSchema = lazySchema(() => z.object({
  starts: z.array(TimestampSchema),
  reasons: z.array(ReasonIdSchema),
  counts: z.array(z.array(Count)),
}));
export type Trend = z.infer<typeof TrendSchema>;

export const GroupRowSchema = lazySchema(() => z.object({
  key: z.string(),
  label: z.string(),
  total: Count,
  junk: Count,
  loss: Count,
  byReason: z.array(ReasonCountSchema),
}));
export type GroupRow = z.infer<typeof GroupRowSchema>;

/** A manager's use of a reason against the rest of the team (the other managers in the filter). */
export const SkewSchema = lazySchema(() => z.object({
  reasonId: ReasonIdSchema,
  count: Count,
  share: Share,
  restShare: Share,
  /** share − restShare, in parts of 1 (0.2 = 20 percentage points more than the rest). */
  diff: z.number().min(-1).max(1),
  /** Large and frequent enough to point out. */
  flagged: z.boolean(),
}));
export type Skew = z.infer<typeof SkewSchema>;
export const ManagerRowSchema = lazySchema(() => GroupRowSchema.extend({ skew: z.array(SkewSchema) }));
export type ManagerRow = z.infer<typeof ManagerRowSchema>;

/** One month of raw vs corrected: corrected = raw − reopened. */
export const PeriodRowSchema = lazySchema(() => z.object({
  start: TimestampSchema,
  month: z.string().regex(/^\d{4}-\d{2}$/),
  junk: Count,
  loss: Count,
  reopenedJunk: Count,
  reopenedLoss: Count,
}));
export type PeriodRow = z.infer<typeof PeriodRowSchema>;

export const HygieneSchema = lazySchema(() => z.object({
  unusedDays: z.number().int(),
  /** Active reasons not used in the last unusedDays (lastUsed null: never, in these filters). */
  unused: z.array(z.object({ reasonId: ReasonIdSchema, lastUsed: TimestampSchema.nullable() })),
  other: z.object({ count: Count, of: Count }),
  shortComments: z.object({ count: Count, of: Count, minLength: z.number().int() }),
  pendingDays: z.number().int(),
  /** Pending older than pendingDays and follow-ups due now — whatever the period. */
  pendingOld: Count,
  followUpsDue: Count,
}));
export type Hygiene = z.infer<typeof HygieneSchema>;

export const DashboardStatsSchema = lazySchema(() => z.object({
  stored: Count,
  /** Records passing the filter, any status. */
  matched: Count,
  totals: z.object({
    counted: Count,
    junk: Count,
    loss: Count,
    pending: Count,
    followUp: Count,
    withdrawn: Count,
    /** Tagged records of the period returned to work (in raw, out of corrected). */
    reopened: Count,
  }),
  reasons: z.array(ReasonCountSchema),
  trend: z.object({ week: TrendSchema, month: TrendSchema }),
  managers: z.array(ManagerRowSchema),
  pipelines: z.array(GroupRowSchema),
  segments: z.array(GroupRowSchema),
  corrected: z.array(PeriodRowSchema),
  hygiene: HygieneSchema,
  /** What the filters can offer, over all stored records. */
  options: z.object({
    crm: z.array(OptionSchema),
    host: z.array(OptionSchema),
    pipeline: z.array(OptionSchema),
    manager: z.array(OptionSchema),
    segment: z.array(OptionSchema),
  }),
  /**
   * Until when these figures stay exact if nothing is written (a time filter's bounds are the
   * query's): the trend's next bucket, the next pending close to turn old, follow-up to fall due,
   * reason to become unused. null: never. Figures kept from last time are shown only before it.
   */
  until: z.number().nullable(),
}));
export type DashboardStats = z.infer<typeof DashboardStatsSchema>;

/** Which records a bar or cell stands for, on top of the query's filter. */
export const DrillCellSchema = lazySchema(() => z.object({
  reasonId: ReasonIdSchema.optional(),
  manager: z.string().max(200).optional(),
  pipeline: z.string().max(100).optional(),
  /** '' = records without a segment. */
  segment: z.union([SegmentSchema, z.literal('')]).optional(),
  /** A bucket: [from, to). */
  from: TimestampSchema.optional(),
  to: TimestampSchema.optional(),
  kind: z.enum(['junk', 'loss']).optional(),
  /**
   * counted: the records the statistics count (view applied); reopened: returned to work;
   * short-comment: counted with a comment under the minimum; pending-old, follow-up-due: as in
   * hygiene (whatever the period); pending: closes waiting for a reason.
   */
  subset: z.enum(['counted', 'reopened', 'short-comment', 'pending', 'pending-old', 'follow-up-due']),
}));
export type DrillCell = z.infer<typeof DrillCellSchema>;

export const DRILL_PAGE_MAX = 200;
export const DrillRequestSchema = lazySchema(() => z.object({
  query: StatsQuerySchema,
  cell: DrillCellSchema,
  /** Words looked for in the comment and the lead title (case-insensitive). */
  search: z.string().max(200),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(DRILL_PAGE_MAX),
}));
export type DrillRequest = z.infer<typeof DrillRequestSchema>;
export const DrillPageSchema = lazySchema(() => z.object({ total: Count, records: z.array(RejectionSchema) }));
export type DrillPage = z.infer<typeof DrillPageSchema>;

export const STATS_MESSAGES = {
  popupStats: message(() => PopupStatsRequestSchema, () => PopupStatsSchema),
  dashboardStats: message(() => StatsQuerySchema, () => DashboardStatsSchema),
  drill: message(() => DrillRequestSchema, () => DrillPageSchema),
} as const;
