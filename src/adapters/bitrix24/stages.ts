/**
 * Which Bitrix24 stages mean "lost": read from the page's own stage data (names and semantics),
 * with a short list of system ids used only when the page gives no data. Pure; the main-world
 * script and the content script both use it.
 */
import { FAILURE_SEMANTICS, FALLBACK_FAILURE_IDS } from './facts';
import type { EntityKind } from './page';

export interface StageInfo {
  id: string;
  name: string | null;
  /** As the page gives it: process/success/failure/apology, P/S/F, PROGRESS/WIN/LOOSE. */
  semantics: string | null;
  categoryId: string | null;
}

export type StageTable = Map<string, StageInfo>;

export function isFailureSemantics(semantics: unknown): boolean {
  return typeof semantics === 'string' && (FAILURE_SEMANTICS as readonly string[]).includes(semantics.trim().toLowerCase());
}

/** Only for pages without stage data: the system failure ids (JUNK, LOSE, C{n}:LOSE, APOLOGY, DT…:FAIL). */
export function isFallbackFailureId(stageId: string): boolean {
  return FALLBACK_FAILURE_IDS.some((re) => re.test(stageId));
}

export interface Classified {
  failure: boolean;
  /** The verdict came from the fallback id list, not from page data. */
  fallback: boolean;
  info: StageInfo | null;
}

/**
 * A stage is a failure when the event says so (`semantics`), else when the page's stage table says
 * so; only a stage the page knows nothing about falls back to the id list.
 */
export function classify(stageId: string, table: StageTable, semantics?: string | null): Classified {
  const info = table.get(stageId) ?? null;
  if (semantics) return { failure: isFailureSemantics(semantics), fallback: false, info };
  if (info?.semantics) return { failure: isFailureSemantics(info.semantics), fallback: false, info };
  return { failure: isFallbackFailureId(stageId), fallback: true, info };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : typeof v === 'number' ? String(v) : null);

function infoOf(raw: unknown, categoryId: string | null): StageInfo | null {
  if (!raw || typeof raw !== 'object') return null;
  const o = raw as Record<string, unknown>;
  // Stage infos use `id`; smart-process stage models use `statusId` (their `id` is a number).
  const id = str(o.statusId) ?? str(o.STATUS_ID) ?? str(o.id);
  if (!id) return null;
  return {
    id,
    name: str(o.name) ?? str(o.NAME),
    semantics: str(o.semantics) ?? str(o.SEMANTICS) ?? str(o.type),
    categoryId: str(o.categoryId) ?? str(o.CATEGORY_ID) ?? categoryId,
  };
}

/**
 * Stage infos as pages hold them: an array (BX.CrmLeadStatusManager.infos) or a map per pipeline
 * (BX.CrmDealStageManager.infos = { category_0: [...], category_3: [...] }).
 */
export function readStageInfos(raw: unknown): StageInfo[] {
  const out: StageInfo[] = [];
  const push = (list: unknown, categoryId: string | null) => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const info = infoOf(item, categoryId);
      if (info) out.push(info);
    }
  };
  if (Array.isArray(raw)) push(raw, null);
  else if (raw && typeof raw === 'object') {
    for (const [key, list] of Object.entries(raw as Record<string, unknown>)) {
      push(list, /^category_(\d+)$/.exec(key)?.[1] ?? null);
    }
  }
  return out;
}

export function tableOf(...lists: StageInfo[][]): StageTable {
  const table: StageTable = new Map();
  for (const list of lists) for (const info of list) if (!table.has(info.id)) table.set(info.id, info);
  return table;
}

/** The pipeline a stage id belongs to: deal "C3:LOSE" → "3", "LOSE" → "0"; smart "DT128_9:FAIL" → "9"; leads have none. */
export function categoryOfStage(entityType: EntityKind, stageId: string): string | null {
  if (entityType === 'lead') return null;
  const smart = /^DT\d+_(\d+):/.exec(stageId);
  if (smart) return smart[1]!;
  const deal = /^C(\d+):/.exec(stageId);
  if (deal) return deal[1]!;
  return entityType === 'deal' ? '0' : null;
}

/** Entity kind from CCrmOwnerType id: 1 lead, 2 deal, a dynamic type otherwise. */
export function entityKindOf(entityTypeId: number | string): EntityKind | null {
  const n = Number(entityTypeId);
  if (n === 1) return 'lead';
  if (n === 2) return 'deal';
  return Number.isInteger(n) && n >= 128 ? 'smart' : null;
}
