/**
 * Reading a stage change out of a request the OneBox page sends, and whether its answer says
 * the move was accepted. Pure, and free of libraries: it also runs in the page's main world.
 */
import { REQUEST } from './facts';

export interface StageChange {
  /** null: the request did not say (the open order is meant). */
  orderId: string | null;
  statusId: string;
  workflowId: string | null;
}

/** What a request body can be, as far as this reads it. */
export type Body = string | URLSearchParams | { entries(): Iterable<[string, unknown]> } | null | undefined;

type Fields = Record<string, unknown>;

function scalar(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() && value.length <= 100) return value.trim();
  return null;
}

function pick(fields: Fields, names: readonly string[]): string | null {
  for (const name of names) {
    const v = scalar(fields[name]);
    if (v) return v;
  }
  return null;
}

/** Form fields → plain object (the first value of a repeated name wins). */
function fromEntries(entries: Iterable<[string, unknown]>): Fields {
  const out: Fields = {};
  for (const [k, v] of entries) if (!(k in out)) out[k] = v;
  return out;
}

/** The objects a body holds: a JSON object, a JSON list of objects, or form fields. */
function objectsOf(body: Body): Fields[] {
  if (body === null || body === undefined) return [];
  if (typeof body === 'string') {
    const text = body.trim();
    if (text.startsWith('{') || text.startsWith('[')) {
      try {
        const json: unknown = JSON.parse(text);
        const list = Array.isArray(json) ? json : [json];
        return list.filter((o): o is Fields => Boolean(o) && typeof o === 'object' && !Array.isArray(o));
      } catch {
        return [];
      }
    }
    return [fromEntries(new URLSearchParams(text).entries())];
  }
  if (typeof (body as { entries?: unknown }).entries === 'function') {
    return [fromEntries((body as { entries(): Iterable<[string, unknown]> }).entries())];
  }
  return [];
}

/** The address of a request that may change a stage (method and address checked), else null. Cheap: run before reading a body. */
export function stageRequestAddress(method: string, url: string, base: string): URL | null {
  if (!(REQUEST.methods as readonly string[]).includes(method.toUpperCase())) return null;
  let address: URL;
  try {
    address = new URL(url, base);
  } catch {
    return null;
  }
  return address.origin === new URL(base).origin && REQUEST.path.test(address.pathname) ? address : null;
}

/** The stage changes a request carries (API v2's order/set takes several orders at once); [] for anything else. */
export function stageChangesOf(method: string, url: string, body: Body, base: string): StageChange[] {
  const address = stageRequestAddress(method, url, base);
  if (!address) return [];
  const pathOrder = REQUEST.orderInPath.exec(address.pathname)?.[1] ?? null;
  const changes: StageChange[] = [];
  for (const fields of objectsOf(body)) {
    const statusId = pick(fields, REQUEST.statusFields);
    if (!statusId) continue;
    changes.push({ orderId: pick(fields, REQUEST.orderFields) ?? pathOrder, statusId, workflowId: pick(fields, REQUEST.workflowFields) });
  }
  return changes;
}

/** A 2xx answer, unless its JSON says `status: 0` (API v2's refusal, with `errorArray`). */
export function accepted(httpStatus: number, responseText: string | null): boolean {
  if (httpStatus < 200 || httpStatus >= 300) return false;
  if (!responseText) return true;
  try {
    const json: unknown = JSON.parse(responseText);
    if (json && typeof json === 'object' && 'status' in json) {
      const status = (json as { status: unknown }).status;
      return !(status === 0 || status === '0' || status === false || status === 'error');
    }
  } catch {
    // Not JSON (an HTML fragment, "ok"): the 2xx decides.
  }
  return true;
}
