/**
 * Foundation path, end to end in real Chromium: an amoCRM lead card's status set to
 * «Закрыто и не реализовано» (143) → panel → rules → save → one record → popup counts it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectReportedBroken } from './amocrm-drive';
import { amoSetStatus, eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('amoCRM lead card → lost', () => {
  it('asks why, refuses a bad answer, stores one record with the lead context, and the popup counts it', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/1001'));
    const p = panel(page);

    // Another status opens nothing.
    await amoSetStatus(page, '22');
    await page.waitForTimeout(300);
    await expect(p.root.count()).resolves.toBe(0);

    await amoSetStatus(page, '143');
    await p.root.waitFor();
    expect(await p.reasons.count()).toBeGreaterThan(5);
    // The pending record exists before anything is answered.
    const pending = await eventually(() => storedRecords(h.browser), (r) => r.length === 1);
    expect(pending.map((r) => r.status)).toEqual(['pending']);

    await p.save.click();
    await expect(p.error.textContent()).resolves.toMatch(/Выберите причину/);
    await p.reason('price').click();
    await p.comment.fill('-');
    await p.save.click();
    await expect(p.error.textContent()).resolves.toContain('«-» — это не комментарий');
    await p.comment.fill('Бюджет 50 тыс., наша цена 85 тыс.');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    const records = await eventually(() => storedRecords(h.browser), (r) => r[0]?.status === 'tagged');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      status: 'tagged',
      crm: 'amocrm',
      host: 'demo.amocrm.ru',
      account: 'demo',
      entityType: 'lead',
      leadId: '1001',
      title: 'Кондиционер в офис',
      amount: 85000,
      pipeline: { id: '3', name: 'Продажи' },
      fromStage: { id: '22', name: 'Принимают решение' }, // moved there first, above
      toStage: { id: '143', name: 'Закрыто и не реализовано' },
      manager: { id: '501', name: 'Анна Петрова' },
      via: 'card',
      reasonId: 'price',
      comment: 'Бюджет 50 тыс., наша цена 85 тыс.',
    });
    expect(records[0]!.url).toMatch(/^https:\/\/demo\.amocrm\.ru:\d+\/leads\/detail\/1001$/);

    const popup = await h.browser.openExtensionPage('popup.html');
    await expect(popup.locator('[data-testid="wl-total"]').textContent()).resolves.toBe('1');
    await expect(popup.locator('[data-testid="wl-pending"]').textContent()).resolves.toBe('0');
    const row = popup.locator('[data-testid="wl-reason-row"][data-reason-id="price"]');
    await expect(row.locator('[data-testid="wl-count"]').textContent()).resolves.toBe('1');

    // Live: a second close, deferred, shows up as pending in the open popup without a reload.
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/1002'));
    await amoSetStatus(page, '143');
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    await expect
      .poll(() => popup.locator('[data-testid="wl-pending"]').textContent(), { timeout: 5_000 })
      .toBe('1');
    await popup.close();
    await page.close();
  });

  it('reports "detection not working" on a redesigned card instead of staying silent', async () => {
    await expectReportedBroken(h, 'broken.amocrm.ru', '/leads/detail/1001', 'lead-card', /status-view/);
  });
});
