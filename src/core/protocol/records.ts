/**
 * Messages about rejection records: capture a close, tag it, withdraw it, read them.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RecordIdSchema, ReasonIdSchema, TimestampSchema } from '../primitives';
import { AnswerSchema, LeadContextSchema, RejectionSchema, ViaSchema } from '../rejection';
import { EmptySchema, message } from './common';

export const CaptureRequestSchema = lazySchema(() => z.object({
  id: RecordIdSchema,
  via: ViaSchema,
  detectedAt: TimestampSchema,
  context: LeadContextSchema,
}));
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

export const CaptureValueSchema = lazySchema(() => z.object({
  /** The record's id: the one sent, or an earlier record of the same close (DOM and request both saw it). */
  id: RecordIdSchema,
  created: z.boolean(),
  record: RejectionSchema,
}));

export const TagRequestSchema = lazySchema(() => z.object({
  id: RecordIdSchema,
  answer: AnswerSchema,
  /** The capture again, so a tag whose pending write was lost (background restarted) still lands once. */
  capture: CaptureRequestSchema.optional(),
}));
export type TagRequest = z.infer<typeof TagRequestSchema>;

export const SummaryRequestSchema = lazySchema(() => z.object({
  from: TimestampSchema.nullable(),
  to: TimestampSchema.nullable(),
}));
export const ReasonCountSchema = lazySchema(() => z.object({ reasonId: ReasonIdSchema, count: z.number().int() }));
export const SummarySchema = lazySchema(() => z.object({
  total: z.number().int(),
  junk: z.number().int(),
  loss: z.number().int(),
  pending: z.number().int(),
  byReason: z.array(ReasonCountSchema),
}));
export type Summary = z.infer<typeof SummarySchema>;

export const RECORD_MESSAGES = {
  /** A close was detected: write a pending record now, before anything is asked. */
  capture: message(() => CaptureRequestSchema, () => CaptureValueSchema),
  /** The manager's answer for a captured close. */
  tag: message(() => TagRequestSchema, () => RejectionSchema),
  /** The close was undone in the CRM: withdraw the record. */
  withdraw: message(() => z.object({ id: RecordIdSchema }), () => RejectionSchema),
  getRecord: message(() => z.object({ id: RecordIdSchema }), () => RejectionSchema),
  summary: message(() => SummaryRequestSchema, () => SummarySchema),
  pending: message(() => EmptySchema, () => z.array(RejectionSchema)),
} as const;
