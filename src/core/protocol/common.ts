/**
 * Shared pieces of the message protocol: the failure shape every response may take.
 */
import { z } from 'zod';
import { lazySchema } from '../lazy-schema';

export const ErrorCodeSchema = lazySchema(() => z.enum(['invalid-message', 'not-found', 'rules', 'quota', 'storage', 'forbidden', 'unavailable']));
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;
export const FailureSchema = lazySchema(() => z.object({
  ok: z.literal(false),
  error: z.object({ code: ErrorCodeSchema, message: z.string() }),
}));
export type Failure = z.infer<typeof FailureSchema>;

/** A response: `{ ok: true, value }` or a failure with a code and a readable message. */
function result<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [z.object({ ok: z.literal(true), value }), FailureSchema]);
}

/**
 * One message's schemas: its request, and its response (`result` of the value). Both are built
 * when the message is first sent or served (lazy-schema.ts), so a context that uses a few
 * messages does not build every message's schemas when it starts.
 */
export function message<Q extends z.ZodType, V extends z.ZodType>(request: () => Q, value: () => V) {
  return { request: lazySchema(request), response: lazySchema(() => result(value())) };
}

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

export const EmptySchema = lazySchema(() => z.object({}).strict());
