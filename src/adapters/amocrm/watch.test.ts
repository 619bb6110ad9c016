import { describe, expect, it } from 'vitest';
import { lead } from '../../../test/support/records';
import type { AdapterRuntime, CloseEvent } from '../types';
import { createWatch } from './watch';

function fakeRuntime() {
  const closes: CloseEvent[] = [];
  const natives: [string, unknown][] = [];
  const rt = {
    signal: new AbortController().signal,
    url: new URL('https://acme.amocrm.ru/leads/list/'),
    close: (e: CloseEvent) => closes.push(e),
    native: (l: { leadId: string }, n: unknown) => natives.push([l.leadId, n]),
    onBridge: () => undefined,
    toBridge: () => undefined,
    hookMissing: () => undefined,
  } as unknown as AdapterRuntime;
  return { rt, closes, natives };
}

describe('amoCRM page watch', () => {
  it('leaves out leads already in the target status (a save of a lost lead repeats its status)', () => {
    const f = fakeRuntime();
    const w = createWatch(f.rt);
    const lost = { id: '143', name: 'Закрыто и не реализовано' };
    w.report({ via: 'list', leads: [lead({ leadId: '1', fromStage: lost }), lead({ leadId: '2' })] });
    w.report({ via: 'request', leads: [lead({ leadId: '3', fromStage: lost })] });
    expect(f.closes.map((e) => e.leads.map((l) => l.leadId))).toEqual([['2']]);
    expect(w.closed('2', '143')).toBe(true);
    expect(w.closed('1', '143')).toBe(false);
    expect(w.lastClosed()).toEqual(['2']);
  });

  it('adds a native reason to closes of this page only, filling in a name learnt before', () => {
    const f = fakeRuntime();
    const w = createWatch(f.rt);
    w.report({ via: 'card', leads: [lead({ leadId: '7' })] });
    w.native(['7', '8'], { id: '9001', name: 'Дорого' });
    w.native(['7'], { id: '9001', name: null });
    w.reopened('7');
    w.native(['7'], { id: '9003', name: 'Нет бюджета' });
    expect(f.natives).toEqual([
      ['7', { id: '9001', name: 'Дорого' }],
      ['7', { id: '9001', name: 'Дорого' }],
    ]);
    expect(w.nativeName('9003')).toBe('Нет бюджета');
  });
});
