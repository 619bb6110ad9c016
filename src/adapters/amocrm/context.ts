/**
 * Reads a lead's context from the amoCRM page: what the DOM shows (card, kanban card, list row),
 * plus what the main-world script told us (the current user, the account, pipeline names).
 * Stage names are read from the page, never matched against texts of our own.
 */
import type { Named } from '../../core/primitives';
import type { LeadContext } from '../../core/rejection';
import { SEL } from './facts';
import { pipelineIdByName, pipelineName, statusIdByName, statusNameOf, type PageGlobals } from './globals';
import { accountOf, leadIdFromUrl } from './page';
import { parseAmount } from '../../core/amount';

export type { PageGlobals };

/** An element's text (or an input's value), spaces collapsed; null when empty. */
export const text = (el: Element | null | undefined): string | null => {
  if (!el) return null;
  const value = el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement ? el.value : el.textContent;
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : null;
};

/** The status name the card's dropdown shows for a status id in a pipeline group. */
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

/** The status a radio stands for, with its pipeline. */
export function stageOfRadio(radio: HTMLInputElement): { id: string; name: string | null; pipeline: { id: string; name: string | null } | null } {
  return { id: radio.value, name: text(radio.closest(SEL.statusItem)?.querySelector(SEL.statusItemText)), pipeline: pipelineOfRadio(radio) };
}

function base(url: URL, globals: PageGlobals | null, leadId: string): Pick<LeadContext, 'crm' | 'host' | 'account' | 'entityType' | 'entityTypeId' | 'leadId' | 'currency' | 'manager' | 'native'> {
  return {
    crm: 'amocrm',
    host: url.hostname.toLowerCase(),
    account: globals?.account ?? accountOf(url.hostname),
    entityType: 'lead',
    entityTypeId: null,
    leadId,
    currency: null,
    manager: globals?.user ?? { id: null, name: null },
    native: null,
  };
}

const leadUrl = (url: URL, leadId: string): string => new URL(`/leads/detail/${leadId}`, url).href;

/** What the card's status view shows now. */
export function readCardStatus(doc: Document): { pipelineId: string | null; stage: Named | null } {
  const view = doc.querySelector<HTMLElement>(SEL.statusView);
  const pipelineId = view?.dataset.pipelineId ?? doc.querySelector<HTMLInputElement>(SEL.pipelineInput)?.value ?? null;
  const statusId = view?.dataset.statusId ?? null;
  return {
    pipelineId,
    stage: statusId ? { id: statusId, name: text(view?.querySelector(SEL.statusViewText)) ?? statusName(doc, pipelineId, statusId) } : null,
  };
}

/**
 * The card's context, given the status it is being moved to. Call before amoCRM updates the
 * view, or pass `before` (the status seen before the manager's last action).
 */
export function readCardContext(
  doc: Document,
  url: URL,
  globals: PageGlobals | null,
  to: { statusId: string; radio?: HTMLInputElement; pipelineId?: string | null },
  before?: ReturnType<typeof readCardStatus> | null,
): LeadContext | null {
  const leadId = leadIdFromUrl(url);
  if (!leadId) return null;
  const from = before ?? readCardStatus(doc);
  const toPipeline = (to.radio && pipelineOfRadio(to.radio)) ?? null;
  const pipelineId = toPipeline?.id ?? to.pipelineId ?? from.pipelineId;
  const nativeId = doc.querySelector<HTMLInputElement>(SEL.nativeLossReason)?.value || null;
  return {
    ...base(url, globals, leadId),
    title: text(doc.querySelector(SEL.leadName)),
    url: url.href,
    amount: parseAmount(text(doc.querySelector(SEL.budget))),
    pipeline: pipelineId
      ? { id: pipelineId, name: toPipeline?.name ?? pipelineNameOf(doc, pipelineId) ?? pipelineName(globals, pipelineId) }
      : null,
    fromStage: from.stage,
    toStage: {
      id: to.statusId,
      name: to.radio ? stageOfRadio(to.radio).name : (statusName(doc, pipelineId, to.statusId) ?? statusNameOf(globals, pipelineId, to.statusId)),
    },
    native: nativeId && nativeId !== '0' ? { id: nativeId, name: text(doc.querySelector(SEL.nativeLossReasonName)) } : null,
  };
}

function pipelineNameOf(doc: Document, pipelineId: string): string | null {
  for (const input of doc.querySelectorAll<HTMLInputElement>(SEL.pipelineRadio)) {
    if (input.value === pipelineId) return text(input.closest(SEL.pipelineGroup)?.querySelector(SEL.pipelineCaption));
  }
  return null;
}

/** A kanban card's context: its column is the stage it leaves. Call before the drop changes the page. */
export function readKanbanContext(
  item: Element,
  url: URL,
  globals: PageGlobals | null,
  pipelineId: string | null,
  to: Named,
): LeadContext | null {
  const leadId = item.getAttribute('data-id');
  if (!leadId || !/^\d+$/.test(leadId)) return null;
  const doc = item.ownerDocument;
  const columnId = item.closest(SEL.kanbanColumn)?.getAttribute('data-id') ?? null;
  const head = columnId ? [...doc.querySelectorAll(SEL.kanbanHead)].find((h) => h.getAttribute('data-id') === columnId) : null;
  const headTitle = head?.querySelector(SEL.kanbanHeadTitle);
  const price = item.querySelector(SEL.kanbanPrice);
  return {
    ...base(url, globals, leadId),
    title: text(item.querySelector(SEL.kanbanTitle)),
    url: leadUrl(url, leadId),
    amount: parseAmount(price?.getAttribute('data-price')) ?? parseAmount(text(price)),
    pipeline: pipelineId ? { id: pipelineId, name: pipelineName(globals, pipelineId) } : null,
    fromStage: columnId ? { id: columnId, name: headTitle?.getAttribute('title')?.trim() || text(headTitle) || statusNameOf(globals, pipelineId, columnId) } : null,
    toStage: to,
  };
}

/**
 * A list row's context. The row shows the status and pipeline by name only: their ids come
 * from the page's pipelines (the main-world globals), when a name is unambiguous there.
 */
export function readListRowContext(
  row: Element,
  url: URL,
  globals: PageGlobals | null,
  listPipelineId: string | null,
  to: { stage: Named; pipeline: { id: string; name: string | null } | null },
): LeadContext | null {
  const leadId = row.getAttribute('data-id');
  if (!leadId || !/^\d+$/.test(leadId)) return null;
  const shownPipeline = text(row.querySelector(SEL.listPipelineText));
  const fromPipelineId = listPipelineId ?? pipelineIdByName(globals, shownPipeline);
  const statusText = text(row.querySelector(SEL.listStatusText));
  const fromId = statusText ? statusIdByName(globals, fromPipelineId, statusText) : null;
  const pipeline = to.pipeline ?? (fromPipelineId ? { id: fromPipelineId, name: shownPipeline ?? pipelineName(globals, fromPipelineId) } : null);
  const name = row.querySelector(SEL.listName);
  return {
    ...base(url, globals, leadId),
    title: name?.getAttribute('title')?.trim() || text(name),
    url: leadUrl(url, leadId),
    amount: parseAmount(text(row.querySelector(SEL.listPrice))),
    pipeline,
    fromStage: fromId ? { id: fromId, name: statusText } : null,
    toStage: to.stage,
  };
}
