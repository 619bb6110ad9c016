/**
 * Bitrix24 page detection: pure functions of the URL (and of <html class="bx-core">), tested with
 * the example URLs in facts.ts.
 */
import { BX_CORE_CLASS, PAGES, isBitrixCloudHost } from './facts';

export type EntityKind = 'lead' | 'deal' | 'smart';

export interface PageInfo {
  kind: (typeof PAGES)[number]['kind'];
  entityType: EntityKind;
  /** Smart-process entityTypeId ("128"); null for leads and deals. */
  entityTypeId: string | null;
  /** The open card's id; null on kanban and list pages. */
  entityId: string | null;
  /** Pipeline (category) from the URL, where the URL names one. */
  categoryId: string | null;
}

export function pageInfo(url: URL): PageInfo | null {
  const path = url.pathname;
  let m = PAGES[0].path.exec(path);
  if (m) return { kind: 'card', entityType: m[1] as 'lead' | 'deal', entityTypeId: null, entityId: m[2]!, categoryId: null };
  m = PAGES[1].path.exec(path);
  if (m) return { kind: 'item-card', entityType: 'smart', entityTypeId: m[1]!, entityId: m[2]!, categoryId: null };
  for (const page of [PAGES[2], PAGES[3]]) {
    m = page.path.exec(path);
    if (!m) continue;
    const smart = m[2] !== undefined;
    return {
      kind: page.kind,
      entityType: smart ? 'smart' : (m[1] as 'lead' | 'deal'),
      entityTypeId: smart ? m[2]! : null,
      entityId: null,
      categoryId: m[3] ?? null,
    };
  }
  return null;
}

/** True when the Bitrix core marked the document (the same scripts run on non-Bitrix pages of added hosts). */
export function isBitrixDocument(doc: Document): boolean {
  return doc.documentElement.classList.contains(BX_CORE_CLASS);
}

/** The page kind, or null for pages that are not Bitrix CRM pages we watch. */
export function bitrixPage(url: URL, doc: Document): string | null {
  if (!isBitrixDocument(doc)) return null;
  return pageInfo(url)?.kind ?? null;
}

/** The card's own address, whatever page the close was made on (kanban, list, side panel). */
export function cardUrl(origin: string, entityType: EntityKind, entityTypeId: string | null, id: string): string {
  return entityType === 'smart' ? `${origin}/crm/type/${entityTypeId}/details/${id}/` : `${origin}/crm/${entityType}/details/${id}/`;
}

/** "acme.bitrix24.ru" → "acme"; an own-domain portal is named by its host. */
export function portalOf(host: string): string {
  const h = host.toLowerCase();
  return isBitrixCloudHost(h) ? h.split('.')[0]! : h;
}
