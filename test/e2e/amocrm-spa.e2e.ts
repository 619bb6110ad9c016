/**
 * amoCRM is a single-page app: in-app links change the URL with history.pushState and the next
 * page is drawn without a reload. End to end in real Chromium: kanban → card (a lead of the
 * second pipeline, closed there) → list (bulk close) → the other pipeline's kanban (drop), all
 * in one document; each close is caught by the watcher of the page it was made on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoBulkChangeStatus, amoDragToLost, recordsOf } from './amocrm-drive';
import { amoSetStatus, panel, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('amoCRM in-app navigation', () => {
  it('follows pushState navigation and catches the close of each page with its own context', async () => {
    const host = 'spa.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/pipeline/7'));
    const p = panel(page);
    // A mark on the document: it survives only if nothing reloads.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const sameDocument = () => page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument === true);

    // Kanban → card of a lead in the second pipeline (Partners), closed there.
    await page.locator('#pipeline_item_1003 a.pipeline_leads__title-text').click();
    await page.waitForURL(/\/leads\/detail\/1003$/);
    await amoSetStatus(page, '143', '7');
    await p.root.waitFor({ timeout: 10_000 });
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    let records = await recordsOf(h.browser, host, (r) => r.length === 1);
    expect(records[0]).toMatchObject({
      via: 'card',
      leadId: '1003',
      title: 'Дилерский договор',
      pipeline: { id: '7', name: 'Партнёры' },
      fromStage: { id: '30', name: 'Новый партнёр' },
      toStage: { id: '143', name: 'Закрыто и не реализовано' },
      manager: { id: '501', name: 'Анна Петрова' },
    });
    expect(records[0]!.url).toMatch(/\/leads\/detail\/1003$/);

    // Card → list of the Sales pipeline, through the menu: a bulk close.
    await page.locator('[data-nav="list"]').click();
    await page.waitForURL(/\/leads\/list\/pipeline\/3$/);
    await amoBulkChangeStatus(page, ['1005', '1006'], '143', '3');
    await p.root.waitFor({ timeout: 10_000 });
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    records = await recordsOf(h.browser, host, (r) => r.length === 3);
    const byLead = Object.fromEntries(records.map((r) => [r.leadId, r]));
    expect(byLead['1005']).toMatchObject({ via: 'list', pipeline: { id: '3', name: 'Продажи' }, fromStage: { id: '21', name: 'Переговоры' }, title: 'Обслуживание VRF', amount: 56000 });
    expect(byLead['1006']).toMatchObject({ via: 'list', fromStage: { id: '22', name: 'Принимают решение' }, title: 'Монтаж чиллера', amount: 910000 });

    // List → the Sales kanban: a drop on the lost zone.
    await page.locator('[data-nav="kanban"]').click();
    await page.waitForURL(/\/leads\/pipeline\/3$/);
    await page.locator('#pipeline_item_1008').waitFor();
    await amoDragToLost(page, '1008');
    await p.root.waitFor({ timeout: 10_000 });
    records = await recordsOf(h.browser, host, (r) => r.length === 4);
    expect(records.find((r) => r.leadId === '1008')).toMatchObject({
      via: 'kanban',
      pipeline: { id: '3', name: 'Продажи' },
      fromStage: { id: '20', name: 'Первичный контакт' },
      title: 'Тепловой насос',
    });
    expect(records).toHaveLength(4);
    await expect(sameDocument()).resolves.toBe(true);
    await page.close();
  });
});
