/**
 * User settings: one versioned object, validated with zod whenever it is read.
 * An invalid stored value never breaks the extension: it falls back to the defaults and says so.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CrmIdSchema, HostSchema, LangSchema, SegmentSchema, type CrmId } from './primitives';

export const SETTINGS_VERSION = 1;

export const DEFAULT_PLACEHOLDERS = [
  '-', '--', '.', '..', '...', '…', '?', '+', '0', 'нет', 'не', 'ні', 'немає', 'нема', 'no', 'none', 'n/a', 'na',
  'ok', 'ок', 'х', 'x', 'xxx', 'ничего', 'нічого', 'отказ', 'відмова', 'test', 'тест', 'asd', 'qwe', 'йцу',
];

/** Bounds of the comment rules, shared by the schema and the editor's messages. */
export const COMMENT_LIMITS = {
  minLength: { min: 1, max: 500 },
  softAttemptThreshold: { min: 1, max: 50 },
  placeholder: { max: 50 },
  placeholders: { max: 200 },
} as const;

export const CommentRulesSchema = lazySchema(() => z.object({
  /** 'always': every reason needs a comment; 'per-reason': only reasons marked so (and "Other"). */
  required: z.enum(['always', 'per-reason']),
  minLength: z.number().int().min(COMMENT_LIMITS.minLength.min).max(COMMENT_LIMITS.minLength.max),
  placeholders: z.array(z.string().max(COMMENT_LIMITS.placeholder.max)).max(COMMENT_LIMITS.placeholders.max),
  /** Soft reasons: below this many attempts the panel proposes a follow-up instead of a write-off. */
  softAttemptThreshold: z.number().int().min(COMMENT_LIMITS.softAttemptThreshold.min).max(COMMENT_LIMITS.softAttemptThreshold.max),
}));
export type CommentRules = z.infer<typeof CommentRulesSchema>;

export const SegmentRuleSchema = lazySchema(() => z.object({
  crm: CrmIdSchema.nullable(),
  host: HostSchema.nullable(),
  pipelineId: z.string().max(100).nullable(),
  stageId: z.string().max(100).nullable(),
  segment: SegmentSchema,
}));
export type SegmentRule = z.infer<typeof SegmentRuleSchema>;

/** A portal on its own domain, added by the user (permission asked at that moment). */
export const ExtraHostSchema = lazySchema(() => z.object({
  host: HostSchema,
  scheme: z.enum(['https', 'http']),
  crm: z.enum(['bitrix24', 'onebox']),
}));
export type ExtraHost = z.infer<typeof ExtraHostSchema>;

export const OneboxStagesSchema = lazySchema(() => z.object({
  host: z.union([HostSchema, z.literal('*')]),
  /** Stage names (case-insensitive) or ids that mean "refused". */
  stages: z.array(z.string().min(1).max(200)).max(100),
}));

export const SettingsSchema = lazySchema(() => z.object({
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
}));
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
 * Versions of the stored settings object. The version lives inside the object (not only in
 * WXT's storage meta key), so the same migrations serve every reader — content scripts, pages,
 * the background — and a settings object carried in a backup file. Reads migrate in memory and
 * never write: the next save stores the current shape.
 *
 * A migration is keyed by the version it produces: `{ 2: (v1) => v2 }`. Every migration stays
 * here forever, with a test that reads an object of the older shape. None exists yet: the shape
 * is still the first one (v1).
 */
export type SettingsMigration = (old: Record<string, unknown>) => Record<string, unknown>;
export const SETTINGS_MIGRATIONS: Readonly<Record<number, SettingsMigration>> = {};

export type Migrated = { ok: true; value: Record<string, unknown>; from: number } | { ok: false; problem: string };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function migrateSettings(
  raw: unknown,
  migrations: Readonly<Record<number, SettingsMigration>> = SETTINGS_MIGRATIONS,
  target: number = SETTINGS_VERSION,
): Migrated {
  if (!isRecord(raw)) return { ok: false, problem: 'settings: not an object' };
  const from = raw.version;
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 1) {
    return { ok: false, problem: 'settings.version: missing or not a version number' };
  }
  if (from > target) {
    return { ok: false, problem: `settings.version: saved by a newer WhyLost (format ${from}; this one reads up to ${target})` };
  }
  let value: Record<string, unknown> = raw;
  for (let v = from + 1; v <= target; v++) {
    const step = migrations[v];
    if (!step) return { ok: false, problem: `settings.version: no migration to format ${v}` };
    value = { ...step(value), version: v };
  }
  return { ok: true, value, from };
}

type Part = Exclude<keyof Settings, 'version'>;
/** A notice names this many broken parts at most. */
const MAX_NAMED = 3;
const PARTS = Object.keys(SettingsSchema.shape).filter((k): k is Part => k !== 'version');

/**
 * Reads a stored settings value: migrated to the current format, then validated. A part that is
 * invalid (say, a broken comment rule) falls back to its default alone, and the problem is named
 * so the UI can show a notice; the valid parts (portals, segment rules…) stay in force. Anything
 * unreadable as a whole gives the defaults plus the problem. Never throws.
 */
export function readSettings(raw: unknown, identityId: string): SettingsRead {
  const defaults = defaultSettings(identityId);
  if (raw === null || raw === undefined) return { settings: defaults, problem: null };
  const migrated = migrateSettings(raw);
  if (!migrated.ok) return { settings: defaults, problem: migrated.problem };
  const parsed = SettingsSchema.safeParse(migrated.value);
  if (parsed.success) return { settings: parsed.data, problem: null };

  const salvaged: Record<string, unknown> = { ...defaults };
  const problems: string[] = [];
  for (const part of PARTS) {
    const one = SettingsSchema.shape[part].safeParse(migrated.value[part]);
    if (one.success) {
      salvaged[part] = one.data;
    } else {
      const first = one.error.issues[0];
      problems.push(`${[part, ...(first?.path ?? [])].join('.')}: ${first?.message ?? 'invalid'}`);
    }
  }
  const whole = SettingsSchema.safeParse(salvaged);
  const problem = problems.length
    ? problems.slice(0, MAX_NAMED).join('; ') + (problems.length > MAX_NAMED ? `; +${problems.length - MAX_NAMED} more` : '')
    : 'settings: invalid';
  return whole.success ? { settings: whole.data, problem } : { settings: defaults, problem };
}
