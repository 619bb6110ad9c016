/**
 * Messages that change a record after the fact: a new answer (reason, comment, extras) for a
 * pending or already tagged record, and "closed by mistake → returned to work".
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RecordIdSchema } from '../primitives';
import { AnswerSchema, MAX_COMMENT, RejectionSchema } from '../rejection';
import { message } from './common';

export const EditAnswerRequestSchema = lazySchema(() => z.object({ id: RecordIdSchema, answer: AnswerSchema }));
export type EditAnswerRequest = z.infer<typeof EditAnswerRequestSchema>;

export const ReopenRequestSchema = lazySchema(() => z.object({
  id: RecordIdSchema,
  /** true: mark "closed by mistake, returned to work"; false: take the mark back. */
  reopened: z.boolean(),
  note: z.string().max(MAX_COMMENT),
  /** Who says so; the background falls back to the WhyLost identity. */
  by: z.string().max(200).optional(),
}));
export type ReopenRequest = z.infer<typeof ReopenRequestSchema>;

export const EDIT_MESSAGES = {
  /** Change the answer of a record (tags it if it was pending). Refused for withdrawn records. */
  editAnswer: message(() => EditAnswerRequestSchema, () => RejectionSchema),
  /** Mark or unmark a record as closed by mistake; kept for the corrected statistics. */
  reopen: message(() => ReopenRequestSchema, () => RejectionSchema),
} as const;
