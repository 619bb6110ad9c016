import { describe, expect, it, vi } from 'vitest';
import { captureOf } from '../../test/support/records';
import { call, serve } from './messaging';

describe('typed messaging', () => {
  it('hands a valid request to the handler, parsed', async () => {
    const handler = vi.fn(async () => ({ ok: true as const, value: null }));
    const stop = serve('reportHealth', handler);
    const report = { crm: 'amocrm' as const, host: 'a.amocrm.ru', page: 'lead-card', ok: true, missing: [], url: 'https://a.amocrm.ru/', at: Date.UTC(2026, 0, 2) };
    await expect(call('reportHealth', report)).resolves.toEqual({ ok: true, value: null });
    expect(handler).toHaveBeenCalledWith(report, expect.anything());
    stop();
  });

  it('drops a malformed request with a logged reason; the handler never runs', async () => {
    const handler = vi.fn();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const stop = serve('capture', handler);
    const bad = { ...captureOf(), context: { ...captureOf().context, leadId: '' } };
    const res = await call('capture', bad);
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    expect(!res.ok && res.error.message).toContain('context.leadId');
    expect(handler).not.toHaveBeenCalled();
    expect(warn).toHaveBeenCalled();
    stop();
    warn.mockRestore();
  });

  it('refuses a response that does not fit its schema', async () => {
    const stop = serve('summary', (async () => ({ ok: true, value: { total: 'many' } })) as never);
    const res = await call('summary', { from: null, to: null });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-message' } });
    stop();
  });
});
