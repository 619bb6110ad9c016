/**
 * The panel on every adapter (issue 6: "works on the amoCRM fixture and on every other adapter
 * that has landed"): a real bulk close answered one by one (amoCRM list), keyboard-only tagging
 * on a Bitrix24 kanban drop and inside Bitrix24's side-panel iframe, a OneBox order in Ukrainian.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Rejection } from '../../src/core/rejection';
import { oneboxMoveTo } from '../support/onebox';
import { crmPanel, focusedInPanel, panelIn, writeSettings } from '../support/panel-drive';
import { amoBulkChangeStatus } from './amocrm-drive';
import { dragToZone } from './bitrix24-flows';
import { eventually, startHarness, storedRecords, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const tagged = (host: string, count: number) =>
  eventually(
    () => storedRecords(h.browser).then((r) => r.filter((x) => x.host === host)),
    (r: Rejection[]) => r.length === count && r.every((x) => x.status === 'tagged'),
    15_000,
  );

describe('the panel on every adapter', () => {
  it('amoCRM list: a bulk close of three leads answered one by one gives each lead its own answer', async () => {
    const host = 'batch.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/list/pipeline/3'));
    await amoBulkChangeStatus(page, ['1004', '1005', '1008'], '143');
    const p = crmPanel(page);
    await p.root.waitFor();
    await p.batchEach.check();
    const answers: [string, string][] = [
      ['price', 'Бюджет кафе 80 тыс., наша смета 120 тыс.'],
      ['no-decision', 'Собственник уехал, решение отложено'],
      ['timing', 'Вернутся к вопросу в следующем сезоне'],
    ];
    const shown: Record<string, string> = {};
    for (const [i, [reason, comment]] of answers.entries()) {
      await expect.poll(() => p.lead.textContent()).toMatch(new RegExp(`^Лид ${i + 1} из 3: `));
      shown[(await p.lead.textContent())!.replace(/^Лид \d из 3: /, '').replace(/ · .*$/, '').trim()] = reason;
      await p.reason(reason).click();
      await p.comment.fill(comment);
      await p.save.click();
    }
    await p.root.waitFor({ state: 'detached' });
    const records = await tagged(host, 3);
    // Each lead got the answer given while its own title was shown.
    expect(Object.fromEntries(records.map((r) => [r.title, r.reasonId]))).toEqual(shown);
    expect(Object.keys(shown).sort()).toEqual(['Обслуживание VRF', 'Сплит-система для кафе', 'Тепловой насос']);
    expect(records.every((r) => r.via === 'list')).toBe(true);
    await page.close();
  });

  it('Bitrix24: keyboard-only tagging after a kanban drop, and inside the side-panel iframe', async () => {
    const host = 'keys.bitrix24.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/crm/deal/kanban/category/0/?dropZoneTimeout=30000'));
    await dragToZone(page, '1002', 'LOSE');
    const p = crmPanel(page);
    await p.root.waitFor();
    await expect.poll(() => focusedInPanel(page)).toBe('wl-filter');
    await page.keyboard.type('бюдж');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(page)).toBe('wl-comment');
    await page.keyboard.type('Бюджет магазина урезали до следующего года');
    await page.keyboard.press('Enter');
    await p.root.waitFor({ state: 'detached' });
    expect((await tagged(host, 1))[0]).toMatchObject({ leadId: '1002', reasonId: 'no-budget', via: 'kanban' });

    await page.goto(h.server.url(host, '/crm/deal/kanban/category/3/'));
    await page.locator('.main-kanban-item[data-id="1003"] a.crm-kanban-item-title').click();
    const frame = page.frameLocator('iframe.slider-panel-iframe');
    await frame.locator('.crm-entity-section-status-step[data-id="C3:WON"]').click();
    await frame.locator('.crm-list-end-deal .webform-small-button-decline').click();
    await frame.locator('.crm-list-fail-deal .popup-window-button-accept').click();
    const inFrame = panelIn(frame.locator('whylost-panel'));
    await inFrame.root.waitFor();
    await expect.poll(() => inFrame.filter.evaluate((el) => (el.getRootNode() as ShadowRoot).activeElement === el)).toBe(true);
    await page.keyboard.press('1'); // the first reason of the list: «Дорого»
    await page.keyboard.type('Сервис конкурента дешевле на 20%');
    await page.keyboard.press('Enter');
    await inFrame.root.waitFor({ state: 'detached' });
    const both = await tagged(host, 2);
    expect(both.find((r) => r.leadId === '1003')).toMatchObject({ reasonId: 'price', via: 'card' });
    await page.close();
  });

  it('OneBox: the panel speaks Ukrainian when set, and saves the order', async () => {
    await writeSettings(h.browser, (s) => ({ ...s, language: 'uk' }));
    const host = 'demo-uk.1b.app';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/admin/shop/orders/1001/'));
    await oneboxMoveTo(page, 'Відмова');
    const p = crmPanel(page);
    await p.root.waitFor();
    await expect(p.root.locator('h2').textContent()).resolves.toBe('Чому відмова?');
    await p.save.click();
    await expect(p.error.textContent()).resolves.toMatch(/^Оберіть причину\. Напишіть коментар/);
    await p.reason('outside-area').click();
    await p.comment.fill('Об’єкт у Житомирі, монтажу там не робимо');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    expect((await tagged(host, 1))[0]).toMatchObject({ crm: 'onebox', leadId: '1001', reasonId: 'outside-area' });
    await writeSettings(h.browser, (s) => ({ ...s, language: 'ru' }));
    await page.close();
  });
});
