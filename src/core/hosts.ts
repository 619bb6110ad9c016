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

/**
 * True when the manifest's own content scripts already match the host (e.g. a cloud portal added as if it
 * were an own domain): registering the scripts again would run each of them twice on its pages.
 */
export function coveredByPatterns(patterns: readonly string[], host: string, scheme: Scheme): boolean {
  return patterns.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)\//.exec(pattern);
    if (!m) return false;
    const [, s, h] = m;
    if (s !== '*' && s !== scheme) return false;
    if (h === '*') return true;
    if (h!.startsWith('*.')) return host === h!.slice(2) || host.endsWith(h!.slice(1));
    return host === h;
  });
}
