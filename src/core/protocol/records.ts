/**
 * Messages about rejection records: capture a close, tag it, withdraw it, read them.
 */
import { z } from 'zod';
import { RecordIdSchema, ReasonIdSchema, TimestampSchema } from '../primitives';
import { AnswerSchema, LeadContextSchema, RejectionSchema, ViaSchema } from '../rejection';
import { EmptySchema, result } from './common';

export const CaptureRequestSchema = z.object({
  id: RecordIdSchema,
  via: ViaSchema,
  detectedAt: TimestampSchema,
  context: LeadContextSchema,
});
export type CaptureRequest = z.infer<typeof CaptureRequestSchema>;

export const CaptureValueSchema = z.object({
  /** The record's id: the one sent, or an earlier record of the same close (DOM and request both saw it). */
  id: RecordIdSchema,
  created: z.boolean(),
  record: RejectionSchema,
});

export const TagRequestSchema = z.object({
  id: RecordIdSchema,
  answer: AnswerSchema,
  /** The capture again, so a tag whose pending write was lost (background restarted) still lands once. */
  capture: CaptureRequestSchema.optional(),
});
export type TagRequest = z.infer<typeof TagRequestSchema>;

export const SummaryRequestSchema = z.object({
  from: TimestampSchema.nullable(),
  to: TimestampSchema.nullable(),
});
export const ReasonCountSchema = z.object({ reasonId: ReasonIdSchema, count: z.number().int() });
export const SummarySchema = z.object({
  total: z.number().int(),
  junk: z.number().int(),
  loss: z.number().int(),
  pending: z.number().int(),
  byReason: z.array(ReasonCountSchema),
});
export type Summary = z.infer<typeof SummarySchema>;

export const RECORD_MESSAGES = {
  /** A close was detected: write a pending record now, before anything is asked. */
  capture: { request: CaptureRequestSchema, response: result(CaptureValueSchema) },
  /** The manager's answer for a captured close. */
  tag: { request: TagRequestSchema, response: result(RejectionSchema) },
  /** The close was undone in the CRM: withdraw the record. */
  withdraw: { request: z.object({ id: RecordIdSchema }), response: result(RejectionSchema) },
  getRecord: { request: z.object({ id: RecordIdSchema }), response: result(RejectionSchema) },
  summary: { request: SummaryRequestSchema, response: result(SummarySchema) },
  pending: { request: EmptySchema, response: result(z.array(RejectionSchema)) },
} as const;
