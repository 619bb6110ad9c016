/**
 * amoCRM list, end to end in real Chromium: the bulk action «Изменить этап» to «Закрыто и не
 * реализовано» closes several leads at once → one panel for all of them ("one reason for all")
 * → one record per lead, each with the context of its own row — although the bulk request
 * reports the same close again. Another stage opens nothing; a lead already lost is left out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoBulkChangeStatus, recordsOf } from './amocrm-drive';
import { panel, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('amoCRM list → bulk «Изменить этап» to 143', () => {
  it('asks once for the batch and stores one record per lead with its own context', async () => {
    const host = 'list.amocrm.com';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/list/'));
    const p = panel(page);

    // Another stage: no panel.
    await amoBulkChangeStatus(page, ['1008'], '21');
    await page.locator('#list_item_1008 .note-lead__status-text', { hasText: 'Переговоры' }).waitFor();
    await expect(p.root.count()).resolves.toBe(0);

    // Three leads from two pipelines, closed into the Sales pipeline's 143 — and one lost long ago, not closed again.
    await amoBulkChangeStatus(page, ['1001', '1002', '1003', '1009'], '143', '3');
    await p.root.waitFor({ timeout: 10_000 });
    // Each lead is pending before anything is answered.
    const pending = await recordsOf(h.browser, host, (r) => r.length === 3);
    expect(pending.map((r) => [r.leadId, r.status]).sort()).toEqual([['1001', 'pending'], ['1002', 'pending'], ['1003', 'pending']]);
    const sent = () => h.server.requests.filter((r) => r.host === host && r.path.startsWith('/ajax/leads/multiple/change_status/'));
    await expect.poll(() => sent().length, { timeout: 10_000 }).toBe(2);
    expect(decodeURIComponent(sent()[1]!.body)).toBe(
      'parties[id][]=1001&parties[id][]=1002&parties[id][]=1003&parties[id][]=1009&STATUS_ID=143&PIPELINE_ID=3&close_tasks=0',
    );

    await p.reason('competitor').click();
    await p.competitor.fill('Климат-Про');
    await p.comment.fill('Все три ушли к одному подрядчику после тендера');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    const records = await recordsOf(h.browser, host, (r) => r.filter((x) => x.status === 'tagged').length === 3);
    expect(records).toHaveLength(3);
    const byLead = Object.fromEntries(records.map((r) => [r.leadId, r]));
    const common = {
      status: 'tagged',
      via: 'list',
      account: 'list',
      toStage: { id: '143', name: 'Закрыто и не реализовано' },
      pipeline: { id: '3', name: 'Продажи' },
      manager: { id: '501', name: 'Анна Петрова' },
      reasonId: 'competitor',
      competitor: 'Климат-Про',
    };
    expect(byLead['1001']).toMatchObject({ ...common, title: 'Кондиционер в офис', amount: 85000, fromStage: { id: '21', name: 'Переговоры' } });
    expect(byLead['1002']).toMatchObject({ ...common, title: 'Вентиляция склада', amount: 240000, fromStage: { id: '22', name: 'Принимают решение' } });
    // From the Partners pipeline: its own previous stage, read from its row.
    expect(byLead['1003']).toMatchObject({ ...common, title: 'Дилерский договор', amount: null, fromStage: { id: '30', name: 'Новый партнёр' } });
    expect(byLead['1003']!.url).toMatch(/^https:\/\/list\.amocrm\.com:\d+\/leads\/detail\/1003$/);
    expect(new Set(records.map((r) => r.id)).size).toBe(3);
    await page.close();
  });
});
