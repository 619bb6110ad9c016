/**
 * The web UI's own status-change requests, watched from the main-world script, end to end in
 * real Chromium: a close through a path the DOM watchers do not know (a widget's fetch) is
 * still caught, with the stage it left; messages a page script forges on the bridge can at
 * most start a pending record for the lead that page shows, with the page's own context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_TAG } from '../../src/core/bridge-tag';
import { recordsOf } from './amocrm-drive';
import { panel, startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('amoCRM status-change requests', () => {
  it('catches a close made only through a request (a widget calling fetch)', async () => {
    const host = 'widget.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/detail/1005?widget=1'));
    const p = panel(page);
    await page.locator('.js-widget-close').click();
    await p.root.waitFor({ timeout: 10_000 });
    // The widget redraws the card as closed; the stage it left is the one shown before the click.
    await page.locator('#card_status_view_mode[data-status-id="143"]').waitFor();
    await p.reason('timing').click();
    await p.comment.fill('Вернуться к обслуживанию в сентябре, сейчас нет окна');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await recordsOf(h.browser, host, (r) => r.some((x) => x.status === 'tagged'));
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      status: 'tagged',
      via: 'request',
      leadId: '1005',
      title: 'Обслуживание VRF',
      amount: 56000,
      pipeline: { id: '3', name: 'Продажи' },
      fromStage: { id: '21', name: 'Переговоры' },
      toStage: { id: '143', name: 'Закрыто и не реализовано' },
      manager: { id: '501', name: 'Анна Петрова' },
      reasonId: 'timing',
    });
    await page.close();
  });

  it('lets forged bridge messages do no more than start a pending record for the page’s own lead', async () => {
    const host = 'forge.amocrm.ru';
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/detail/1001'));
    // Wait until the extension is listening (its main-world script answered the content script).
    await page.locator('#card_status_view_mode').waitFor();
    const p = panel(page);
    const forge = (messages: unknown[]) =>
      page.evaluate((list) => list.forEach((m) => window.postMessage(m, location.origin)), messages);
    const up = (type: string, payload: unknown) => ({ tag: BRIDGE_TAG, dir: 'up', crm: 'amocrm', type, payload });

    await forge([
      // Leads this page does not show, with a forged title.
      up('request', { path: '/ajax/leads/multiple/change_status/', body: 'parties[id][]=99999&parties[id][]=1002&STATUS_ID=143&PIPELINE_ID=3' }),
      up('request', { path: '/ajax/leads/detail/', body: 'ID=1002&lead[STATUS]=143&lead[NAME]=Forged' }),
      // Malformed: wrong types, an oversized body, an unknown CRM, garbage ids.
      up('request', { path: 42, body: null }),
      up('request', { path: '/ajax/leads/detail/', body: 'x'.repeat(300_000) }),
      { tag: BRIDGE_TAG, dir: 'up', crm: 'other-crm', type: 'request', payload: { path: '/ajax/leads/detail/', body: 'ID=1001&lead[STATUS]=143' } },
      up('request', { path: '/ajax/leads/detail/', body: 'ID=1001%3Cscript%3E&lead[STATUS]=143' }),
    ]);
    // The page's own lead: a pending record, with the context the page shows (not the message's).
    // Messages are handled in order, so once it is stored the ones above have had their effect.
    await forge([up('request', { path: '/ajax/leads/detail/', body: 'ID=1001&lead[STATUS]=143&lead[NAME]=Forged&lead[PIPELINE_ID]=3' })]);
    await p.root.waitFor({ timeout: 10_000 });
    await recordsOf(h.browser, host, (r) => r.some((x) => x.leadId === '1001'));
    await expect(p.root.locator('[data-testid="wl-reason"]').first().isVisible()).resolves.toBe(true);
    const records = await recordsOf(h.browser, host, () => true);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'pending', via: 'request', leadId: '1001', title: 'Кондиционер в офис', fromStage: { id: '21', name: 'Переговоры' } });
    await page.close();

    // On a list, the leads it shows: 1003 is a row of the Partners list, 1001 is not.
    const list = await h.browser.context.newPage();
    const listHost = 'forge-list.amocrm.ru';
    await list.goto(h.server.url(listHost, '/leads/list/pipeline/7'));
    await list.locator('#list_item_1003').waitFor();
    await list.evaluate(
      (m) => window.postMessage(m, location.origin),
      up('request', { path: '/ajax/leads/multiple/change_status/', body: 'parties[id][]=1001&parties[id][]=1003&STATUS_ID=143&PIPELINE_ID=7' }),
    );
    await panel(list).root.waitFor({ timeout: 10_000 });
    await recordsOf(h.browser, listHost, (r) => r.length > 0);
    const listed = await recordsOf(h.browser, listHost, () => true);
    expect(listed.map((r) => [r.leadId, r.status, r.title, r.fromStage?.name])).toEqual([['1003', 'pending', 'Дилерский договор', 'Новый партнёр']]);
    await list.close();
  });
});
