/**
 * Reading Bitrix24's own stage-change requests (the fallback when its events are not there).
 * Pure: URL + body in, what was asked for out. Bodies come as form-encoded strings (BX.ajax),
 * URLSearchParams, FormData or JSON (BX.ajax.runAction may send either; which one is a [guess]).
 */
import { REQUESTS } from './facts';

export type Entries = [string, string][];

export type StageRequest =
  /** Card or list progress bar: one entity to one stage. */
  | { kind: 'save-progress'; typeName: string; ids: string[]; stageId: string }
  /** Kanban move or drop: one or several entities (multi-select) to one stage. */
  | { kind: 'kanban-status'; typeName: string | null; ids: string[]; stageId: string }
  /** List bulk action: many entities to one stage. */
  | { kind: 'bulk-stage'; entityTypeId: string | null; ids: string[]; stageId: string }
  /** Smart-process card stage flow. */
  | { kind: 'item-update'; entityTypeId: string | null; ids: string[]; stageId: string };

/** JSON objects flattened to form keys: {fields: {stageId: "X"}} → ["fields[stageId]", "X"]. */
function flatten(value: unknown, prefix: string, out: Entries): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i}]`, out));
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) flatten(v, prefix ? `${prefix}[${k}]` : k, out);
  } else out.push([prefix, String(value)]);
}

export function entriesOf(body: unknown): Entries {
  if (body === null || body === undefined) return [];
  if (typeof URLSearchParams !== 'undefined' && body instanceof URLSearchParams) return [...body.entries()];
  if (typeof FormData !== 'undefined' && body instanceof FormData) {
    return [...body.entries()].filter((e): e is [string, string] => typeof e[1] === 'string');
  }
  if (typeof body !== 'string') return [];
  const text = body.trim();
  if (text.startsWith('{')) {
    try {
      const out: Entries = [];
      flatten(JSON.parse(text), '', out);
      return out;
    } catch {
      return [];
    }
  }
  try {
    return [...new URLSearchParams(text).entries()];
  } catch {
    return [];
  }
}

/** One value: the first key that is present. */
function one(entries: Entries, ...keys: string[]): string | null {
  for (const key of keys) {
    const hit = entries.find(([k]) => k === key);
    if (hit && hit[1] !== '') return hit[1];
  }
  return null;
}

/** All values of a list key, in any of its spellings: key, key[], key[0], key[1], … */
function many(entries: Entries, key: string): string[] {
  const esc = key.replace(/[[\]]/g, '\\$&');
  const re = new RegExp(`^${esc}(\\[\\d*\\])?$`);
  return entries.filter(([k, v]) => re.test(k) && v !== '').flatMap(([, v]) => v.split(',').map((s) => s.trim()).filter(Boolean));
}

function queryOf(url: string): URLSearchParams {
  try {
    return new URL(url, 'https://x.invalid').searchParams;
  } catch {
    return new URLSearchParams();
  }
}

export function parseStageRequest(url: string, body: unknown): StageRequest | null {
  const query = queryOf(url);
  const entries = entriesOf(body);
  const path = url.split('?')[0] ?? '';

  if (REQUESTS.saveProgress.test(path) && one(entries, 'ACTION') === 'SAVE_PROGRESS') {
    const id = one(entries, 'ID');
    const stageId = one(entries, 'VALUE');
    const typeName = one(entries, 'TYPE');
    return id && stageId && typeName ? { kind: 'save-progress', typeName, ids: [id], stageId } : null;
  }

  if (REQUESTS.kanbanStatus.test(path) && (query.get('action') ?? one(entries, 'action')) === 'status') {
    const ids = many(entries, 'entity_id');
    const stageId = one(entries, 'status');
    return ids.length && stageId ? { kind: 'kanban-status', typeName: one(entries, 'entity_type'), ids, stageId } : null;
  }

  if (REQUESTS.runAction.test(path)) {
    const action = query.get('action') ?? one(entries, 'action');
    if (action === REQUESTS.bulkSetStage) {
      const ids = many(entries, 'params[entityIds]');
      const stageId = one(entries, 'params[stageId]');
      return ids.length && stageId ? { kind: 'bulk-stage', entityTypeId: one(entries, 'params[entityTypeId]'), ids, stageId } : null;
    }
    if (action === REQUESTS.itemUpdate) {
      const id = one(entries, 'id', 'data[id]');
      const stageId = one(entries, 'fields[stageId]', 'data[fields][stageId]');
      return id && stageId ? { kind: 'item-update', entityTypeId: one(entries, 'entityTypeId', 'data[entityTypeId]'), ids: [id], stageId } : null;
    }
  }
  return null;
}
