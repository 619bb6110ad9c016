/**
 * The rejection record: one lead or deal closed as lost or junk, with the reason given for it.
 * A record is born `pending` at the moment the close is detected (so nothing is lost if the
 * manager defers, closes the tab or the browser crashes), then tagged with a reason.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import {
  CrmIdSchema,
  HostSchema,
  NamedSchema,
  ReasonIdSchema,
  RecordIdSchema,
  SegmentSchema,
  TimestampSchema,
} from './primitives';

export const RejectionStatusSchema = lazySchema(() => z.enum([
  'pending', // detected, no reason yet
  'tagged', // reason given: counts in statistics
  'follow-up', // soft reason below the attempts threshold: the lead is to be called again
  'withdrawn', // the close was undone in the CRM (e.g. Bitrix24 kanban «Отменить»)
]));
export type RejectionStatus = z.infer<typeof RejectionStatusSchema>;

export const EntityTypeSchema = lazySchema(() => z.enum(['lead', 'deal', 'smart', 'order']));
export type EntityType = z.infer<typeof EntityTypeSchema>;

/** How the close was made. */
export const ViaSchema = lazySchema(() => z.enum(['card', 'kanban', 'list', 'request', 'stageflow', 'manual']));
export type Via = z.infer<typeof ViaSchema>;

export const PersonSchema = lazySchema(() => z.object({
  id: z.string().max(100).nullable(),
  name: z.string().max(200).nullable(),
}));
export type Person = z.infer<typeof PersonSchema>;

/** What the page tells about the closed lead. Everything but the lead id may be unknown. */
export const LeadContextSchema = lazySchema(() => z.object({
  crm: CrmIdSchema,
  host: HostSchema,
  /** amoCRM account subdomain, Bitrix24 portal, OneBox instance name. */
  account: z.string().max(200).nullable(),
  entityType: EntityTypeSchema,
  /** Bitrix24 smart-process entityTypeId; null elsewhere. */
  entityTypeId: z.string().max(50).nullable(),
  leadId: z.string().min(1).max(100),
  title: z.string().max(1000).nullable(),
  url: z.string().max(2000),
  amount: z.number().finite().nullable(),
  currency: z.string().max(10).nullable(),
  pipeline: NamedSchema.nullable(),
  fromStage: NamedSchema.nullable(),
  toStage: NamedSchema,
  /** The CRM's current user, read from the page. */
  manager: PersonSchema,
  /** The CRM's own loss reason where it has one (amoCRM loss reasons). */
  native: z.object({ id: z.string().max(100).nullable(), name: z.string().max(300).nullable() }).nullable(),
}));
export type LeadContext = z.infer<typeof LeadContextSchema>;

export const MAX_COMMENT = 5000;

/** The answer the manager gives in the panel. */
export const AnswerSchema = lazySchema(() => z.object({
  segment: SegmentSchema.nullable(),
  reasonId: ReasonIdSchema.nullable(),
  comment: z.string().max(MAX_COMMENT),
  secondaryReasonIds: z.array(ReasonIdSchema).max(10),
  competitor: z.string().max(200).nullable(),
  attempts: z.number().int().min(0).max(1000).nullable(),
  followUpAt: TimestampSchema.nullable(),
}));
export type Answer = z.infer<typeof AnswerSchema>;

export const EMPTY_ANSWER: Answer = {
  segment: null,
  reasonId: null,
  comment: '',
  secondaryReasonIds: [],
  competitor: null,
  attempts: null,
  followUpAt: null,
};

export const RejectionSchema = lazySchema(() => LeadContextSchema.extend(AnswerSchema.shape).extend({
  id: RecordIdSchema,
  status: RejectionStatusSchema,
  /** `${crm}|${host}|${entityType}|${leadId}`: finds the records of one lead. */
  leadKey: z.string().max(600),
  via: ViaSchema,
  detectedAt: TimestampSchema,
  /** Last change; on merge the newer edit of a record wins. */
  updatedAt: TimestampSchema,
  taggedAt: TimestampSchema.nullable(),
  withdrawnAt: TimestampSchema.nullable(),
  /** "Closed by mistake → returned to work": kept for the corrected statistics. */
  reopened: z.object({ at: TimestampSchema, by: z.string().max(200), note: z.string().max(MAX_COMMENT) }).nullable(),
  /** The WhyLost user (manager identity) who recorded it; team views group by it. */
  owner: z.object({ id: z.string().min(1).max(100), name: z.string().max(200) }),
}));
export type Rejection = z.infer<typeof RejectionSchema>;

export function leadKeyOf(c: Pick<LeadContext, 'crm' | 'host' | 'entityType' | 'entityTypeId' | 'leadId'>): string {
  const type = c.entityTypeId ? `${c.entityType}:${c.entityTypeId}` : c.entityType;
  return `${c.crm}|${c.host}|${type}|${c.leadId}`;
}

/** Records in these states count as rejections in statistics. */
export function isCounted(r: Pick<Rejection, 'status' | 'reasonId'>): boolean {
  return r.status === 'tagged' && r.reasonId !== null;
}
