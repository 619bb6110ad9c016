/**
 * Bitrix24 adapter. The main-world script (main-world.ts) sees Bitrix's events and requests and
 * reports closes, undos and held moves; this side checks each report's shape, completes the lead
 * context from the page and hands it to the runtime. Paths: card progress bar (termination and
 * failure popups), kanban drop zones with «Отменить», list single and bulk stage changes,
 * smart-process stage flow — in the page and inside the side-panel iframe (all frames).
 */
import type { z } from 'zod';
import type { Person } from '../../core/rejection';
import type { AdapterRuntime, BridgeMessage, CrmAdapter } from '../types';
import { CloseReportSchema, ConfigSchema, HooksSchema, PageContextSchema, UndoReportSchema, type CloseReport } from './bridge-messages';
import { DOWN, UP } from './channel';
import { leadsOf, entityElement } from './context';
import { ANCHORS, SEL } from './facts';
import { bitrixPage, pageInfo, type EntityKind } from './page';

/** A kanban close the DOM fallback can withdraw when «Отменить» is clicked. */
interface RecentDrop {
  leadId: string;
  entityType: EntityKind;
  stageId: string;
  at: number;
}

const UNDO_FALLBACK_MS = 20_000;
const MANUAL_STAGE: Record<EntityKind, string> = { lead: 'JUNK', deal: 'LOSE', smart: 'FAIL' };

function parse<T>(schema: z.ZodType<T>, message: BridgeMessage): T | null {
  const parsed = schema.safeParse(message.payload);
  if (!parsed.success) console.warn(`[WhyLost] dropped malformed Bitrix24 "${message.type}" message`);
  return parsed.success ? parsed.data : null;
}

function anchorFor(report: CloseReport, doc: Document): Element | null {
  const page = pageInfo(new URL(location.href));
  if (page?.kind === 'card') return doc.querySelector(SEL.progressContainer);
  if (page?.kind === 'item-card') return doc.querySelector(SEL.stageflowContainer);
  const first = report.items[0];
  return (first && entityElement(doc, page, first.id)) ?? doc.querySelector(report.via === 'kanban' ? SEL.dropzoneArea : SEL.grid);
}

function start(rt: AdapterRuntime): void {
  let user: Person | null = null;
  const drops: RecentDrop[] = [];

  const onClose = (report: CloseReport) => {
    if (report.fallback) rt.hookMissing('stage-data');
    const leads = leadsOf(report, new URL(location.href), document, user);
    if (report.via === 'kanban') {
      drops.splice(0, drops.length, ...drops.filter((d) => Date.now() - d.at < UNDO_FALLBACK_MS));
      for (const lead of leads) drops.push({ leadId: lead.leadId, entityType: lead.entityType as EntityKind, stageId: lead.toStage.id, at: Date.now() });
    }
    const holdId = report.holdId;
    rt.close({
      via: report.via,
      leads,
      anchor: anchorFor(report, document),
      hold: holdId
        ? {
            proceed: () => rt.toBridge(DOWN.release, { holdId }),
            cancel: () => {
              rt.toBridge(DOWN.cancel, { holdId });
              // The move never happened: the pending record is withdrawn (after the runtime drops the panel).
              queueMicrotask(() => leads.forEach((l) => rt.withdraw({ leadId: l.leadId, entityType: l.entityType, toStageId: l.toStage.id })));
            },
          }
        : undefined,
    });
  };

  rt.onBridge((message) => {
    switch (message.type) {
      case UP.context: {
        const ctx = parse(PageContextSchema, message);
        if (ctx) user = ctx.user;
        break;
      }
      case UP.close: {
        const report = parse(CloseReportSchema, message);
        if (report) onClose(report);
        break;
      }
      case UP.undo: {
        const undo = parse(UndoReportSchema, message);
        for (const leadId of undo?.ids ?? []) rt.withdraw({ leadId, entityType: undo!.entityType, toStageId: undo!.stageId ?? undefined });
        break;
      }
      case UP.hooks: {
        for (const name of parse(HooksSchema, message)?.missing ?? []) rt.hookMissing(name);
        break;
      }
      case UP.configRequest:
        sendConfig();
        break;
    }
  });

  const sendConfig = () => rt.toBridge(DOWN.config, ConfigSchema.parse({ strict: rt.settings().crms.bitrix24.strict }));
  sendConfig();
  rt.toBridge(DOWN.hello);

  // DOM fallback for the undo: «Отменить» under a drop zone withdraws the latest drop there.
  document.addEventListener(
    'click',
    (event) => {
      const link = event.target instanceof Element ? event.target.closest(SEL.dropzoneCancel) : null;
      const stageId = link?.closest<HTMLElement>(SEL.dropzone)?.dataset.id;
      if (!stageId) return;
      const now = Date.now();
      const drop = drops.filter((d) => d.stageId === stageId && now - d.at < UNDO_FALLBACK_MS).at(-1);
      if (!drop) return;
      drops.splice(drops.indexOf(drop), 1);
      rt.withdraw({ leadId: drop.leadId, entityType: drop.entityType, toStageId: drop.stageId });
    },
    { capture: true, signal: rt.signal },
  );
}

export const bitrix24Adapter: CrmAdapter = {
  crm: 'bitrix24',
  anchors: ANCHORS,
  page: (url, doc) => bitrixPage(url, doc),
  start: (rt) => start(rt),

  readContext(url, doc) {
    const page = pageInfo(url);
    if (!page?.entityId || (page.kind !== 'card' && page.kind !== 'item-card')) return null;
    const report: CloseReport = {
      via: 'card',
      source: 'event',
      entityType: page.entityType,
      entityTypeId: page.entityTypeId,
      items: [{ id: page.entityId, title: null, amount: null, fromStage: null }],
      // Manual tagging: the system failure stage of the entity (the manager confirms it in the panel).
      toStage: { id: MANUAL_STAGE[page.entityType], name: null },
      category: null,
      fallback: false,
      holdId: null,
    };
    return leadsOf(report, url, doc, null)[0] ?? null;
  },
};
