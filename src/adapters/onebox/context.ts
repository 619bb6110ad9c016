/**
 * Reads an order's context from the OneBox order card (selectors in ./facts.ts).
 */
import type { LeadContext, Person } from '../../core/rejection';
import type { Named } from '../../core/primitives';
import { parseAmount } from '../../core/amount';
import { CURRENCIES, SEL } from './facts';
import { accountOf, orderIdFromUrl } from './page';

const text = (el: Element | null | undefined): string | null => el?.textContent?.replace(/\s+/g, ' ').trim() || null;

/** "₴" / "грн." / "USD" → ISO code; an unknown short text is kept as shown. */
export function currencyOf(shown: string | null): string | null {
  if (!shown) return null;
  const key = shown.trim().toLowerCase();
  return CURRENCIES[key] ?? (key.length <= 10 ? shown.trim() : null);
}

/** A stage as an element shows it: `data-status-id` and its text. */
export function stageOf(el: Element | null | undefined): Named | null {
  if (!(el instanceof HTMLElement)) return null;
  const id = el.dataset.statusId?.trim() || null;
  const name = text(el);
  if (!id && !name) return null;
  return { id: (id ?? `name:${name}`).slice(0, 100), name: name?.slice(0, 300) ?? null };
}

/** The visible current stage of the open order. */
export function currentStage(doc: Document): Named | null {
  return stageOf(doc.querySelector(SEL.stageCurrent));
}

/** The stage of the open order's workflow with this id (its name), from the list of stages. */
export function stageById(doc: Document, id: string): Named {
  for (const el of doc.querySelectorAll<HTMLElement>(SEL.stageOption)) {
    if (el.dataset.statusId === id) return { id, name: text(el)?.slice(0, 300) ?? null };
  }
  return { id, name: null };
}

function person(el: Element | null): Person | null {
  const name = text(el);
  const id = (el instanceof HTMLElement && el.dataset.userId) || null;
  return name || id ? { id, name } : null;
}

/** The open order's context; `to` is the stage it is moving to (the current one for manual tagging). */
export function readOrderContext(doc: Document, url: URL, to: Named | null, from: Named | null = currentStage(doc)): LeadContext | null {
  const orderId = orderIdFromUrl(url);
  if (!orderId) return null;
  const workflow = doc.querySelector<HTMLElement>(SEL.workflow);
  const workflowId = workflow?.dataset.workflowId ?? null;
  const toStage = to ?? from;
  if (!toStage) return null;
  return {
    crm: 'onebox',
    host: url.hostname.toLowerCase(),
    account: accountOf(url.hostname),
    entityType: 'order',
    entityTypeId: null,
    leadId: orderId,
    title: text(doc.querySelector(SEL.orderName))?.slice(0, 1000) ?? null,
    url: url.href,
    amount: parseAmount(text(doc.querySelector(SEL.sum))),
    currency: currencyOf(text(doc.querySelector(SEL.currency))),
    pipeline: workflowId ? { id: workflowId, name: text(doc.querySelector(SEL.workflowName)) } : null,
    fromStage: from && from.id !== toStage.id ? from : null,
    toStage,
    manager: person(doc.querySelector(SEL.responsible)) ?? person(doc.querySelector(SEL.currentUser)) ?? { id: null, name: null },
    native: null,
  };
}
