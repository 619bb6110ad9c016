/**
 * User settings: one versioned object, validated with zod whenever it is read.
 * An invalid stored value never breaks the extension: it falls back to the defaults and says so.
 */
import { z } from 'zod';
import { CrmIdSchema, HostSchema, LangSchema, SegmentSchema, type CrmId } from './primitives';

export const SETTINGS_VERSION = 1;

export const DEFAULT_PLACEHOLDERS = [
  '-', '--', '.', '..', '...', '…', '?', '+', '0', 'нет', 'не', 'ні', 'немає', 'нема', 'no', 'none', 'n/a', 'na',
  'ok', 'ок', 'х', 'x', 'xxx', 'ничего', 'нічого', 'отказ', 'відмова', 'test', 'тест', 'asd', 'qwe', 'йцу',
];

export const CommentRulesSchema = z.object({
  /** 'always': every reason needs a comment; 'per-reason': only reasons marked so (and "Other"). */
  required: z.enum(['always', 'per-reason']),
  minLength: z.number().int().min(1).max(500),
  placeholders: z.array(z.string().max(50)).max(200),
  /** Soft reasons: below this many attempts the panel proposes a follow-up instead of a write-off. */
  softAttemptThreshold: z.number().int().min(1).max(50),
});
export type CommentRules = z.infer<typeof CommentRulesSchema>;

export const SegmentRuleSchema = z.object({
  crm: CrmIdSchema.nullable(),
  host: HostSchema.nullable(),
  pipelineId: z.string().max(100).nullable(),
  stageId: z.string().max(100).nullable(),
  segment: SegmentSchema,
});
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;

/** A portal on its own domain, added by the user (permission asked at that moment). */
export const ExtraHostSchema = z.object({
  host: HostSchema,
  scheme: z.enum(['https', 'http']),
  crm: z.enum(['bitrix24', 'onebox']),
});
export type ExtraHost = z.infer<typeof ExtraHostSchema>;

export const OneboxStagesSchema = z.object({
  host: z.union([HostSchema, z.literal('*')]),
  /** Stage names (case-insensitive) or ids that mean "refused". */
  stages: z.array(z.string().min(1).max(200)).max(100),
});

export const SettingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  /** 'auto' follows the browser's language. */
  language: z.union([z.literal('auto'), LangSchema]),
  identity: z.object({
    /** Random id made at install; keeps one manager's records apart in merged team data. */
    id: z.string().min(1).max(100),
    name: z.string().max(200),
    /** The name was taken from the CRM page (not typed by the user). */
    fromCrm: z.boolean(),
  }),
  comments: CommentRulesSchema,
  crms: z.record(CrmIdSchema, z.object({ enabled: z.boolean(), strict: z.boolean() })),
  extraHosts: z.array(ExtraHostSchema).max(100),
  onebox: z.array(OneboxStagesSchema).max(100),
  segmentRules: z.array(SegmentRuleSchema).max(500),
  defaultSegment: SegmentSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_ONEBOX_STAGES = ['Відмова', 'Відмовлено', 'Закрито без оплати', 'Отказ', 'Отказано', 'Закрыто без оплаты'];

export function defaultSettings(identityId: string): Settings {
  const crm = { enabled: true, strict: false };
  return {
    version: SETTINGS_VERSION,
    language: 'auto',
    identity: { id: identityId, name: '', fromCrm: false },
    comments: { required: 'always', minLength: 10, placeholders: DEFAULT_PLACEHOLDERS, softAttemptThreshold: 3 },
    crms: { amocrm: { ...crm }, bitrix24: { ...crm }, onebox: { ...crm } } satisfies Record<CrmId, unknown>,
    extraHosts: [],
    onebox: [{ host: '*', stages: DEFAULT_ONEBOX_STAGES }],
    segmentRules: [],
    defaultSegment: 'inbound-b2b',
  };
}

export type SettingsRead = { settings: Settings; problem: string | null };

/**
 * Reads a stored settings value. Anything invalid gives the defaults plus a readable problem,
 * so the UI can show a notice instead of the extension breaking.
 */
export function readSettings(raw: unknown, identityId: string): SettingsRead {
  if (raw === null || raw === undefined) return { settings: defaultSettings(identityId), problem: null };
  const parsed = SettingsSchema.safeParse(raw);
  if (parsed.success) return { settings: parsed.data, problem: null };
  const first = parsed.error.issues[0];
  const where = first?.path.length ? first.path.join('.') : 'settings';
  return {
    settings: defaultSettings(identityId),
    problem: `${where}: ${first?.message ?? 'invalid'}`,
  };
}
