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
  { kind: 'kanban', path: /^\/leads\/pipeline\/(\d+)\/?$/, examples: ['/leads/pipeline/3', '/leads/pipeline/3/'] },
  { kind: 'list', path: /^\/leads\/list\/(?:pipeline\/(\d+)\/?)?$/, examples: ['/leads/list/pipeline/3', '/leads/list/'] },
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
  /** amoCRM's own loss reason, where the account has it switched on. */
  nativeLossReason: 'input[type=hidden][name="lead[LOSS_REASON_ID]"]',
  nativeLossReasonName: '.pipeline-select-view__loss-reason-name',
} as const;

export const ANCHORS: readonly Anchor[] = [
  { name: 'status-view', selector: SEL.statusView, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/39481.*.js' },
  { name: 'lead-name', selector: SEL.leadName, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/cards.*.js' },
  { name: 'status-dropdown', selector: SEL.statusRadio, pages: ['lead-card'], required: true, seen: 'Psiant/two frontend/bild/94849.*.js' },
  { name: 'budget', selector: SEL.budget, pages: ['lead-card'], required: false, seen: 'Psiant/two frontend/bild/cards.*.js' },
];
