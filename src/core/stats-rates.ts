/**
 * Loss and qualification rates, raw and corrected (seed 004: a team lead re-checked the closed
 * leads, found some written off by mistake, returned them to work, and the lead-to-qualified
 * conversion went from 44.62 % to 47.65 %).
 *
 * The user enters how many leads came in each month (WhyLost sees only the closed ones):
 *   qualification = (came in − junk) / came in      loss rate = losses / came in
 * Corrected figures leave out the leads returned to work.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import type { PeriodRow } from './protocol';

export const MonthKeySchema = lazySchema(() => z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month: YYYY-MM'));

export const INFLOW_VERSION = 1;
export const InflowSchema = lazySchema(() => z.object({
  version: z.literal(INFLOW_VERSION),
  /** Leads that came in, per month ('YYYY-MM'). */
  months: z.record(MonthKeySchema, z.number().int().min(0).max(100_000_000)),
}));
export type Inflow = z.infer<typeof InflowSchema>;
export const EMPTY_INFLOW: Inflow = { version: INFLOW_VERSION, months: {} };

/** A stored inflow value; anything invalid reads as empty (the numbers are re-entered, nothing breaks). */
export function readInflow(raw: unknown): Inflow {
  const parsed = InflowSchema.safeParse(raw);
  return parsed.success ? parsed.data : EMPTY_INFLOW;
}

export interface Rates {
  cameIn: number;
  qualification: { raw: number; corrected: number };
  lossRate: { raw: number; corrected: number };
  /** More junk and losses than leads that came in: the inflow figure looks wrong. */
  inconsistent: boolean;
}

export function ratesOf(row: Pick<PeriodRow, 'junk' | 'loss' | 'reopenedJunk' | 'reopenedLoss'>, cameIn: number | undefined): Rates | null {
  if (!cameIn) return null;
  return {
    cameIn,
    qualification: {
      raw: (cameIn - row.junk) / cameIn,
      corrected: (cameIn - (row.junk - row.reopenedJunk)) / cameIn,
    },
    lossRate: {
      raw: row.loss / cameIn,
      corrected: (row.loss - row.reopenedLoss) / cameIn,
    },
    inconsistent: row.junk + row.loss > cameIn,
  };
}
