/**
 * amoCRM's own loss reasons (an account setting), end to end in real Chromium: amoCRM asks for
 * its reason in a modal after the close; the reason is stored in the record's `native` beside
 * ours, and our reason of the same name is preselected in the panel (while none is chosen).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoBulkChangeStatus, amoDragToLost, amoPickLossReason, recordsOf } from './amocrm-drive';
import { amoSetStatus, panel, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('amoCRM native loss reason', () => {
  it('card: the reason chosen in amoCRM’s modal after the close lands on the record and preselects ours', async () => {
    const host = 'native.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/detail/1002?loss=1'));
    const p = panel(page);
    await amoSetStatus(page, '143');
    await p.root.waitFor({ timeout: 10_000 });
    await expect(p.root.locator('[data-testid="wl-reason"][aria-checked="true"]').count()).resolves.toBe(0);
    await recordsOf(h.browser, host, (r) => r.length === 1);

    await amoPickLossReason(page, '9001'); // «Дорого»
    await expect.poll(() => p.reason('price').getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    const pending = await recordsOf(h.browser, host, (r) => r[0]?.native !== null);
    expect(pending).toHaveLength(1);
    expect(pending[0]).toMatchObject({ status: 'pending', native: { id: '9001', name: 'Дорого' } });

    await p.comment.fill('Нашли дешевле на 30%, скидку дать не можем');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await recordsOf(h.browser, host, (r) => r[0]?.status === 'tagged');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'tagged', via: 'card', leadId: '1002', reasonId: 'price', native: { id: '9001', name: 'Дорого' } });
    // The second card save carried the reason too: it changed nothing.
    expect(h.server.requests.filter((r) => r.host === host && decodeURIComponent(r.body).includes('lead[LOSS_REASON_ID]=9001'))).toHaveLength(1);

    // Corrected later in the card's own control: the record follows.
    await page.locator('.pipeline-select-view__loss-reason-name').click();
    await page.locator('.pipeline-select-view__loss-reason label[for="inline_loss_9003"]').click();
    const corrected = await recordsOf(h.browser, host, (r) => r[0]?.native?.id === '9003');
    expect(corrected).toHaveLength(1);
    expect(corrected[0]).toMatchObject({ status: 'tagged', reasonId: 'price', native: { id: '9003', name: 'Нет бюджета' } });
    await page.close();
  });

  it('kanban (Kommo, English): the reason asked after the drop lands on the record', async () => {
    const host = 'native.kommo.com';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/pipeline/3?loss=1'));
    const p = panel(page);
    await amoDragToLost(page, '1006');
    await p.root.waitFor({ timeout: 10_000 });
    await amoPickLossReason(page, '9003'); // "No budget"
    await expect.poll(() => p.reason('no-budget').getAttribute('aria-checked'), { timeout: 10_000 }).toBe('true');
    await p.later.click();
    const records = await recordsOf(h.browser, host, (r) => r[0]?.native !== null && r[0]?.native !== undefined);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'pending', via: 'kanban', leadId: '1006', native: { id: '9003', name: 'No budget' }, toStage: { id: '143', name: 'Closed - lost' } });
    await page.close();
  });

  it('list: one reason for the whole batch lands on every record; a name we do not have preselects nothing', async () => {
    const host = 'native-list.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/list/pipeline/3?loss=1'));
    const p = panel(page);
    await amoBulkChangeStatus(page, ['1004', '1008'], '143');
    await p.root.waitFor({ timeout: 10_000 });
    await amoPickLossReason(page, '9002'); // «Выбрали конкурента»: not a name of our catalog
    const records = await recordsOf(h.browser, host, (r) => r.length === 2 && r.every((x) => x.native !== null));
    expect(records.map((r) => [r.leadId, r.native]).sort()).toEqual([
      ['1004', { id: '9002', name: 'Выбрали конкурента' }],
      ['1008', { id: '9002', name: 'Выбрали конкурента' }],
    ]);
    await expect(p.root.locator('[data-testid="wl-reason"][aria-checked="true"]').count()).resolves.toBe(0);
    await page.close();
  });
});
