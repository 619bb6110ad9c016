/** Builders of valid test data, so each test states only what it is about. */
import type { CaptureRequest } from '../../src/core/protocol';
import type { Answer, LeadContext } from '../../src/core/rejection';
import { EMPTY_ANSWER } from '../../src/core/rejection';

export const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);

export function lead(over: Partial<LeadContext> = {}): LeadContext {
  return {
    crm: 'amocrm',
    host: 'demo.amocrm.ru',
    account: 'demo',
    entityType: 'lead',
    entityTypeId: null,
    leadId: '1001',
    title: 'Кондиционер в офис',
    url: 'https://demo.amocrm.ru/leads/detail/1001',
    amount: 85000,
    currency: null,
    pipeline: { id: '3', name: 'Продажи' },
    fromStage: { id: '21', name: 'Переговоры' },
    toStage: { id: '143', name: 'Закрыто и не реализовано' },
    manager: { id: '501', name: 'Анна Петрова' },
    native: null,
    ...over,
  };
}

let n = 0;
export function captureOf(over: Partial<CaptureRequest> = {}, context: Partial<LeadContext> = {}): CaptureRequest {
  n++;
  return { id: `rec-${String(n).padStart(6, '0')}`, via: 'card', detectedAt: T0, context: lead(context), ...over };
}

export function answer(over: Partial<Answer> = {}): Answer {
  return { ...EMPTY_ANSWER, segment: 'inbound-b2b', reasonId: 'price', comment: 'Бюджет 50 тыс., наша цена 80 тыс.', ...over };
}
