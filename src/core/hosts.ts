/**
 * Own-domain CRM portals (on-premise Bitrix24, OneBox on the customer's domain): reading what
 * the user typed into a host, and the match pattern the browser is asked for.
 */
import type { CrmId } from './primitives';

/** CRMs that can live on any domain. amoCRM/Kommo only runs on its own cloud domains. */
export const OWN_DOMAIN_CRMS = ['bitrix24', 'onebox'] as const satisfies readonly CrmId[];
export type OwnDomainCrm = (typeof OWN_DOMAIN_CRMS)[number];

export type Scheme = 'https' | 'http';

export type HostInput = { ok: true; host: string; scheme: Scheme } | { ok: false; problem: 'empty' | 'invalid' | 'ip-or-local' };

/** "https://crm.example.com/crm/deal/" or "crm.example.com" → { host: "crm.example.com", scheme: "https" }. */
export function readHostInput(input: string): HostInput {
  const text = input.trim();
  if (!text) return { ok: false, problem: 'empty' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'invalid' };
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return { ok: false, problem: host.includes('.') ? 'invalid' : 'ip-or-local' };
  if (/^\d+(\.\d+){3}$/.test(host)) return { ok: false, problem: 'ip-or-local' };
  return { ok: true, host, scheme: url.protocol === 'http:' ? 'http' : 'https' };
}

/** The origin pattern asked for and matched: ports are ignored by match patterns. */
export function originPattern(host: string, scheme: Scheme): string {
  return `${scheme}://${host}/*`;
}
