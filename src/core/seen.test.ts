import { describe, expect, it } from 'vitest';
import { seenPipelines } from './seen';

const T = Date.UTC(2026, 5, 1);
const rec = (host: string, pipeline: { id: string; name: string | null } | null, stage: { id: string; name: string | null } | null, at: number) => ({
  crm: 'amocrm' as const,
  host,
  pipeline,
  fromStage: stage,
  detectedAt: at,
});

describe('seenPipelines', () => {
  it('groups records by CRM, host and pipeline, with the stages leads left, counts and the newest names', () => {
    const list = seenPipelines([
      rec('b.amocrm.ru', { id: '3', name: 'Продажи' }, { id: '21', name: 'Переговоры' }, T),
      rec('a.amocrm.ru', { id: '7', name: 'Партнёры' }, { id: '30', name: 'Новый партнёр' }, T),
      rec('a.amocrm.ru', { id: '7', name: 'Партнёры 2026' }, { id: '31', name: null }, T + 10),
      rec('a.amocrm.ru', { id: '7', name: null }, { id: '30', name: 'Новый' }, T - 10), // older: names stay
      rec('a.amocrm.ru', null, null, T),
    ]);
    expect(list).toEqual([
      { crm: 'amocrm', host: 'a.amocrm.ru', pipeline: null, stages: [], records: 1, lastAt: T },
      {
        crm: 'amocrm',
        host: 'a.amocrm.ru',
        pipeline: { id: '7', name: 'Партнёры 2026' },
        stages: [
          { id: '31', name: null },
          { id: '30', name: 'Новый партнёр' },
        ],
        records: 3,
        lastAt: T + 10,
      },
      { crm: 'amocrm', host: 'b.amocrm.ru', pipeline: { id: '3', name: 'Продажи' }, stages: [{ id: '21', name: 'Переговоры' }], records: 1, lastAt: T },
    ]);
  });

  it('keeps the same pipeline id on two hosts apart', () => {
    const list = seenPipelines([rec('a.amocrm.ru', { id: '3', name: 'A' }, null, T), rec('b.amocrm.ru', { id: '3', name: 'B' }, null, T)]);
    expect(list.map((p) => `${p.host}:${p.pipeline?.name}`)).toEqual(['a.amocrm.ru:A', 'b.amocrm.ru:B']);
  });
});
