import { describe, expect, it } from 'vitest';
import { GlobalsSchema, pipelineIdByName, pipelineName, statusIdByName, statusNameOf } from './globals';

const g = GlobalsSchema.parse({
  user: { id: '501', name: 'Анна' },
  account: 'acme',
  pipelines: [
    { id: '3', name: 'Продажи', statuses: [{ id: '20', name: 'Первичный контакт' }, { id: '143', name: 'Закрыто и не реализовано' }] },
    { id: '7', name: 'Партнёры', statuses: [{ id: '30', name: 'Первичный контакт' }, { id: '143', name: 'Закрыто и не реализовано' }] },
  ],
});

describe('amoCRM page globals', () => {
  it('finds names by id', () => {
    expect(pipelineName(g, '7')).toBe('Партнёры');
    expect(pipelineName(g, '9')).toBeNull();
    expect(statusNameOf(g, '3', '20')).toBe('Первичный контакт');
    expect(statusNameOf(g, null, '30')).toBe('Первичный контакт');
    expect(statusNameOf(null, '3', '20')).toBeNull();
  });

  it('finds an id by name only when it is unambiguous', () => {
    expect(statusIdByName(g, '7', 'Первичный контакт')).toBe('30');
    expect(statusIdByName(g, null, 'Первичный контакт')).toBeNull();
    expect(pipelineIdByName(g, 'Продажи')).toBe('3');
    expect(pipelineIdByName(g, 'Нет такой')).toBeNull();
  });

  it('refuses a forged shape and accepts globals without pipelines', () => {
    expect(GlobalsSchema.safeParse({ user: { id: 5, name: 'x' }, account: null }).success).toBe(false);
    expect(GlobalsSchema.parse({ user: { id: null, name: null }, account: null }).pipelines).toEqual([]);
  });
});
