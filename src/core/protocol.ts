/**
 * The one message protocol between content scripts, extension pages and the background
 * (which owns the database). Each message has a request and a response schema: requests are
 * parsed where they arrive (the background), responses where they return.
 */
import { z } from 'zod';
import { HealthReportSchema } from './health';
import { HostSchema, RecordIdSchema, ReasonIdSchema, TimestampSchema } from './primitives';
import { AnswerSchema, LeadContextSchema, RejectionSchema, ViaSchema } from './rejection';

export const ErrorCodeSchema = z.enum(['invalid-message', 'not-found', 'rules', 'quota', 'storage', 'forbidden']);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export const FailureSchema = z.object({
  ok: z.literal(false),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
});
export type Failure = z.infer<typeof FailureSchema>;

function result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), FailureSchema]);
}

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

const Empty = z.object({}).strict();

export const PROTOCOL = {
  /** A close was detected: write a pending record now, before anything is asked. */
  capture: { request: CaptureRequestSchema, response: result(CaptureValueSchema) },
  /** The manager's answer for a captured close. */
  tag: { request: TagRequestSchema, response: result(RejectionSchema) },
  /** The close was undone in the CRM: withdraw the record. */
  withdraw: { request: z.object({ id: RecordIdSchema }), response: result(RejectionSchema) },
  getRecord: { request: z.object({ id: RecordIdSchema }), response: result(RejectionSchema) },
  summary: { request: SummaryRequestSchema, response: result(SummarySchema) },
  pending: { request: Empty, response: result(z.array(RejectionSchema)) },
  reportHealth: { request: HealthReportSchema, response: result(z.null()) },
  health: { request: z.object({ host: HostSchema.nullable() }), response: result(z.array(HealthReportSchema)) },
} as const;

export type MessageName = keyof typeof PROTOCOL;
export type RequestOf<K extends MessageName> = z.input<(typeof PROTOCOL)[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<(typeof PROTOCOL)[K]['response']>;
export type ValueOf<K extends MessageName> = Extract<ResponseOf<K>, { ok: true }>['value'];

/** The map @webext-core/messaging types its functions with. */
export type ProtocolMap = { [K in MessageName]: (data: RequestOf<K>) => ResponseOf<K> };

export function failure(code: ErrorCode, message: string): Failure {
  return { ok: false, error: { code, message } };
}

/** Short readable text of a zod error: "context.leadId: Required; …". */
export function describeZodError(error: z.ZodError, max = 3): string {
  return error.issues
    .slice(0, max)
    .map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`)
    .join('; ');
}
