/**
 * Nothing lost, and fixed later, in real Chromium: closes deferred («Позже») or left by closing
 * the tab stay pending, the toolbar badge counts them, the popup lists them with a link back to
 * the lead and a way to answer each (the record page with the panel) or all together (one by
 * one, or one reason for all); a tagged record's answer is changed later and it is marked
 * "closed by mistake → returned to work" with who and when.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection } from '../../src/core/rejection';
import { amoSetStatus, eventually, panel, startHarness, storedRecords, type Harness } from './helpers';
import { badgeText, panelIn, writeSettings } from '../support/panel-drive';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const byLead = (records: Rejection[]) => new Map(records.map((r) => [r.leadId, r]));

async function recordsWhen(accept: (byLead: Map<string, Rejection>) => boolean): Promise<Map<string, Rejection>> {
  const records = await eventually(() => storedRecords(h.browser), (rs) => accept(byLead(rs)), 10_000);
  const map = byLead(records);
  expect(accept(map), `records: ${JSON.stringify([...map.values()].map((r) => [r.leadId, r.status, r.reasonId]))}`).toBe(true);
  return map;
}

/** Opens a link of an extension page that targets a new tab, and returns that tab. */
async function follow(page: Page, selector: string): Promise<Page> {
  const [opened] = await Promise.all([h.browser.context.waitForEvent('page'), page.locator(selector).click()]);
  await opened.waitForLoadState('domcontentloaded');
  return opened;
}

describe('pending queue and edits after the fact', () => {
  it('defer or close the tab → pending, counted on the badge, listed in the popup, answered from there, then edited and marked closed by mistake', async () => {
    await writeSettings(h.browser, (s) => ({ ...s, identity: { ...s.identity, name: 'Ольга Руководитель' } }));
    const page = await h.browser.context.newPage();
    const p = panel(page);
    for (const id of ['3001', '3002', '3003', '3004']) {
      await page.goto(h.server.url('demo.amocrm.ru', `/leads/detail/${id}`));
      await amoSetStatus(page, '143');
      await p.root.waitFor();
      await p.later.click();
      await p.root.waitFor({ state: 'detached' });
    }
    // A tab closed with the panel still open: the close is kept as pending too.
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/3005'));
    await amoSetStatus(page, '143');
    await p.root.waitFor();
    await page.close();
    const leads = ['3001', '3002', '3003', '3004', '3005'];
    const pending = await recordsWhen((m) => leads.every((id) => m.get(id)?.status === 'pending'));
    await expect.poll(() => badgeText(h.browser), { timeout: 10_000 }).toBe('5');

    // The popup lists them, newest first, each with a link back to the lead.
    const popup = await h.browser.openExtensionPage('popup.html');
    const items = popup.locator('[data-testid="wl-pending-item"]');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(5);
    await expect(items.first().getAttribute('data-record-id')).resolves.toBe(pending.get('3005')!.id);
    await expect(items.first().locator('[data-testid="wl-pending-open"]').getAttribute('href')).resolves.toBe(pending.get('3005')!.url);

    // Answer one from the popup: the record page opens with the panel.
    const first = pending.get('3001')!;
    const recordPage = await follow(popup, `[data-testid="wl-pending-item"][data-record-id="${first.id}"] [data-testid="wl-pending-tag"]`);
    expect(new URL(recordPage.url()).pathname + new URL(recordPage.url()).search).toBe(`/record.html?id=${first.id}`);
    const rp = panelIn(recordPage.locator('main'));
    await rp.reason('price').click();
    await rp.comment.fill('Бюджет 50 тыс., наша цена 85 тыс.');
    await rp.save.click();
    await recordPage.locator('[data-testid="wl-record-saved"]').waitFor();
    await expect(recordPage.locator('[data-testid="wl-record-status"]').getAttribute('data-status')).resolves.toBe('tagged');
    await expect.poll(() => badgeText(h.browser), { timeout: 10_000 }).toBe('4');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(4); // the open popup updates live

    // Answer the other four together: two one by one, then one reason for the remaining two.
    const all = await follow(popup, '[data-testid="wl-pending-tag-all"]');
    const bp = panelIn(all.locator('main'));
    await bp.batchEach.check();
    for (const [reason, comment] of [
      ['no-budget', 'Бюджет на климат урезали до весны'],
      ['timing', 'Переезд офиса, вернутся к вопросу осенью'],
    ] as const) {
      await expect(bp.lead.textContent()).resolves.toMatch(/^Лид [12] из 4: /);
      await bp.reason(reason).click();
      await bp.comment.fill(comment);
      await bp.save.click();
    }
    await expect.poll(() => bp.lead.textContent(), { timeout: 10_000 }).toMatch(/^Лид 3 из 4: /);
    await bp.batchAll.check();
    await expect(bp.lead.textContent()).resolves.toBe('Закрыто сразу 2 лидов');
    await bp.reason('spam').click();
    await bp.comment.fill('Автоматические заявки с одного IP');
    await expect(bp.save.textContent()).resolves.toBe('Сохранить для всех 2');
    await bp.save.click();
    await all.locator('[data-testid="wl-record-done"]').waitFor({ timeout: 10_000 });
    const tagged = await recordsWhen((m) => leads.every((id) => m.get(id)?.status === 'tagged'));
    // Each lead has its own record: newest first in the list, so 3005 and 3004 went one by one.
    expect(leads.map((id) => tagged.get(id)!.reasonId)).toEqual(['price', 'spam', 'spam', 'timing', 'no-budget']);
    expect(new Set(leads.map((id) => tagged.get(id)!.id)).size).toBe(5);
    await expect.poll(() => badgeText(h.browser), { timeout: 10_000 }).toBe('');
    await expect.poll(() => items.count(), { timeout: 10_000 }).toBe(0);
    await all.close();

    // Later: change the answer of the first one.
    await recordPage.reload();
    await expect(rp.reason('price').getAttribute('aria-checked')).resolves.toBe('true');
    await expect(rp.comment.inputValue()).resolves.toBe('Бюджет 50 тыс., наша цена 85 тыс.');
    await rp.reason('competitor').click();
    await rp.competitor.fill('Климат-Про');
    await rp.comment.fill('Перезвонили: ушли к Климат-Про, у них монтаж в тот же день');
    await rp.save.click();
    const edited = (await recordsWhen((m) => m.get('3001')?.reasonId === 'competitor')).get('3001')!;
    expect(edited).toMatchObject({ id: first.id, status: 'tagged', competitor: 'Климат-Про', taggedAt: tagged.get('3001')!.taggedAt });
    expect(edited.updatedAt).toBeGreaterThan(tagged.get('3001')!.updatedAt);

    // Closed by mistake → returned to work: who and when are kept, the reason stays for the raw figures.
    await recordPage.locator('[data-testid="wl-reopen-note"]').fill('Клиент перезвонил сам, сделка в работе');
    const clickedAt = Date.now();
    await recordPage.locator('[data-testid="wl-reopen"]').click();
    await expect(recordPage.locator('[data-testid="wl-reopened"]').textContent({ timeout: 10_000 })).resolves.toContain('Ольга Руководитель');
    const reopened = (await recordsWhen((m) => m.get('3001')?.reopened !== null)).get('3001')!;
    expect(reopened).toMatchObject({
      status: 'tagged',
      reasonId: 'competitor',
      reopened: { by: 'Ольга Руководитель', note: 'Клиент перезвонил сам, сделка в работе' },
    });
    expect(reopened.reopened!.at).toBeGreaterThanOrEqual(clickedAt - 1_000);
    // …and it can be taken back.
    await recordPage.locator('[data-testid="wl-unreopen"]').click();
    await recordsWhen((m) => m.get('3001')?.reopened === null);
    await recordPage.locator('[data-testid="wl-reopen"]').waitFor();
    await recordPage.close();
    await popup.close();
  });
});
