// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultSettings } from '../../core/settings';
import type { AdapterRuntime, BridgeMessage, CloseEvent } from '../types';
import { oneboxAdapter } from './index';

const STAGES: [string, string][] = [['12', 'В роботі'], ['15', 'Відмова'], ['16', 'Не цільовий'], ['17', 'Закрито без оплати']];

function card(current: string) {
  history.replaceState(null, '', '/admin/shop/orders/1001/');
  document.body.innerHTML = `<h1 class="ob-order__name">Кондиціонер</h1>
    <section class="ob-workflow" data-workflow-id="2"><span class="ob-workflow__name">Продажі</span>
    <button class="ob-workflow__current"></button>
    <ul>${STAGES.map(([id, name]) => `<li class="ob-workflow__stage" data-status-id="${id}">${name}</li>`).join('')}</ul></section>`;
  show(current);
}

function show(id: string) {
  const el = document.querySelector<HTMLElement>('.ob-workflow__current')!;
  el.dataset.statusId = id;
  el.textContent = STAGES.find((s) => s[0] === id)![1];
}

function start() {
  const closes: CloseEvent[] = [];
  const bridge: ((m: BridgeMessage) => void)[] = [];
  const controller = new AbortController();
  const missing: string[] = [];
  const rt: AdapterRuntime = {
    signal: controller.signal,
    url: new URL(location.href),
    settings: () => defaultSettings('x'),
    close: (e) => closes.push(e),
    withdraw: () => undefined,
    hookMissing: (name) => missing.push(name),
    onBridge: (l) => bridge.push(l),
    toBridge: () => undefined,
  };
  oneboxAdapter.start(rt, oneboxAdapter.page(new URL(location.href), document)!);
  const request = (statusId: string) =>
    bridge.forEach((l) => l({ crm: 'onebox', type: 'stage-request', payload: { changes: [{ orderId: '1001', statusId, workflowId: '2' }] } }));
  return { closes, request, missing, stop: () => controller.abort() };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('OneBox adapter on the order card', () => {
  let stop = () => {};
  afterEach(() => stop());

  it('fires once when the visible stage becomes a refusal stage, even when the request reports it too', async () => {
    card('12');
    const w = start();
    stop = w.stop;
    show('15');
    await settle();
    w.request('15');
    expect(w.closes).toHaveLength(1);
    expect(w.closes[0]!.via).toBe('card');
    expect(w.closes[0]!.leads[0]).toMatchObject({ leadId: '1001', fromStage: { id: '12' }, toStage: { id: '15', name: 'Відмова' } });
  });

  it('fires from the request alone, with the stage name read from the list of stages', async () => {
    card('12');
    const w = start();
    stop = w.stop;
    w.request('17');
    expect(w.closes.map((c) => [c.via, c.leads[0]!.toStage, c.leads[0]!.fromStage?.id])).toEqual([['request', { id: '17', name: 'Закрито без оплати' }, '12']]);
  });

  it('stays quiet for other stages, for a card opened already refused, and between two refusal stages', async () => {
    card('15');
    const w = start();
    stop = w.stop;
    show('17'); // refusal → refusal: not a new close
    await settle();
    show('12');
    await settle();
    show('16'); // not a refusal name by default
    await settle();
    w.request('16');
    expect(w.closes).toHaveLength(0);
  });

  it('stops watching when the page goes', async () => {
    card('12');
    const w = start();
    w.stop();
    show('15');
    await settle();
    expect(w.closes).toHaveLength(0);
  });

  it('reports the request watch missing when the main-world script never answers', () => {
    vi.useFakeTimers();
    try {
      card('12');
      const w = start();
      stop = w.stop;
      vi.advanceTimersByTime(9_000);
      expect(w.missing).toEqual(['request-watch']);
    } finally {
      vi.useRealTimers();
    }
  });
});
