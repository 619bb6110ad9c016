import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AdapterRuntime, BridgeMessage } from '../types';
import { GlobalsSchema, MAIN_WORLD_SILENCE_MS, pipelineIdByName, pipelineName, statusIdByName, statusNameOf, watchGlobals } from './globals';

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

describe('watchGlobals', () => {
  const fakeRuntime = () => {
    const listeners: ((m: BridgeMessage) => void)[] = [];
    const missing: string[] = [];
    const sent: string[] = [];
    const controller = new AbortController();
    const rt = {
      signal: controller.signal,
      url: new URL('https://acme.amocrm.ru/leads/detail/1'),
      onBridge: (l: (m: BridgeMessage) => void) => listeners.push(l),
      toBridge: (type: string) => sent.push(type),
      hookMissing: (name: string) => missing.push(name),
    } as unknown as AdapterRuntime;
    const emit = (type: string, payload: unknown) => listeners.forEach((l) => l({ crm: 'amocrm', type, payload }));
    return { rt, emit, missing, sent, controller };
  };

  afterEach(() => vi.useRealTimers());

  it('asks for the globals, keeps valid ones and ignores forged shapes', () => {
    const f = fakeRuntime();
    const globals = watchGlobals(f.rt);
    expect(f.sent).toEqual(['context?']);
    f.emit('context', { user: { id: '501', name: 'Анна' }, account: 'acme', pipelines: [] });
    f.emit('context', { user: 'root', account: 1 });
    expect(globals()).toMatchObject({ user: { id: '501' }, account: 'acme' });
    f.controller.abort();
  });

  it('reports a main-world script that never answers, and a request hook that is not in place', () => {
    vi.useFakeTimers();
    const silent = fakeRuntime();
    watchGlobals(silent.rt);
    vi.advanceTimersByTime(MAIN_WORLD_SILENCE_MS + 1);
    expect(silent.missing).toEqual(['main-world']);

    const hookless = fakeRuntime();
    watchGlobals(hookless.rt);
    hookless.emit('hooks', { xhr: false, fetch: true });
    vi.advanceTimersByTime(MAIN_WORLD_SILENCE_MS + 1);
    expect(hookless.missing).toEqual(['request-watch']);

    const fine = fakeRuntime();
    watchGlobals(fine.rt);
    fine.emit('hooks', { xhr: true, fetch: true });
    vi.advanceTimersByTime(MAIN_WORLD_SILENCE_MS + 1);
    expect(fine.missing).toEqual([]);
  });
});
