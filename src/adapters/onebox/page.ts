import { PAGES, isOneboxCloudHost } from './facts';

/** The page kind by path. Own-domain portals have any host name, so only the path decides. */
export function oneboxPage(url: URL): string | null {
  return PAGES.find((p) => p.path.test(url.pathname))?.kind ?? null;
}

export function orderIdFromUrl(url: URL): string | null {
  for (const p of PAGES) {
    const id = p.path.exec(url.pathname)?.[1];
    if (id) return id;
  }
  return null;
}

/** "acme.1b.app" → "acme"; an own domain is its own account: "crm.acme.com.ua". */
export function accountOf(host: string): string {
  const h = host.toLowerCase();
  if (!isOneboxCloudHost(h)) return h;
  const first = h.split('.')[0];
  return first && first !== 'www' ? first : h;
}
