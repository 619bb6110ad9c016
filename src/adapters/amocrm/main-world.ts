/**
 * amoCRM main-world script: reads what only page globals know (the current user, the account,
 * the pipelines and their statuses) and watches the web UI's own status-change requests, and
 * hands both to the content script through the bridge. Globals seen in widget code:
 * AMOCRM.constant('user') → {id, name}, AMOCRM.constant('account') → {id, subdomain},
 * AMOCRM.constant('lead_statuses') → pipelines {id, name, …} (their `statuses` member is a
 * guess: read when there); APP is an alias.
 */
import { bridgeUp, onBridgeDown, whenAvailable } from '../../main-world/bridge';
import { isStatusRequestPath } from './facts';
import { hookRequests, type HookState } from './request-hook';

type AmoGlobal = { constant?: (name: string) => unknown };

function amo(): AmoGlobal | null {
  const w = window as unknown as { AMOCRM?: AmoGlobal; APP?: AmoGlobal };
  const g = w.AMOCRM ?? w.APP;
  return g && typeof g.constant === 'function' ? g : null;
}

function field(value: unknown, key: string): string | null {
  if (!value || typeof value !== 'object') return null;
  const v = (value as Record<string, unknown>)[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : null;
}

/** Object or array → its values (amoCRM keys many lists by id). */
function values(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  return value && typeof value === 'object' ? Object.values(value) : [];
}

type Named = { id: string; name: string | null };
type Pipeline = Named & { statuses: Named[] };

function named(value: unknown): Named | null {
  const id = field(value, 'id');
  return id ? { id, name: field(value, 'name') } : null;
}

/** Pipelines with their statuses, tolerant of the shape (a guess); at most 200 of each. */
function readPipelines(raw: unknown): Pipeline[] {
  const out: Pipeline[] = [];
  for (const p of values(raw).slice(0, 200)) {
    const pipeline = named(p);
    if (!pipeline) continue;
    const statuses = values((p as Record<string, unknown>).statuses)
      .slice(0, 200)
      .map(named)
      .filter((s): s is Named => s !== null);
    out.push({ ...pipeline, statuses });
  }
  return out;
}

export function readAmoContext(): { user: { id: string | null; name: string | null }; account: string | null; pipelines: Pipeline[] } | null {
  const g = amo();
  if (!g?.constant) return null;
  const user = g.constant('user');
  const account = g.constant('account');
  let pipelines: Pipeline[] = [];
  try {
    pipelines = readPipelines(g.constant('lead_statuses'));
  } catch {
    pipelines = [];
  }
  return { user: { id: field(user, 'id'), name: field(user, 'name') }, account: field(account, 'subdomain'), pipelines };
}

export function runAmoMainWorld(): void {
  // First, before the app's own scripts keep references to the originals.
  let hooks: HookState = { xhr: false, fetch: false };
  try {
    hooks = hookRequests(isStatusRequestPath, (request) => bridgeUp('amocrm', 'request', request));
  } catch {
    /* reported below as hooks that are not in place */
  }
  const publish = () => {
    let ctx: ReturnType<typeof readAmoContext> = null;
    try {
      ctx = readAmoContext();
    } catch {
      ctx = null;
    }
    bridgeUp('amocrm', 'hooks', hooks);
    bridgeUp('amocrm', ctx ? 'context' : 'context-missing', ctx);
  };
  onBridgeDown('amocrm', (type) => {
    if (type === 'context?') publish();
  });
  whenAvailable(readAmoContext, (ctx) => bridgeUp('amocrm', 'context', ctx));
}
