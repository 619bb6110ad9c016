/**
 * OneBox (OneBox OS): hosts, pages, request fields and selectors — the data this adapter relies
 * on, each with where it was seen (see ../shared/docs/crm-facts.md, "OneBox").
 *
 * Little about OneBox's web UI is public. What is seen: the cloud hosts, API v2 naming
 * (`order/set` with `statusid` / `workflowid`), and that each company names its own refusal
 * stage inside a workflow (seed 001). Everything marked [assumption] below is a guess made to
 * be corrected here, in this one file, when a real page is seen.
 */
import type { Anchor } from '../types';

/** Content-script match patterns of the cloud [seen: crm-facts.md "Hosts"]. Own domains are added by the user. */
export const ONEBOX_MATCHES = ['https://*.1b.app/*', 'https://*.crm-onebox.com/*'];

export function isOneboxCloudHost(host: string): boolean {
  return /(^|\.)(1b\.app|crm-onebox\.com)$/i.test(host);
}

/**
 * Page kinds by path. [assumption] The order (deal) card's address is not public; this one follows
 * the admin-area layout of the shop engine OneBox grew from. The adapter runs only on hosts the
 * user has (cloud or added), so the path alone decides.
 */
export const PAGES = [
  {
    kind: 'order-card',
    path: /^\/admin\/shop\/orders\/(\d+)\/?$/,
    examples: ['/admin/shop/orders/1001/', '/admin/shop/orders/1001'],
  },
] as const;

/**
 * A stage change the page sends. [seen] API v2 `POST /api/v2/order/set/` takes a JSON list of
 * orders with `id`, `statusid`, `workflowid` (indesit/onebox-integrations-hub
 * src/adapters/onebox/client.py; crm-facts.md). [assumption] The web UI's own request carries the
 * same field names (JSON or form-encoded) to an address containing "order"; a JSON answer with
 * `status: 0` (API v2's failure shape, with `errorArray`) means the move was refused — e.g. a
 * required "refusal reason" field left empty (seed 001).
 */
export const REQUEST = {
  path: /order/i,
  methods: ['POST', 'PUT', 'PATCH'],
  statusFields: ['statusid', 'statusId', 'status_id'],
  workflowFields: ['workflowid', 'workflowId', 'workflow_id'],
  orderFields: ['id', 'orderid', 'orderId', 'order_id'],
  /** The order id in the request address when the body does not carry it. */
  orderInPath: /\/orders?\/(\d+)/i,
} as const;

/**
 * Order card [assumption: the markup is not public; class names are placeholders to be replaced
 * with the real ones]. The shapes are what the public facts imply: a workflow («бізнес-процес»)
 * with named stages, one current, each with an id; the order's name, sum and responsible person.
 */
export const SEL = {
  /** The workflow block: `data-workflow-id`, its name, the current stage and the list of stages. */
  workflow: '.ob-workflow',
  workflowName: '.ob-workflow__name',
  /** The visible current stage: text = stage name, `data-status-id` = its id. */
  stageCurrent: '.ob-workflow__current',
  /** Every stage of the workflow: text = name, `data-status-id` = id. */
  stageOption: '.ob-workflow__stage[data-status-id]',
  orderName: '.ob-order__name',
  /** Sum as shown ("12 500,00") and its currency ("грн", "₴", "$"…). */
  sum: '.ob-order__sum-value',
  currency: '.ob-order__sum-currency',
  /** The responsible manager: text = name, `data-user-id` = id. */
  responsible: '.ob-order__responsible',
  /** The signed-in user in the header (fallback for the manager). */
  currentUser: '.ob-header__user',
} as const;

export const ANCHORS: readonly Anchor[] = [
  { name: 'stage-current', selector: SEL.stageCurrent, pages: ['order-card'], required: true, seen: 'assumption (test/fixtures/onebox/order.html)' },
  { name: 'stage-list', selector: SEL.stageOption, pages: ['order-card'], required: true, seen: 'assumption (test/fixtures/onebox/order.html)' },
  { name: 'order-name', selector: SEL.orderName, pages: ['order-card'], required: true, seen: 'assumption (test/fixtures/onebox/order.html)' },
  { name: 'sum', selector: SEL.sum, pages: ['order-card'], required: false, seen: 'assumption (test/fixtures/onebox/order.html)' },
  { name: 'responsible', selector: SEL.responsible, pages: ['order-card'], required: false, seen: 'assumption (test/fixtures/onebox/order.html)' },
];

/** Currency as shown → ISO code; anything else is kept as shown when short. */
export const CURRENCIES: Record<string, string> = {
  'грн': 'UAH', 'грн.': 'UAH', '₴': 'UAH', uah: 'UAH',
  'руб': 'RUB', 'руб.': 'RUB', '₽': 'RUB', rub: 'RUB',
  '$': 'USD', usd: 'USD', '€': 'EUR', eur: 'EUR',
  'zł': 'PLN', pln: 'PLN', '₸': 'KZT', kzt: 'KZT',
};
