/**
 * amoCRM kanban, end to end in real Chromium: a card dragged with the mouse onto the footer's
 * «Закрыто и не реализовано» zone → panel → one record with the card's context, although the
 * drop is seen twice (DOM and the change_status request). A move between columns is no close.
 * A redesigned kanban is reported as "detection not working"; Kommo (English) works the same.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoDragToColumn, amoDragToLost, expectReportedBroken, recordsOf } from './amocrm-drive';
import { panel, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const bulkRequests = (host: string) => h.server.requests.filter((r) => r.host === host && r.path.startsWith('/ajax/leads/multiple/change_status/'));

describe('amoCRM kanban → «Closed - lost» drop zone', () => {
  it('catches a card dropped on the lost zone, once, with the context of its column', async () => {
    const host = 'kanban.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/pipeline/3'));
    const p = panel(page);

    // A move to another column is not a close.
    await amoDragToColumn(page, '1008', '21');
    await page.locator('.pipeline_cell-21 #pipeline_item_1008').waitFor();
    await expect.poll(() => bulkRequests(host).length, { timeout: 10_000 }).toBe(1);
    await expect(p.root.count()).resolves.toBe(0);

    await amoDragToLost(page, '1004');
    await p.root.waitFor({ timeout: 10_000 });
    // The drop's own request (parties[id][]=1004, STATUS_ID=143) also reached the main-world watcher.
    await expect.poll(() => bulkRequests(host).length, { timeout: 10_000 }).toBe(2);
    expect(decodeURIComponent(bulkRequests(host)[1]!.body)).toContain('parties[id][]=1004&STATUS_ID=143');
    await p.reason('no-budget').click();
    await p.comment.fill('Бюджет на кондиционирование урезали до следующего года');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    const records = await recordsOf(h.browser, host, (r) => r.some((x) => x.status === 'tagged'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      status: 'tagged',
      via: 'kanban',
      crm: 'amocrm',
      account: 'kanban',
      leadId: '1004',
      title: 'Сплит-система для кафе',
      amount: 120000,
      pipeline: { id: '3', name: 'Продажи' },
      fromStage: { id: '20', name: 'Первичный контакт' },
      toStage: { id: '143', name: 'Закрыто и не реализовано' },
      manager: { id: '501', name: 'Анна Петрова' },
      native: null,
      reasonId: 'no-budget',
    });
    expect(records[0]!.url).toMatch(/^https:\/\/kanban\.amocrm\.ru:\d+\/leads\/detail\/1004$/);
    await page.close();
  });

  it('works the same on Kommo in English, where stage names are read, never matched', async () => {
    const host = 'acme.kommo.com';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/pipeline/7'));
    await amoDragToLost(page, '1007');
    const p = panel(page);
    await p.root.waitFor({ timeout: 10_000 });
    await p.later.click();
    const records = await recordsOf(h.browser, host, (r) => r.length > 0);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      status: 'pending',
      via: 'kanban',
      account: 'acme',
      leadId: '1007',
      title: 'Developer partnership',
      pipeline: { id: '7', name: 'Partners' },
      fromStage: { id: '31', name: 'Contract' },
      toStage: { id: '143', name: 'Closed - lost' },
      manager: { id: '501', name: 'Anna Petrova' },
    });
    await page.close();
  });

  it('reports "detection not working" on a redesigned kanban instead of staying silent', async () => {
    await expectReportedBroken(h, 'broken.amocrm.ru', '/leads/pipeline/3', 'kanban', /kanban-columns.*kanban-lost-zone/);
  });
});
