/**
 * chrome.storage for a page the background renders out of sight to remake its shell
 * (background/remake.ts). It renders it in an offscreen document, where the browser gives
 * extension code `chrome.runtime` and nothing else: this stand-in sends each storage call to the
 * background, which makes it and answers. Installed by the page's first script
 * (entrypoints/page-shell.ts), before the page's own code runs; a page the user opens has real
 * storage and never installs it. Light on purpose (it ships in page-shell.js): no zod here, the
 * background parses what arrives.
 *
 * Change events are not relayed: the page is closed as soon as it has kept its shell, and the
 * background checks what was kept against storage as it is then.
 */

/** The property a relayed call is sent under (other runtime messages never have it). */
export const STORAGE_RELAY = 'whylostStorage';

export const RELAY_AREAS = ['local', 'session'] as const;
export const RELAY_OPS = ['get', 'set', 'remove', 'clear'] as const;

export interface RelayCall {
  area: (typeof RELAY_AREAS)[number];
  op: (typeof RELAY_OPS)[number];
  arg: unknown;
}

export type RelayAnswer = { ok: true; value: unknown } | { ok: false; message: string };

interface Runtime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

const noEvent = () => ({ addListener: () => undefined, removeListener: () => undefined, hasListener: () => false });

/** Marks the stand-in (Symbol.for: page-shell.js and the page's modules each have a copy of this file). */
const RELAYED = Symbol.for('whylost.storageRelay');

type Namespace = { runtime?: Runtime; storage?: unknown };

/**
 * Installs the stand-in if this document has the runtime but no storage; says whether storage is
 * relayed here (installed now or before). Called by page-shell.js and again first thing by the
 * page's modules: in an offscreen document Chromium may run the page's module before the classic
 * script that comes after it in the markup. Chromium has both `chrome` and `browser`, separate
 * objects (wxt's `browser` is the latter where it exists): both get it.
 */
export function relayStorage(scope: { chrome?: Namespace; browser?: Namespace } = globalThis as never): boolean {
  const spaces = [scope.chrome, scope.browser].filter((n): n is Namespace => Boolean(n?.runtime?.id));
  const runtime = spaces[0]?.runtime;
  if (!runtime || spaces.some((n) => n.storage && (n.storage as { [RELAYED]?: boolean })[RELAYED] !== true)) return false;
  if (spaces.every((n) => n.storage)) return true;
  const call = async (area: RelayCall['area'], op: RelayCall['op'], arg: unknown): Promise<unknown> => {
    const answer = (await runtime.sendMessage({ [STORAGE_RELAY]: { area, op, arg } satisfies RelayCall })) as RelayAnswer | undefined;
    if (!answer || answer.ok !== true) throw new Error(answer?.message ?? 'storage is not available here');
    return answer.value;
  };
  const area = (name: RelayCall['area']) => ({
    get: (keys?: unknown) => call(name, 'get', keys ?? null),
    set: (items: unknown) => call(name, 'set', items),
    remove: (keys: unknown) => call(name, 'remove', keys),
    clear: () => call(name, 'clear', null),
    onChanged: noEvent(),
  });
  const storage = { local: area('local'), session: area('session'), onChanged: noEvent(), [RELAYED]: true };
  for (const n of spaces) n.storage = storage;
  return true;
}
