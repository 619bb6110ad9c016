/**
 * Deterministic exchange files for tests, the bad-input corpus and the merge benchmark:
 * the same arguments always give the same bytes.
 */
import { DEFAULT_CATALOG, type Catalog } from '../../src/core/catalog';
import type { Owner } from '../../src/core/exchange/format';
import { recordsFileParts } from '../../src/core/exchange/json';
import { scanRecords } from '../../src/core/storage/packs';
import type { WhyLostDB } from '../../src/core/storage/db';
import { leadKeyOf, type Rejection } from '../../src/core/rejection';
import { T0 } from './records';

export const ANNA: Owner = { id: 'owner-anna-0001', name: 'Анна Петрова' };
export const BORIS: Owner = { id: 'owner-boris-0002', name: 'Борис Коваленко' };

const REASONS = ['price', 'competitor', 'no-budget', 'unresponsive', 'spam', 'wrong-number', 'timing', 'other'];
const COMMENTS = [
  'Бюджет 50 тыс., наша цена 80 тыс. — дорого',
  'Ушёл к конкуренту: там доставка за день',
  'Клиент не отвечает третью неделю, 5 звонков',
  'Спам-заявка с сайта, номер не существует',
  'Просил только просчёт, покупать не собирался',
];

/** Record number `i` of an owner: a tagged amoCRM lead with Cyrillic text. */
export function makeRecord(owner: Owner, i: number, over: Partial<Rejection> = {}): Rejection {
  const leadId = String(100_000 + i);
  const context = {
    crm: 'amocrm' as const,
    host: 'demo.amocrm.ru',
    account: 'demo',
    entityType: 'lead' as const,
    entityTypeId: null,
    leadId,
  };
  const detectedAt = T0 - i * 3_600_000;
  return {
    ...context,
    title: `Сделка №${leadId}: кондиционер`,
    url: `https://demo.amocrm.ru/leads/detail/${leadId}`,
    amount: 10_000 + (i % 90) * 1_000,
    currency: 'RUB',
    pipeline: { id: '3', name: 'Продажи' },
    fromStage: { id: '21', name: 'Переговоры' },
    toStage: { id: '143', name: 'Закрыто и не реализовано' },
    manager: { id: '501', name: owner.name || null },
    native: null,
    segment: 'inbound-b2b',
    reasonId: REASONS[i % REASONS.length]!,
    comment: COMMENTS[i % COMMENTS.length]!,
    secondaryReasonIds: [],
    competitor: null,
    attempts: null,
    followUpAt: null,
    id: `${owner.id}-${String(i).padStart(6, '0')}`,
    status: 'tagged',
    leadKey: leadKeyOf(context),
    via: 'card',
    detectedAt,
    updatedAt: detectedAt + 60_000,
    taggedAt: detectedAt + 60_000,
    withdrawnAt: null,
    reopened: null,
    owner,
    ...over,
  };
}

export function makeRecords(owner: Owner, count: number, from = 0): Rejection[] {
  return Array.from({ length: count }, (_, k) => makeRecord(owner, from + k));
}

/** A valid records export of `records` by `owner`. */
export function exportText(owner: Owner, records: readonly Rejection[], catalog: Catalog = DEFAULT_CATALOG): string {
  return recordsFileParts(
    { exportedAt: T0 + 86_400_000, exportedBy: owner, app: 'WhyLost 0.1.0' },
    { filter: null, catalog, records },
  ).join('');
}

/** Every stored record, rows of `rejections` and records in packs alike, sorted by id. */
export async function everyRecord(db: WhyLostDB): Promise<Rejection[]> {
  const out: Rejection[] = [];
  await scanRecords(db, null, (page) => void out.push(...page));
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
