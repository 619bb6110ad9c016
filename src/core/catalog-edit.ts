/**
 * Editing the reason catalog: pure functions from a catalog to the next one. Every edit keeps
 * ids (renaming changes labels only, so old records keep counting under the reason), retires
 * instead of deleting, bumps `revision` and `updatedAt` (a shared catalog file says which copy is
 * newer), and is refused with problem codes the UI words in its language.
 */
import { CatalogSchema, DEFAULT_REASONS, reasonsForSegment, type Catalog, type Reason } from './catalog';
import { LANGS, ReasonIdSchema, SEGMENTS, type Lang, type LocalizedText, type Segment } from './primitives';

/** What the editor form holds: texts as typed (empty = none). */
export interface ReasonDraft {
  id: string;
  kind: Reason['kind'];
  label: Record<Lang, string>;
  description: Record<Lang, string>;
  segments: 'all' | Segment[];
  commentRequired: boolean;
  soft: boolean;
}

export const MAX_LABEL = 200;

export type EditProblem =
  | { code: 'id-empty' }
  | { code: 'id-invalid'; id: string }
  | { code: 'id-taken'; id: string }
  | { code: 'label-empty' }
  | { code: 'text-too-long'; max: number }
  | { code: 'segments-empty' }
  | { code: 'segment-without-reasons'; segment: Segment }
  | { code: 'not-found'; id: string }
  | { code: 'invalid'; message: string };

export type EditResult = { ok: true; catalog: Catalog } | { ok: false; problems: EditProblem[] };

const texts = (t: LocalizedText | undefined): Record<Lang, string> => ({ ru: t?.ru ?? '', uk: t?.uk ?? '', en: t?.en ?? '' });

export function draftOf(reason: Reason): ReasonDraft {
  return {
    id: reason.id,
    kind: reason.kind,
    label: texts(reason.label),
    description: texts(reason.description),
    segments: reason.segments === 'all' ? 'all' : [...reason.segments],
    commentRequired: reason.commentRequired,
    soft: reason.soft,
  };
}

export function emptyDraft(): ReasonDraft {
  return {
    id: '',
    kind: 'loss',
    label: { ru: '', uk: '', en: '' },
    description: { ru: '', uk: '', en: '' },
    segments: 'all',
    commentRequired: false,
    soft: false,
  };
}

const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** "Нет лицензии" → "net-litsenzii", "No licence" → "no-licence": a suggested id for a new reason. */
export function suggestId(label: string): string {
  return [...label.toLowerCase()]
    .map((c) => TRANSLIT[c] ?? c)
    .join('')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** Trimmed texts; languages left empty are dropped; nothing at all → undefined. */
function localized(text: Record<Lang, string>): LocalizedText | undefined {
  const out: LocalizedText = {};
  for (const lang of LANGS) {
    const v = text[lang].trim();
    if (v) out[lang] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** Problems of one reason as typed, before it goes into the catalog. */
export function draftProblems(draft: ReasonDraft, catalog: Catalog, editing: string | null): EditProblem[] {
  const problems: EditProblem[] = [];
  const id = draft.id.trim();
  if (editing === null) {
    if (!id) problems.push({ code: 'id-empty' });
    else if (!ReasonIdSchema.safeParse(id).success) problems.push({ code: 'id-invalid', id });
    else if (catalog.reasons.some((r) => r.id === id)) problems.push({ code: 'id-taken', id });
  }
  if (!localized(draft.label)) problems.push({ code: 'label-empty' });
  const all = [...LANGS.map((l) => draft.label[l]), ...LANGS.map((l) => draft.description[l])];
  if (all.some((t) => t.trim().length > MAX_LABEL)) problems.push({ code: 'text-too-long', max: MAX_LABEL });
  if (draft.segments !== 'all' && draft.segments.length === 0) problems.push({ code: 'segments-empty' });
  return problems;
}

/** Problems of a whole catalog that the schema does not catch: a segment whose panel would offer nothing. */
export function catalogProblems(catalog: Catalog): EditProblem[] {
  return SEGMENTS.filter((s) => reasonsForSegment(catalog, s).length === 0).map((segment) => ({
    code: 'segment-without-reasons' as const,
    segment,
  }));
}

/** The next catalog: newer revision and time, checked as a whole. */
function commit(before: Catalog, reasons: Reason[], now: number): EditResult {
  const next = { revision: before.revision + 1, updatedAt: Math.max(now, before.updatedAt + 1), reasons };
  const problems = catalogProblems(next);
  if (problems.length) return { ok: false, problems };
  const parsed = CatalogSchema.safeParse(next);
  if (!parsed.success) return { ok: false, problems: [{ code: 'invalid', message: parsed.error.issues[0]?.message ?? 'invalid' }] };
  return { ok: true, catalog: parsed.data };
}

function fromDraft(draft: ReasonDraft, base: Pick<Reason, 'asks' | 'retired'>): Reason {
  const description = localized(draft.description);
  return {
    id: draft.id.trim(),
    kind: draft.kind,
    label: localized(draft.label) ?? {},
    ...(description ? { description } : {}),
    segments: draft.segments === 'all' ? 'all' : SEGMENTS.filter((s) => (draft.segments as Segment[]).includes(s)),
    commentRequired: draft.commentRequired,
    soft: draft.soft,
    asks: base.asks,
    retired: base.retired,
  };
}

export function addReason(catalog: Catalog, draft: ReasonDraft, now: number): EditResult {
  const problems = draftProblems(draft, catalog, null);
  if (problems.length) return { ok: false, problems };
  return commit(catalog, [...catalog.reasons, fromDraft(draft, { asks: [], retired: false })], now);
}

/** Changes labels, texts and flags of a reason; its id stays (the draft's id is ignored). */
export function updateReason(catalog: Catalog, id: string, draft: ReasonDraft, now: number): EditResult {
  const old = catalog.reasons.find((r) => r.id === id);
  if (!old) return { ok: false, problems: [{ code: 'not-found', id }] };
  const problems = draftProblems(draft, catalog, id);
  if (problems.length) return { ok: false, problems };
  const updated = { ...fromDraft({ ...draft, id }, old), kind: old.kind === 'outcome' ? old.kind : draft.kind };
  return commit(catalog, catalog.reasons.map((r) => (r.id === id ? updated : r)), now);
}

/** Retired reasons vanish from the panel but keep their label and count in statistics. */
export function setRetired(catalog: Catalog, id: string, retired: boolean, now: number): EditResult {
  if (!catalog.reasons.some((r) => r.id === id)) return { ok: false, problems: [{ code: 'not-found', id }] };
  return commit(catalog, catalog.reasons.map((r) => (r.id === id ? { ...r, retired } : r)), now);
}

/** Moves a reason `by` places (negative = up), clamped to the list. */
export function moveReason(catalog: Catalog, id: string, by: number, now: number): EditResult {
  const from = catalog.reasons.findIndex((r) => r.id === id);
  if (from < 0) return { ok: false, problems: [{ code: 'not-found', id }] };
  const to = Math.max(0, Math.min(catalog.reasons.length - 1, from + by));
  if (to === from) return { ok: true, catalog };
  const reasons = [...catalog.reasons];
  const [moved] = reasons.splice(from, 1);
  reasons.splice(to, 0, moved!);
  return commit(catalog, reasons, now);
}

/**
 * Back to the default reasons, labels and order. Reasons the user added are kept, retired, at the
 * end: records tagged with them still show their names. The revision goes on counting up.
 */
export function resetCatalog(catalog: Catalog, now: number): EditResult {
  const defaults = new Set(DEFAULT_REASONS.map((r) => r.id));
  const own = catalog.reasons.filter((r) => !defaults.has(r.id)).map((r) => ({ ...r, retired: true }));
  return commit(catalog, [...DEFAULT_REASONS, ...own], now);
}
