/**
 * The reason catalog: schemas and the default catalog with the stable ids of product.md.
 * Labels are per language; ids never change (renaming keeps the id, retiring replaces deleting).
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import {
  type Lang,
  LocalizedTextSchema,
  type LocalizedText,
  ReasonIdSchema,
  type Segment,
  SegmentSchema,
  TimestampSchema,
  pickText,
} from './primitives';

/** junk: left out of conversion; loss: a real lost deal; outcome: closed-by-mistake and the like. */
export const ReasonKindSchema = lazySchema(() => z.enum(['junk', 'loss', 'outcome']));
export type ReasonKind = z.infer<typeof ReasonKindSchema>;

export const ReasonSchema = lazySchema(() => z.object({
  id: ReasonIdSchema,
  kind: ReasonKindSchema,
  label: LocalizedTextSchema,
  description: LocalizedTextSchema.optional(),
  /** Segments whose panel offers this reason; 'all' = every segment. */
  segments: z.union([z.literal('all'), z.array(SegmentSchema).min(1)]),
  /** A comment is required for this reason even where comments are otherwise optional. */
  commentRequired: z.boolean(),
  /** A soft reason (an excuse): needs several attempts before the lead may be written off. */
  soft: z.boolean(),
  /** Extra fields the panel asks for with this reason. */
  asks: z.array(z.enum(['competitor'])),
  /** Retired reasons vanish from the panel but keep counting in statistics. */
  retired: z.boolean(),
}));
export type Reason = z.infer<typeof ReasonSchema>;

export const CatalogSchema = lazySchema(() => z
  .object({
    /** Bumped on every edit, so a shared catalog file can say which is newer. */
    revision: z.number().int().min(1),
    updatedAt: TimestampSchema,
    reasons: z.array(ReasonSchema).min(1).max(500),
  })
  .superRefine((catalog, ctx) => {
    const seen = new Set<string>();
    catalog.reasons.forEach((r, i) => {
      if (seen.has(r.id)) {
        ctx.addIssue({ code: 'custom', path: ['reasons', i, 'id'], message: `reason id "${r.id}" appears twice` });
      }
      seen.add(r.id);
    });
  }));
export type Catalog = z.infer<typeof CatalogSchema>;

const ALL = 'all' as const;
const OUTBOUND: Segment[] = ['outbound-b2b', 'outbound-b2c'];
const INBOUND: Segment[] = ['inbound-b2b', 'inbound-b2c'];

type Def = [id: string, ru: string, uk: string, en: string, extra?: Partial<Reason>];

function reasons(kind: Reason['kind'], segments: Reason['segments'], defs: Def[]): Reason[] {
  return defs.map(([id, ru, uk, en, extra]) => ({
    id,
    kind,
    label: { ru, uk, en },
    segments,
    commentRequired: false,
    soft: false,
    asks: [],
    retired: false,
    ...extra,
  }));
}

const describe = (ru: string, uk: string, en: string): LocalizedText => ({ ru, uk, en });

export const DEFAULT_REASONS: Reason[] = [
  ...reasons('junk', ALL, [
    ['spam', 'Спам', 'Спам', 'Spam'],
    ['wrong-number', 'Неверный номер', 'Невірний номер', 'Wrong number'],
    ['duplicate', 'Дубль', 'Дубль', 'Duplicate'],
    ['not-a-customer', 'Не клиент (поставщик, соискатель…)', 'Не клієнт (постачальник, здобувач…)', 'Not a customer (vendor, job seeker…)'],
    ['test', 'Тестовая заявка', 'Тестова заявка', 'Test request'],
  ]),
  ...reasons('loss', ALL, [
    ['price', 'Дорого', 'Дорого', 'Price too high'],
    ['competitor', 'Выбрал конкурента', 'Обрав конкурента', 'Chose a competitor', { asks: ['competitor'] }],
    ['no-budget', 'Нет бюджета', 'Немає бюджету', 'No budget'],
    ['no-decision', 'Не принял решение', 'Не ухвалив рішення', 'No decision made'],
    ['unresponsive', 'Пропал, не выходит на связь', 'Зник, не виходить на зв’язок', 'Stopped responding'],
    ['not-target', 'Нецелевой запрос', 'Нецільовий запит', 'Not a target request', { commentRequired: true }],
    ['out-of-stock', 'Нет в наличии', 'Немає в наявності', 'Out of stock'],
    ['timing', 'Не сейчас (сроки)', 'Не зараз (терміни)', 'Bad timing'],
    ['other', 'Другое', 'Інше', 'Other', { commentRequired: true }],
  ]),
  ...reasons('loss', ['outbound-b2b'], [
    ['company-closed', 'Компания закрылась', 'Компанія закрилася', 'Company closed'],
    [
      'too-small', 'Слишком мелкий', 'Замалий', 'Too small',
      { commentRequired: true, description: describe('Укажите проверяемый факт: оборот, штат…', 'Вкажіть факт, який можна перевірити: оборот, штат…', 'State a verifiable fact: turnover, headcount…') },
    ],
    [
      'too-large', 'Слишком крупный', 'Завеликий', 'Too large',
      { commentRequired: true, description: describe('Укажите проверяемый факт: оборот, штат…', 'Вкажіть факт, який можна перевірити: оборот, штат…', 'State a verifiable fact: turnover, headcount…') },
    ],
    ['gatekeeper', 'Не прошёл секретаря', 'Не пройшов секретаря', 'Stuck at the gatekeeper', { soft: true }],
  ]),
  ...reasons('loss', OUTBOUND, [
    ['has-supplier', 'Есть свой поставщик (родственник, партнёр)', 'Є свій постачальник (родич, партнер)', 'Has a supplier (relative, partner)'],
    ['excuse-send-email', 'Отговорка: «пришлите на почту»', 'Відмовка: «надішліть на пошту»', 'Excuse: "send it by email"', { soft: true }],
    ['excuse-call-later', 'Отговорка: «перезвоните позже»', 'Відмовка: «передзвоніть пізніше»', 'Excuse: "call back later"', { soft: true }],
    ['excuse-not-interested', 'Отговорка: «не интересно»', 'Відмовка: «не цікаво»', 'Excuse: "not interested"', { soft: true }],
  ]),
  ...reasons('loss', INBOUND, [
    [
      'price-calculation-only', 'Только просчёт', 'Лише прорахунок', 'Price calculation only',
      { description: describe('Просил «посчитать», покупать не собирался', 'Просив «порахувати», купувати не збирався', 'Wanted a quote only, never meant to buy') },
    ],
    ['outside-area', 'Вне зоны обслуживания', 'Поза зоною обслуговування', 'Outside service area'],
    ['product-gap', 'Нет такого товара/услуги', 'Немає такого товару/послуги', 'We don’t offer it', { commentRequired: true }],
    ['no-show', 'Не пришёл на встречу', 'Не прийшов на зустріч', 'No-show'],
  ]),
  ...reasons('outcome', ALL, [
    ['closed-by-mistake', 'Закрыт по ошибке — возвращён в работу', 'Закрито помилково — повернуто в роботу', 'Closed by mistake — back in work'],
  ]),
];

/** The catalog a new install starts with. `updatedAt` is fixed so the default is a stable value. */
export const DEFAULT_CATALOG: Catalog = {
  revision: 1,
  updatedAt: Date.UTC(2026, 0, 1),
  reasons: DEFAULT_REASONS,
};

/** The reasons the panel offers for a segment: active, not outcomes, in catalog order. */
export function reasonsForSegment(catalog: Catalog, segment: Segment): Reason[] {
  return catalog.reasons.filter(
    (r) => !r.retired && r.kind !== 'outcome' && (r.segments === 'all' || r.segments.includes(segment)),
  );
}

export function findReason(catalog: Catalog, id: string | null | undefined): Reason | undefined {
  return id ? catalog.reasons.find((r) => r.id === id) : undefined;
}

/** A reason's label; a reason unknown to this catalog shows as "unknown reason (id)". */
export function reasonLabel(catalog: Catalog, id: string, lang: Lang, unknown: (id: string) => string): string {
  const reason = findReason(catalog, id);
  return reason ? pickText(reason.label, lang) : unknown(id);
}
