/**
 * Generated rejection records for statistics tests and the benchmark: deterministic (record i of
 * a seed is always the same, so a slice can be made anywhere — in Node for expectations, in the
 * browser for seeding — and agree), realistic (four CRMs/portals, pipelines, segments with their
 * own reasons, 30 % junk, pending, follow-ups, withdrawn, leads returned to work, short
 * comments), with two managers who over-use a reason: Олег Смирнов "price", Ирина Коваль "other".
 */
import { DEFAULT_CATALOG, reasonsForSegment } from '../../src/core/catalog';
import type { Segment } from '../../src/core/primitives';
import { leadKeyOf, type Rejection } from '../../src/core/rejection';

export interface GenerateOptions {
  seed: number;
  /** Records seed×i for i in [offset, offset + count). */
  offset: number;
  count: number;
  /** The latest possible close; records spread over `days` before it. */
  now: number;
  days: number;
  /** The WhyLost identity of this browser: the first two managers' records are "mine". */
  me: string;
}

export const MANAGERS = [
  { id: '501', name: 'Анна Петрова', skew: null },
  { id: '502', name: 'Олег Смирнов', skew: 'price' },
  { id: '503', name: 'Мария Иванова', skew: null },
  { id: '504', name: 'Дмитрий Волков', skew: null },
  { id: '505', name: 'Ирина Коваль', skew: 'other' },
  { id: '506', name: 'Сергей Лысенко', skew: null },
] as const;

const PORTALS = [
  { crm: 'amocrm', host: 'demo.amocrm.ru', account: 'demo', weight: 50, pipelines: [{ id: '3', name: 'Продажи' }, { id: '7', name: 'Партнёры' }] },
  { crm: 'amocrm', host: 'demo.kommo.com', account: 'demo', weight: 10, pipelines: [{ id: '11', name: 'Sales' }] },
  { crm: 'bitrix24', host: 'demo.bitrix24.ru', account: 'demo', weight: 30, pipelines: [{ id: 'C0', name: 'Общая' }, { id: 'C4', name: 'Дилеры' }] },
  { crm: 'onebox', host: 'crm.example.com', account: null, weight: 10, pipelines: [] },
] as const;

const SEGMENTS: [Segment, number][] = [
  ['inbound-b2b', 40],
  ['inbound-b2c', 30],
  ['outbound-b2b', 20],
  ['outbound-b2c', 10],
];

const COMMENTS = [
  'Бюджет 50 тыс., наша цена 85 тыс., скидку дать не можем',
  'Выбрали поставщика с монтажом в тот же день',
  'Звонил трижды, трубку не берут, письма без ответа',
  'Нужен был только расчёт для сравнения с текущим подрядчиком',
  'Номер не существует, в заявке опечатка в двух цифрах',
  'Реклама по запросу «ремонт», а мы только продаём',
  'Перенесли закупку на следующий квартал, бюджет заморожен',
  'Директор не принял решение, ждут согласования с владельцем',
  'Нет нужной модели на складе, срок поставки 6 недель',
  'Клиент в другом регионе, доставка туда не выполняется',
];
const SHORT = ['дорого', 'не надо', 'думают'];
const PRODUCTS = ['Кондиционер в офис', 'Вентиляция склада', 'Сервис сплит-систем', 'Монтаж VRF', 'Тепловой насос'];
const COMPANIES = ['ООО «Север»', 'ИП Гончар', 'АО «Вектор»', 'ТОВ «Промінь»', 'ООО «Кедр»', 'частное лицо'];
const DAY = 86_400_000;

/** mulberry32 seeded by (seed, i): record i is the same whoever makes it. */
function rng(seed: number, i: number): () => number {
  let a = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(i + 1, 0xc2b2ae35)) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(r: number, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let x = r * total;
  for (const [item, w] of items) {
    x -= w;
    if (x < 0) return item;
  }
  return items[items.length - 1]![0];
}

const reasonsBySegment = new Map(SEGMENTS.map(([s]) => [s, reasonsForSegment(DEFAULT_CATALOG, s)]));

export function generateRecord(o: Pick<GenerateOptions, 'seed' | 'now' | 'days' | 'me'>, i: number): Rejection {
  const r = rng(o.seed, i);
  const manager = MANAGERS[Math.floor(r() * MANAGERS.length)]!;
  const mine = manager.id === '501' || manager.id === '502';
  const portal = weighted(r(), PORTALS.map((p) => [p, p.weight] as const));
  const pipeline = portal.pipelines.length ? portal.pipelines[Math.floor(r() * portal.pipelines.length)]! : null;
  const segment = weighted(r(), SEGMENTS);
  const offered = reasonsBySegment.get(segment)!;
  const junk = r() < 0.3;
  const pool = offered.filter((x) => (x.kind === 'junk') === junk && !x.soft);
  let reason = pool[Math.floor(r() * pool.length)]!;
  if (!junk && manager.skew && r() < 0.35) reason = offered.find((x) => x.id === manager.skew)!;
  const soft = offered.filter((x) => x.soft);
  const detectedAt = Math.round(o.now - r() * o.days * DAY);
  const roll = r();
  const status = roll < 0.04 ? 'pending' : roll < 0.07 && soft.length ? 'follow-up' : roll < 0.1 ? 'withdrawn' : 'tagged';
  const reasonId = status === 'pending' ? null : status === 'follow-up' ? soft[Math.floor(r() * soft.length)]!.id : reason.id;
  const comment = status === 'pending' ? '' : r() < 0.08 ? SHORT[Math.floor(r() * SHORT.length)]! : COMMENTS[Math.floor(r() * COMMENTS.length)]!;
  const reopened = status === 'tagged' && r() < 0.03 ? { at: detectedAt + DAY * (1 + Math.floor(r() * 20)), by: 'Руководитель', note: 'Перепроверка: закрыт по ошибке' } : null;
  const leadId = String(100_000 + i);
  const context = {
    crm: portal.crm,
    host: portal.host,
    account: portal.account,
    entityType: portal.crm === 'onebox' ? ('order' as const) : portal.crm === 'bitrix24' ? ('deal' as const) : ('lead' as const),
    entityTypeId: null,
    leadId,
  };
  return {
    ...context,
    title: `${PRODUCTS[Math.floor(r() * PRODUCTS.length)]} — ${COMPANIES[Math.floor(r() * COMPANIES.length)]}`,
    url:
      portal.crm === 'amocrm'
        ? `https://${portal.host}/leads/detail/${leadId}`
        : portal.crm === 'bitrix24'
          ? `https://${portal.host}/crm/deal/details/${leadId}/`
          : `https://${portal.host}/admin/customorder/${leadId}/`,
    amount: Math.round(r() * 500) * 1000,
    currency: null,
    pipeline,
    fromStage: { id: '21', name: 'Переговоры' },
    toStage: { id: '143', name: 'Закрыто и не реализовано' },
    manager: { id: manager.id, name: manager.name },
    native: null,
    segment: status === 'pending' ? null : segment,
    reasonId,
    comment,
    secondaryReasonIds: [],
    competitor: reasonId === 'competitor' ? 'Климат-Про' : null,
    attempts: status === 'follow-up' ? 1 : null,
    // A day at 10:00, as the panel sets them (follow-up.ts); in UTC, so Node and the browser agree whatever their zones.
    followUpAt: status === 'follow-up' ? Math.floor((o.now + (r() - 0.5) * 14 * DAY) / DAY) * DAY + 10 * 3_600_000 : null,
    id: `gen-${o.seed}-${String(i).padStart(7, '0')}`,
    status,
    leadKey: leadKeyOf(context),
    via: 'card',
    detectedAt,
    updatedAt: detectedAt + 60_000,
    taggedAt: status === 'pending' ? null : detectedAt + 60_000,
    withdrawnAt: status === 'withdrawn' ? detectedAt + 120_000 : null,
    reopened,
    owner: mine ? { id: o.me, name: 'Я' } : { id: `owner-${manager.id}`, name: manager.name },
  };
}

export function generateRecords(o: GenerateOptions): Rejection[] {
  return Array.from({ length: o.count }, (_, k) => generateRecord(o, o.offset + k));
}
