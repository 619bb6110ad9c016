/**
 * Reads a lead's context from the amoCRM page: what the DOM shows, plus what the main-world
 * script told us about the current user.
 */
import type { LeadContext, Person } from '../../core/rejection';
import { SEL } from './facts';
import { accountOf, leadIdFromUrl } from './page';

export type PageGlobals = { user: Person; account: string | null };

const text = (el: Element | null | undefined): string | null => {
  if (!el) return null;
  const value = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent;
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};

/** "1 500 000 ₽" / "1500000" → 1500000; nothing readable → null. */
export function parseAmount(raw: string | null | undefined): number | null {
  if (!raw) return null;
  const digits = raw.replace(/[\s\u00a0\u202f]/g, '').replace(/[^\d.,-]/g, '').replace(',', '.');
  if (!digits) return null;
  const n = Number(digits);
  return Number.isFinite(n) ? n : null;
}

/** The status name the dropdown shows for a status id in a pipeline group. */
function statusName(doc: Document, pipelineId: string | null, statusId: string): string | null {
  const radios = doc.querySelectorAll<HTMLInputElement>(SEL.statusRadio);
  for (const radio of radios) {
    if (radio.value !== statusId) continue;
    if (pipelineId && pipelineOfRadio(radio)?.id !== pipelineId) continue;
    return text(radio.closest(SEL.statusItem)?.querySelector(SEL.statusItemText));
  }
  return null;
}

/** The pipeline group a status radio sits in (the dropdown lists every pipeline). */
export function pipelineOfRadio(radio: Element): { id: string; name: string | null } | null {
  const group = radio.closest(SEL.pipelineGroup);
  const input = group?.querySelector<HTMLInputElement>(SEL.pipelineRadio);
  if (!input?.value) return null;
  return { id: input.value, name: text(group?.querySelector(SEL.pipelineCaption)) };
}

/** The card's context, given the status it is being moved to. Call before amoCRM updates the view. */
export function readCardContext(
  doc: Document,
  url: URL,
  globals: PageGlobals | null,
  to: { statusId: string; radio?: HTMLInputElement },
): LeadContext | null {
  const leadId = leadIdFromUrl(url);
  if (!leadId) return null;
  const view = doc.querySelector<HTMLElement>(SEL.statusView);
  const fromPipeline = view?.dataset.pipelineId ?? doc.querySelector<HTMLInputElement>(SEL.pipelineInput)?.value ?? null;
  const toPipeline = (to.radio && pipelineOfRadio(to.radio)) ?? null;
  const pipelineId = toPipeline?.id ?? fromPipeline;
  const fromStatus = view?.dataset.statusId ?? null;
  const nativeId = doc.querySelector<HTMLInputElement>(SEL.nativeLossReason)?.value || null;
  return {
    crm: 'amocrm',
    host: url.hostname.toLowerCase(),
    account: globals?.account ?? accountOf(url.hostname),
    entityType: 'lead',
    entityTypeId: null,
    leadId,
    title: text(doc.querySelector(SEL.leadName)),
    url: url.href,
    amount: parseAmount(text(doc.querySelector(SEL.budget))),
    currency: null,
    pipeline: pipelineId
      ? { id: pipelineId, name: toPipeline?.name ?? (fromPipeline ? pipelineNameOf(doc, fromPipeline) : null) }
      : null,
    fromStage: fromStatus
      ? { id: fromStatus, name: text(view?.querySelector(SEL.statusViewText)) ?? statusName(doc, fromPipeline, fromStatus) }
      : null,
    toStage: { id: to.statusId, name: to.radio ? text(to.radio.closest(SEL.statusItem)?.querySelector(SEL.statusItemText)) : statusName(doc, pipelineId, to.statusId) },
    manager: globals?.user ?? { id: null, name: null },
    native: nativeId && nativeId !== '0' ? { id: nativeId, name: text(doc.querySelector(SEL.nativeLossReasonName)) } : null,
  };
}

function pipelineNameOf(doc: Document, pipelineId: string): string | null {
  for (const input of doc.querySelectorAll<HTMLInputElement>(SEL.pipelineRadio)) {
    if (input.value === pipelineId) return text(input.closest(SEL.pipelineGroup)?.querySelector(SEL.pipelineCaption));
  }
  return null;
}
