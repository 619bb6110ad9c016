/**
 * Primitive schemas shared by every border (messages, storage, imports).
 * Types are always inferred from these schemas, never written by hand.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';

export const CRM_IDS = ['amocrm', 'bitrix24', 'onebox'] as const;
export const CrmIdSchema = lazySchema(() => z.enum(CRM_IDS));
export type CrmId = z.infer<typeof CrmIdSchema>;

export const LANGS = ['ru', 'uk', 'en'] as const;
export const LangSchema = lazySchema(() => z.enum(LANGS));
export type Lang = z.infer<typeof LangSchema>;

/** Segments: inbound vs outbound × companies (B2B) vs individuals (B2C). */
export const SEGMENTS = ['inbound-b2b', 'inbound-b2c', 'outbound-b2b', 'outbound-b2c'] as const;
export const SegmentSchema = lazySchema(() => z.enum(SEGMENTS));
export type Segment = z.infer<typeof SegmentSchema>;

/** Stable reason id: lower-case slug. Renaming a reason never changes it. */
export const ReasonIdSchema = lazySchema(() => z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a reason id is a lower-case slug (a-z, 0-9, "-")'));
export type ReasonId = z.infer<typeof ReasonIdSchema>;

/** A record id, created once at the moment a close is detected. */
export const RecordIdSchema = lazySchema(() => z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{7,63}$/, 'a record id is 8–64 letters, digits, "-" or "_"'));

/** Milliseconds since the epoch, limited to a plausible range (bad imports carry year 9999 or 1970). */
export const MIN_TIME = Date.UTC(2000, 0, 1);
export const MAX_TIME = Date.UTC(2100, 0, 1);
export const TimestampSchema = lazySchema(() => z
  .number()
  .int()
  .min(MIN_TIME, 'date before 2000')
  .max(MAX_TIME, 'date after 2100'));

/** Host name of a CRM portal, lower-case, no port. */
export const HostSchema = lazySchema(() => z
  .string()
  .min(1)
  .max(253)
  .regex(/^[a-z0-9.-]+$/, 'a host name (letters, digits, dots, dashes)'));

export const LocalizedTextSchema = lazySchema(() => z
  .object({
    ru: z.string().max(200).optional(),
    uk: z.string().max(200).optional(),
    en: z.string().max(200).optional(),
  })
  .refine((t) => Boolean(t.ru || t.uk || t.en), 'at least one language needs a text'));
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

/** Picks the text for a language, falling back to the others (en → ru → uk). */
export function pickText(text: LocalizedText | undefined, lang: Lang): string {
  if (!text) return '';
  return text[lang] || text.en || text.ru || text.uk || '';
}

/** An id with an optional human name: pipelines, stages. */
export const NamedSchema = lazySchema(() => z.object({
  id: z.string().min(1).max(100),
  name: z.string().max(300).nullable(),
}));
export type Named = z.infer<typeof NamedSchema>;

export function newRecordId(): string {
  return crypto.randomUUID();
}
