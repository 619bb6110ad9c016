/**
 * A CRM's own loss reason, learnt after the close was captured (amoCRM asks for it in a modal
 * after the status is already 143): set on the record the close made.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';
import { RecordIdSchema } from '../primitives';
import { LeadContextSchema, RejectionSchema } from '../rejection';
import { message } from './common';
import { CaptureRequestSchema } from './records';

export const NativeReasonSchema = lazySchema(() => LeadContextSchema.shape.native.unwrap());

export const SetNativeRequestSchema = lazySchema(() => z.object({
  id: RecordIdSchema,
  native: NativeReasonSchema,
  /** The capture again, so a native reason that overtakes its pending write still lands on one record. */
  capture: CaptureRequestSchema.optional(),
}));
export type SetNativeRequest = z.infer<typeof SetNativeRequestSchema>;

export const NATIVE_MESSAGES = {
  setNative: message(() => SetNativeRequestSchema, () => RejectionSchema),
} as const;
