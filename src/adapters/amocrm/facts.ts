/**
 * amoCRM / Kommo: hosts, pages, status ids and selectors — the data this adapter relies on,
 * each with where it was seen (see ../shared/docs/crm-facts.md). When amoCRM changes its
 * markup, this file is where the repair goes.
 */
import type { Anchor } from '../types';

/** Content-script match patterns. Userscript @match lines; Kommo API docs use {subdomain}.kommo.com. */
export const AMOCRM_MATCHES = ['https://*.amocrm.ru/*', 'https://*.amocrm.com/*', 'https://*.kommo.com/*'];

export function isAmoHost(host: string): boolean {
  return /(^|\.)(amocrm\.ru|amocrm\.com|kommo\.com)$/i.test(host);
}

/** System statuses of every pipeline (Kommo docs "leads pipelines and stages"; front-end LEAD_STATUS_CLOSED: 143). */
export const STATUS_WON = '142';
export const STATUS_LOST = '143';

/** Page kinds by path (compiled templates of Psiant/two frontend/bild/). Pure: tested with the URLs beside them. */
export const PAGES = [
  { kind: 'lead-card', path: /^\/leads\/detail\/(\d+)\/?$/, examples: ['/leads/detail/1001', '/leads/detail/1001/'] },
  { kind: 'kanban', path: /^\/leads\/pipeline\/(\d+)\/?$/, examples: ['/leads/pipeline/3', '/leads/pipeline/3/', '/leads/pipeline/3/?skip_filter=Y'] },
  { kind: 'list', path: /^\/leads\/list\/(?:pipeline\/(\d+)\/?)?$/, examples: ['/leads/list/pipeline/3', '/leads/list/pipeline/3/', '/leads/list/'] },
] as const;

export const SEL = {
  /** Card: current status, `data-pipeline-id` and `data-status-id` (Psiant/two 39481.*.js, 94849.*.js). */
  statusView: '#card_status_view_mode',
  statusViewText: '.pipeline-select-view__status span',
  /** Card: the status dropdown's radios, value = status id; moved under <body> while open. */
  statusRadio: 'input.pipeline-select__dropdown__item__input[name="lead[STATUS]"]',
  statusItem: 'li.pipeline-select__dropdown__item',
  statusItemText: '.pipeline-select__item-text',
  /** One group per pipeline inside the dropdown, with its own radio and caption. */
  pipelineGroup: '.pipeline-select',
  pipelineRadio: '.pipeline-select__pipeline-input',
  pipelineCaption: '.pipeline-select__caption-text',
  /** Card fields (widget code and templates). */
  leadName: '#person_n',
  budget: 'input[name="lead[PRICE]"]',
  pipelineInput: 'input[name="lead[PIPELINE_ID]"]',

  /** Kanban columns, value = status id (Psiant/two 87703.*.js interface/leads_pipeline). */
  kanbanColumn: '.pipeline_items__list.js-pipeline-row[data-id]',
  /** A column's head: `.pipeline_status__head[data-id]` > `.pipeline_status__head_title[title]`. */
  kanbanHead: '.pipeline_status__head[data-id]',
  kanbanHeadTitle: '.pipeline_status__head_title',
  /** A lead's card in the kanban, `data-id` = lead id. */
  kanbanItem: '.pipeline_leads__item[data-id]',
  kanbanTitle: '.pipeline_leads__title-text',
  /** Budget with `data-price` (a lead tile in 84685.*.js; its place in the kanban tile is configurable). */
  kanbanPrice: '.pipeline_leads__price',
  /** The footer shown while a card is dragged; its «Closed - lost» drop zone (87703.*.js block list_footer). */
  kanbanManage: '#pipeline_manage',
  kanbanLostZone: `#pipeline_manage .pipeline_manage__item[data-status-id="${STATUS_LOST}"]`,
  kanbanZoneText: '.pipeline_manage__item_text',

  /** List rows, `data-id` = lead id; the head row is `.list-row-head.js-list-row` (kwid-extraction 15430.*.js). */
  listRows: '.js-list-row',
  listRow: '.list-row.js-list-row[data-id]',
  listCheckbox: '.list-row__checkbox input[type=checkbox]',
  listName: '.list-row__template-name__table-wrapper__name-link',
  /** Status cell (98296.*.js interface/list/cells/status): names only; the pipeline's shown when there are several. */
  listStatusText: '.list-row__cell-status .note-lead__status-text, .list-row__cell-status .leads__status-label',
  listPipelineText: '.list-row__cell-status .node-lead__pipe-text, .list-row__cell-status .note-lead__pipe-text',
  /** Budget cell: the code "price" is a guess. */
  listPrice: '.list-row__cell[data-field-code="price"]',
  /** Bulk actions (95165.*.js interface/common/multiple_actions); «Изменить этап» is data-type="change_status". */
  listAction: '.js-list-multiple-actions__item[data-type]',
  /** A modal's save button (95165.*.js interface/common/modal/actions). */
  modalAccept: '.js-modal-accept',
  /** The stage radios of any pipeline-select control (the bulk modal names them differently from the card). */
  stageRadio: 'input.pipeline-select__dropdown__item__input[type=radio]',

  /** amoCRM's own loss reason, where the account has it switched on (84685.*.js, 1676.*.js controls/loss_reason). */
  nativeLossReason: 'input[type=hidden][name="lead[LOSS_REASON_ID]"]',
  nativeLossReasonName: '.pipeline-select-view__loss-reason-name',
  nativeControl: '.pipeline-select-view__loss-reason',
  /** Its modal (95812.*.js interface/leads/loss_reason/modal): the header holds the save button, the radios follow. */
  nativeModalHeader: '.modal-loss-reason__header',
  nativeRadio: 'input[type=radio][name="lead[LOSS_REASON_ID]"]',
  nativeRadioLabel: '.control-radio-label-text',
} as const;

/** «Без причины»: amoCRM's "no reason" value. */
export const NATIVE_NONE = '0';

/** The web UI's own status-change requests, form-encoded (crm-facts.md "Network"). */
export const REQUESTS = {
  /** Card save: ID, lead[STATUS], lead[PIPELINE_ID], lead[LOSS_REASON_ID] (the last a guess). */
  detail: /^\/ajax\/leads\/detail\/?$/,
  /** Several leads: parties[id][], STATUS_ID, PIPELINE_ID, LOSS_REASON_ID. */
  multiple: /^\/ajax\/leads\/multiple\/change_status\/?$/,
} as const;

/** Is this a path whose requests are worth posting across the bridge? */
export function isStatusRequestPath(pathname: string): boolean {
  return REQUESTS.detail.test(pathname) || REQUESTS.multiple.test(pathname);
}

export const ANCHORS: readonly Anchor[] = [
  { name: 'status-view', selector: SEL.statusView, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/39481.*.js' },
  { name: 'lead-name', selector: SEL.leadName, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/cards.*.js' },
  { name: 'status-dropdown', selector: SEL.statusRadio, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/94849.*.js' },
  { name: 'budget', selector: SEL.budget, pages: ['lead-card'], required: false, seen: 'Psiant/two frontend/bild/cards.*.js' },
  { name: 'kanban-columns', selector: SEL.kanbanColumn, pages: ['kanban'], required: true, seen: 'Psiant/two frontend/bild/87703.*.js' },
  { name: 'kanban-lost-zone', selector: SEL.kanbanLostZone, pages: ['kanban'], required: true, seen: 'Psiant/two frontend/bild/87703.*.js' },
  { name: 'list-rows', selector: SEL.listRows, pages: ['list'], required: true, seen: 'worldwideservice/gpt-agent-platform kwid-extraction/assets/js/15430.*.js' },
  { name: 'list-change-status', selector: SEL.listAction, pages: ['list'], required: false, seen: 'worldwideservice/gpt-agent-platform kwid-extraction/assets/js/95165.*.js' },
];
