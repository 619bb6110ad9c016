/**
 * A page's opening question is sent before its code has loaded (early.ts) and taken later:
 * once, by the key and message it was asked under, and validated like any other answer.
 */
import { describe, expect, it, vi } from 'vitest';
import { askEarly, takeEarly } from './early';
import { call, serve } from './messaging';

const range = { from: null, to: null };

describe('early questions', () => {
  it('are answered once: the page takes the answer that was asked, and a second take finds none', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, value: { total: 3, junk: 1, loss: 2, pending: 0, byReason: [] } }));
    const stop = serve('summary', handler as never);
    askEarly('summary:all', 'summary', range, async () => 7);
    const early = takeEarly('summary:all', 'summary');
    expect(early).not.toBeNull();
    await expect(early!.revision).resolves.toBe(7);
    const res = await call('summary', range, early!.answer);
    expect(res).toEqual({ ok: true, value: { total: 3, junk: 1, loss: 2, pending: 0, byReason: [] } });
    expect(handler).toHaveBeenCalledTimes(1); // taken, not asked again
    expect(takeEarly('summary:all', 'summary')).toBeNull();
    stop();
  });

  it('are not taken under another key or for another message', () => {
    const stop = serve('summary', (async () => ({ ok: true, value: { total: 0, junk: 0, loss: 0, pending: 0, byReason: [] } })) as never);
    askEarly('summary:all', 'summary', range, async () => 0);
    expect(takeEarly('summary:30d', 'summary')).toBeNull();
    expect(takeEarly('summary:all', 'popupStats')).toBeNull();
    expect(takeEarly('summary:all', 'summary')).not.toBeNull();
    stop();
  });

  it('are validated when taken: a malformed answer is refused as from any call', async () => {
    const stop = serve('summary', (async () => ({ ok: true, value: { total: 'many' } })) as never);
    askEarly('summary:bad', 'summary', range, async () => 0);
    const res = await call('summary', range, takeEarly('summary:bad', 'summary')!.answer);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    stop();
  });
});
