/**
 * Bitrix24: hosts, pages, stage ids, selectors, events and requests — the data this adapter
 * relies on, each with where it was seen (see ../shared/docs/crm-facts.md, "Bitrix24").
 * Sources: avshatalov48/bitrix24-core-corp (crm module) and avshatalov48/bitrix-core-business
 * (main, ui modules). When Bitrix24 changes its markup or scripts, this file is where the repair goes.
 * Plain data only: the main-world script imports it too, so no schema library here.
 */
import type { Anchor } from '../types';

/**
 * Cloud zones: `bitrix24.` + zone (DevartSoftware/tmetric-plugins, AlphaCNC01/bitrix_interface_modifier);
 * `.uk` and `.tech` were seen once each.
 */
export const CLOUD_ZONES = [
  'ru', 'com', 'eu', 'de', 'ua', 'by', 'fr', 'it', 'pl', 'kz', 'in', 'com.tr', 'id', 'cn', 'vn', 'jp', 'es', 'com.br', 'uk', 'tech',
] as const;

/** Content-script match patterns: every cloud portal. Own-domain portals are registered at run time. */
export const BITRIX_MATCHES = CLOUD_ZONES.map((zone) => `https://*.bitrix24.${zone}/*`);

const CLOUD_HOST = new RegExp(`^([a-z0-9-]+\\.)+bitrix24\\.(${CLOUD_ZONES.map((z) => z.replace('.', '\\.')).join('|')})$`, 'i');

export function isBitrixCloudHost(host: string): boolean {
  return CLOUD_HOST.test(host);
}

/**
 * A page is Bitrix when the core marked <html class="bx-core"> (destvil/bitrix-webextension
 * assets/js/bitrix.js) — the main-world script also checks `window.BX`. The same scripts run on
 * own-domain hosts the user added, where other (non-Bitrix) pages must be left alone.
 */
export const BX_CORE_CLASS = 'bx-core';

/** CCrmOwnerType ids (crm module, BX.CrmEntityType.enumeration): lead 1, deal 2; smart processes are dynamic types. */
export const ENTITY_TYPE_ID = { lead: 1, deal: 2 } as const;
/** Entity type names the CRM sends in requests (TYPE=LEAD in SAVE_PROGRESS, gridData.entityType). */
export const ENTITY_TYPE_NAME: Record<string, 'lead' | 'deal'> = { LEAD: 'lead', DEAL: 'deal' };

/**
 * Page kinds by path (modules/crm/...; smart processes /crm/type/{entityTypeId}/...). Cards also open
 * in the side-panel iframe with ?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER: the same path, so the same kind.
 */
export const PAGES = [
  { kind: 'card', path: /^\/crm\/(lead|deal)\/details\/(\d+)\/?$/, examples: ['/crm/lead/details/501/', '/crm/deal/details/1001/', '/crm/deal/details/1001/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER'] },
  { kind: 'item-card', path: /^\/crm\/type\/(\d+)\/details\/(\d+)\/?$/, examples: ['/crm/type/128/details/7/'] },
  {
    kind: 'kanban',
    path: /^\/crm\/(?:(lead|deal)|type\/(\d+))\/kanban\/(?:category\/(\d+)\/?)?$/,
    examples: ['/crm/lead/kanban/', '/crm/deal/kanban/', '/crm/deal/kanban/category/3/', '/crm/type/128/kanban/category/9/'],
  },
  {
    kind: 'list',
    path: /^\/crm\/(?:(lead|deal)|type\/(\d+))\/list\/(?:category\/(\d+)\/?)?$/,
    examples: ['/crm/lead/list/', '/crm/deal/list/', '/crm/deal/list/category/3/', '/crm/type/128/list/category/9/'],
  },
] as const;

/**
 * Stage semantics. Stage infos carry `process` / `success` / `failure` / `apology` (apology = a further
 * failure stage, CCrmViewHelper::RenderDealStageSettings); the database letters are P / S / F; kanban
 * columns and drop zones carry data.type `PROGRESS` / `WIN` / `LOOSE` (crm kanban grid.js analytics).
 */
export const FAILURE_SEMANTICS = ['failure', 'apology', 'f', 'loose'] as const;

/**
 * Used ONLY when the page gives no stage data (then reported as a missing hook): system failure
 * stage ids. Lead JUNK; deal LOSE / C{n}:LOSE and the default extra failure APOLOGY; smart process
 * DT{typeId}_{cat}:FAIL (crm-facts: [guess]).
 */
export const FALLBACK_FAILURE_IDS = [/^JUNK$/, /^(C\d+:)?LOSE$/, /^(C\d+:)?APOLOGY$/, /^DT\d+_\d+:FAIL$/] as const;

export const SEL = {
  /** Card progress bar (crm.entity.progressbar/templates/.default/template.php). */
  progressStep: 'div.crm-entity-section-status-step[data-id]',
  progressContainer: '.crm-entity-section-status-container-flex',
  /** Termination popup (progress_control.js BX.CrmProcessTerminationDialog, className crm-list-end-deal). */
  terminationPopup: '.crm-list-end-deal',
  /** Failure popup (BX.CrmProcessFailureDialog, content .crm-list-fail-deal-block): radios per failure stage. */
  failureRadio: 'input.crm-list-fail-deal-button[type=radio]',
  /** Page title (ItemDetailsComponent initPageTitleButtons: document.getElementById('pagetitle')). */
  pageTitle: '#pagetitle',
  /** Category (pipeline) selector under the title (ItemDetailsComponent: #pagetitle_sub > a). [guess for deals] */
  categoryTitle: '#pagetitle_sub a',
  /** Amount on the card. [guess: entity editor field OPPORTUNITY_WITH_CURRENCY] */
  cardAmount: '[data-cid="OPPORTUNITY_WITH_CURRENCY"] .crm-entity-widget-content-block-inner-text',
  /** Kanban (main/kanban, crm/kanban): columns, items, drop zones and their «Отменить» link. */
  kanbanColumn: '.main-kanban-column[data-id]',
  kanbanItem: '.main-kanban-item[data-id][data-type=item]',
  kanbanItemTitle: 'a.crm-kanban-item-title',
  dropzoneArea: '.main-kanban-dropzone-area',
  dropzone: '.main-kanban-dropzone[data-id]',
  dropzoneCancel: '.main-kanban-dropzone-cancel-link',
  /** List (main.ui.grid): rows and the row stage bar div.crm-list-stage-bar#<ENTITY>_<ID>. [guess: row markup] */
  grid: '.main-grid',
  gridRow: '.main-grid-row[data-id]',
  gridRowTitle: '.crm-list-item-title, a[href*="/details/"]',
  listStageBar: 'div.crm-list-stage-bar',
  /** Smart-process stage flow (ui/stageflow chart.js, stage.js). */
  stageflowContainer: '.ui-stageflow-container',
  stageflowStage: '.ui-stageflow-stage[data-stage-id]',
  /** Side panel (BX.SidePanel): cards open in this iframe. */
  sliderIframe: '.slider-panel-iframe',
} as const;

/** Custom events (BX.addCustomEvent / BX.Event.EventEmitter), each with the file that fires it. */
export const EVENTS = {
  /** progressbar script.js setCurrentStep, before the save: (control, {entityTypeId, entityId, currentStepId, semantics}). */
  progressChange: 'Crm.EntityProgress.Change',
  /** progressbar script.js onSaveRequestSuccess: (control, {…, currentSemantics, previousStepId, previousSemantics}). */
  progressSaved: 'Crm.EntityProgress.Saved',
  /** progress_control.js CrmProcessFailureDialog._prepareContent: (dialog, wrapper). */
  failureDialogCreated: 'CrmProcessFailureDialogContentCreated',
  /** crm kanban grid.js onBeforeItemCaptured: (grid, dropEvent); dropEvent.denyAction() blocks the drop. */
  kanbanBeforeCapture: 'Crm.Kanban.Grid:onBeforeItemCapturedStart',
  /** crm kanban grid.js onItemMoved, column moves and undo: ({grid, item, targetColumn, beforeItem, skip}). */
  kanbanMovedFinal: 'Crm.Kanban.Grid:onItemMovedFinal',
  /** main/kanban dropzone.js restore(), fired on the grid: (item, dropZone). */
  dropzoneRestored: 'Kanban.DropZone:onItemRestored',
  /** crm item-details-component updateStage, BX.Event.EventEmitter: {entityTypeId, id, stageId, previousStageId}. */
  itemStageChange: 'BX.Crm.ItemDetailsComponent:onStageChange',
} as const;

/** Requests (form-encoded, session cookies), each with where it was seen. */
export const REQUESTS = {
  /** progressbar script.js save(): ACTION=SAVE_PROGRESS&VALUE=<stage>&TYPE=LEAD|DEAL&ID=<id>&sessid. */
  saveProgress: /\/bitrix\/components\/bitrix\/crm\.[a-z_.]+\/list\.ajax\.php/i,
  /** crm kanban grid.js checkItemStatusAfterMoved: action=status, entity_id (one or many), status. */
  kanbanStatus: /\/bitrix\/components\/bitrix\/crm\.kanban\/ajax(\.old)?\.php/i,
  /** BX.ajax.runAction through /bitrix/services/main/ajax.php?action=<name>. */
  runAction: /\/bitrix\/services\/main\/ajax\.php/i,
  /** crm BatchSetStageManager (list bulk stage change): params[entityTypeId], params[entityIds][], params[stageId]. */
  bulkSetStage: 'crm.api.autorun.setstage.prepare',
  /** crm item-details-component onStageChange: entityTypeId, id, fields[stageId]. */
  itemUpdate: 'crm.controller.item.update',
} as const;

/** Undo window of kanban drop zones (main/kanban dropzone-area.js getDropZoneTimeout, default 8000 ms). */
export const DEFAULT_DROPZONE_TIMEOUT_MS = 8_000;

export const ANCHORS: readonly Anchor[] = [
  { name: 'progress-bar', selector: SEL.progressStep, pages: ['card'], required: true, seen: 'crm.entity.progressbar/templates/.default/template.php' },
  { name: 'page-title', selector: SEL.pageTitle, pages: ['card', 'item-card'], required: true, seen: 'crm item-details-component initPageTitleButtons' },
  { name: 'stageflow', selector: SEL.stageflowStage, pages: ['item-card'], required: true, seen: 'ui/stageflow src/chart.js, stage.js' },
  { name: 'kanban-columns', selector: SEL.kanbanColumn, pages: ['kanban'], required: true, seen: 'main/kanban column.js [guess: data-id on the column]' },
  { name: 'dropzone-area', selector: SEL.dropzoneArea, pages: ['kanban'], required: false, seen: 'main/kanban dropzone-area.js' },
  { name: 'grid', selector: SEL.grid, pages: ['list'], required: true, seen: 'main.ui.grid [guess]' },
  { name: 'list-stage-bar', selector: SEL.listStageBar, pages: ['list'], required: false, seen: 'crm-facts.md "List view"' },
];
