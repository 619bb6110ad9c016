import { describe, expect, it } from 'vitest';
import { captureOf } from '../../../test/support/records';
import { createPanelStore } from './store';

describe('panel store', () => {
  it('keeps a batch session until every lead is answered, then drops it and returns it', () => {
    const store = createPanelStore();
    const [a, b, c] = [captureOf(), captureOf(), captureOf()];
    const next = captureOf();
    store.getState().push({ items: [a!, b!, c!], suggestedReasonId: 'price' });
    store.getState().push({ items: [next] });
    const key = store.getState().sessions[0]!.key;
    expect(store.getState().sessions[0]).toMatchObject({ total: 3, suggestedReasonId: 'price' });

    expect(store.getState().resolve([a!.id])).toEqual([]);
    expect(store.getState().sessions[0]).toMatchObject({ key, total: 3, items: [b, c] });
    const finished = store.getState().resolve([b!.id, c!.id]);
    expect(finished.map((s) => s.key)).toEqual([key]);
    expect(store.getState().sessions.map((s) => s.items)).toEqual([[next]]);
  });

  it('adopts the id the background chose without changing the session key', () => {
    const store = createPanelStore();
    const a = captureOf();
    store.getState().push({ items: [a] });
    const key = store.getState().sessions[0]!.key;
    store.getState().adoptId(a.id, 'rec-earlier1');
    expect(store.getState().sessions[0]).toMatchObject({ key, items: [{ id: 'rec-earlier1' }] });
  });
});
