/**
 * amoCRM main-world script: reads what only page globals know (the current user, the account)
 * and hands it to the content script through the bridge. Globals seen in widget code:
 * AMOCRM.constant('user') → {id, name}, AMOCRM.constant('account') → {id, subdomain}; APP is an alias.
 */
import { bridgeUp, onBridgeDown, whenAvailable } from '../../main-world/bridge';

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

export function readAmoContext(): { user: { id: string | null; name: string | null }; account: string | null } | null {
  const g = amo();
  if (!g?.constant) return null;
  const user = g.constant('user');
  const account = g.constant('account');
  return { user: { id: field(user, 'id'), name: field(user, 'name') }, account: field(account, 'subdomain') };
}

export function runAmoMainWorld(): void {
  const publish = () => {
    const ctx = readAmoContext();
    bridgeUp('amocrm', ctx ? 'context' : 'context-missing', ctx);
  };
  onBridgeDown('amocrm', (type) => {
    if (type === 'context?') publish();
  });
  whenAvailable(readAmoContext, (ctx) => bridgeUp('amocrm', 'context', ctx));
}
