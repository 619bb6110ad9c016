/**
 * The records' lead context: what the main-world script reported (ids, stages, pipeline),
 * completed from the page (titles, amounts) and the current user.
 */
import type { LeadContext, Person } from '../../core/rejection';
import { parseAmount } from '../../core/amount';
import type { CloseReport } from './bridge-messages';
import { SEL } from './facts';
import { cardUrl, pageInfo, portalOf, type PageInfo } from './page';
import { categoryOfStage } from './stages';

const text = (el: Element | null | undefined): string | null => {
  const value = el?.textContent?.replace(/\s+/g, ' ').trim();
  return value ? value : null;
};

const byId = (selector: string, id: string) => `${selector.replace(/\[data-id\]$/, '')}[data-id="${CSS.escape(id)}"]`;

/** The entity's element on this page: the kanban card, the list row, or the open card itself. */
export function entityElement(doc: Document, page: PageInfo | null, id: string): Element | null {
  if (page?.kind === 'kanban') return doc.querySelector(byId(SEL.kanbanItem, id));
  if (page?.kind === 'list') return doc.querySelector(byId(SEL.gridRow, id));
  return null;
}

function titleOf(doc: Document, page: PageInfo | null, id: string): string | null {
  if ((page?.kind === 'card' || page?.kind === 'item-card') && page.entityId === id) return text(doc.querySelector(SEL.pageTitle));
  const el = entityElement(doc, page, id);
  if (!el) return null;
  return text(el.querySelector(page?.kind === 'kanban' ? SEL.kanbanItemTitle : SEL.gridRowTitle));
}

function amountOf(doc: Document, page: PageInfo | null, id: string): number | null {
  if (page?.kind === 'card' && page.entityId === id) return parseAmount(text(doc.querySelector(SEL.cardAmount)));
  return null;
}

export function leadsOf(report: CloseReport, url: URL, doc: Document, user: Person | null): LeadContext[] {
  const page = pageInfo(url);
  const host = url.hostname.toLowerCase();
  const categoryId = report.entityType === 'lead' ? null : (report.category?.id ?? categoryOfStage(report.entityType, report.toStage.id));
  const categoryName = report.category?.name ?? (categoryId !== null ? text(doc.querySelector(SEL.categoryTitle)) : null);
  return report.items.map((item) => ({
    crm: 'bitrix24',
    host,
    account: portalOf(host),
    entityType: report.entityType,
    entityTypeId: report.entityType === 'smart' ? report.entityTypeId : null,
    leadId: item.id,
    title: item.title ?? titleOf(doc, page, item.id),
    url: cardUrl(url.origin, report.entityType, report.entityTypeId, item.id),
    amount: item.amount ?? amountOf(doc, page, item.id),
    currency: null,
    pipeline: categoryId !== null ? { id: categoryId, name: categoryName } : null,
    fromStage: item.fromStage,
    toStage: report.toStage,
    manager: user ?? { id: null, name: null },
    native: null,
  }));
}
