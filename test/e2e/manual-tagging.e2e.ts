/**
 * Manual tagging — the safety net for closes detection misses — on amoCRM, Bitrix24 and OneBox pages, in
 * real Chromium:
 *  - the keyboard command: Alt+Shift+L sent as raw key events through the DevTools protocol, so
 *    the browser's own shortcut handling runs the manifest command (commands.onCommand);
 *  - the context-menu item: automation cannot open or click a native context menu, so the test
 *    checks the item exists (contextMenus.update on its id) with its title and pages, and runs the
 *    very click handler from the service worker with the click data the browser would pass.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANUAL_MENU_ID, type ManualTagResult } from '../../src/core/manual';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { pressBrowserShortcut, tabIdOf } from '../support/extension';
import { eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

type Chrome = typeof import('wxt/browser').browser;
type Hook = { clickMenu(tabId: number, frameId?: number): Promise<ManualTagResult | undefined>; menu(): Promise<{ title?: string; documentUrlPatterns?: string[] } | null> };

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function clickMenu(page: Page): Promise<ManualTagResult | undefined> {
  const sw = await h.browser.serviceWorker();
  const tabId = await tabIdOf(sw, page);
  return sw.evaluate((id) => (globalThis as unknown as { whylostManual: Hook }).whylostManual.clickMenu(id), tabId);
}

async function menu() {
  const sw = await h.browser.serviceWorker();
  return sw.evaluate(() => (globalThis as unknown as { whylostManual: Hook }).whylostManual.menu());
}

async function setSettings(change: (s: Settings) => void): Promise<void> {
  const sw = await h.browser.serviceWorker();
  const stored = await sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    return api.storage.local.get(['settings', 'installId']);
  });
  const settings = (stored.settings as Settings | undefined) ?? defaultSettings(String(stored.installId));
  change(settings);
  await sw.evaluate((value) => (globalThis as unknown as { chrome: Chrome }).chrome.storage.local.set({ settings: value }), settings);
}

/** Answers the open panel and returns the stored record of that lead once tagged. */
async function answer(page: Page, leadId: string, crm: string) {
  const p = panel(page);
  await p.root.waitFor();
  await p.reason('unresponsive').click();
  await p.comment.fill('Три дзвінки без відповіді, лист без відповіді');
  await p.save.click();
  await p.root.waitFor({ state: 'detached' });
  const records = await eventually(
    () => storedRecords(h.browser),
    (r) => r.some((x) => x.crm === crm && x.leadId === leadId && x.status === 'tagged'),
  );
  const mine = records.filter((x) => x.crm === crm && x.leadId === leadId);
  expect(mine).toHaveLength(1);
  return mine[0]!;
}

describe('manual tagging', () => {
  it('the keyboard command records a refusal on an amoCRM card and on a OneBox order', async () => {
    // Declared in the manifest, so the browser lists it in chrome://extensions/shortcuts with its key.
    const sw = await h.browser.serviceWorker();
    const commands = await sw.evaluate(() => (globalThis as unknown as { chrome: Chrome }).chrome.commands.getAll());
    expect(commands.find((c) => c.name === 'tag-lost')).toEqual({
      name: 'tag-lost',
      shortcut: 'Alt+Shift+L',
      description: 'Record a refusal for the lead on this page',
    });

    const amo = await h.browser.context.newPage();
    await amo.goto(h.server.url('demo.amocrm.ru', '/leads/detail/1003'));
    await amo.locator('#card_status_view_mode').waitFor();
    await pressBrowserShortcut(amo, 'L', { alt: true, shift: true });
    expect(await answer(amo, '1003', 'amocrm')).toMatchObject({
      via: 'manual',
      host: 'demo.amocrm.ru',
      title: 'Дилерский договор',
      pipeline: { id: '7', name: 'Партнёры' },
      toStage: { id: '30', name: 'Новый партнёр' },
      reasonId: 'unresponsive',
    });
    await amo.close();

    const ob = await h.browser.context.newPage();
    await ob.goto(h.server.url('demo.1b.app', '/admin/shop/orders/1002/'));
    await ob.locator('.ob-workflow__current').waitFor();
    await pressBrowserShortcut(ob, 'L', { alt: true, shift: true });
    expect(await answer(ob, '1002', 'onebox')).toMatchObject({
      via: 'manual',
      entityType: 'order',
      title: 'Вентиляція складу',
      amount: 48000,
      pipeline: { id: '2', name: 'Продажі' },
      toStage: { id: '11', name: 'Новий' },
      manager: { id: '9', name: 'Тарас Мельник' },
    });
    await ob.close();
  });

  it('the keyboard command and the menu item record refusals on Bitrix24 cards', async () => {
    const bx = await h.browser.context.newPage();
    await bx.goto(h.server.url('demo.bitrix24.ru', '/crm/lead/details/501/'));
    await bx.locator('.crm-entity-section-status-step').first().waitFor();
    await pressBrowserShortcut(bx, 'L', { alt: true, shift: true });
    expect(await answer(bx, '501', 'bitrix24')).toMatchObject({
      via: 'manual',
      host: 'demo.bitrix24.ru',
      entityType: 'lead',
      title: 'Заявка с сайта: кондиционер в офис',
      reasonId: 'unresponsive',
    });

    await bx.goto(h.server.url('demo.bitrix24.ru', '/crm/deal/details/1002/'));
    await bx.locator('.crm-entity-section-status-step').first().waitFor();
    await expect(clickMenu(bx)).resolves.toMatchObject({ handled: true, leadId: '1002' });
    expect(await answer(bx, '1002', 'bitrix24')).toMatchObject({ via: 'manual', entityType: 'deal', leadId: '1002', title: 'Поставка сплит-систем в магазин' });
    await bx.close();
  });

  it('the context-menu item is there on CRM pages, in the language set, and records a refusal on amoCRM and OneBox', async () => {
    await setSettings((s) => {
      s.language = 'ru';
    });
    await expect.poll(async () => (await menu())?.title, { timeout: 10_000 }).toBe('Записать отказ по этому лиду');
    const item = await menu();
    expect(item?.documentUrlPatterns).toEqual(expect.arrayContaining(['https://*.amocrm.ru/*', 'https://*.kommo.com/*', 'https://*.1b.app/*', 'https://*.crm-onebox.com/*']));
    // The browser has the item (update fails for an unknown id).
    const sw = await h.browser.serviceWorker();
    await sw.evaluate((id) => (globalThis as unknown as { chrome: Chrome }).chrome.contextMenus.update(id, {}), MANUAL_MENU_ID);

    const amo = await h.browser.context.newPage();
    await amo.goto(h.server.url('demo.amocrm.ru', '/leads/detail/1002'));
    await amo.locator('#card_status_view_mode').waitFor();
    await expect(clickMenu(amo)).resolves.toEqual({ handled: true, leadId: '1002', fromPage: false });
    expect(await answer(amo, '1002', 'amocrm')).toMatchObject({ via: 'manual', title: 'Вентиляция склада', toStage: { id: '22' } });
    await amo.close();

    const ob = await h.browser.context.newPage();
    await ob.goto(h.server.url('demo.1b.app', '/admin/shop/orders/1001/'));
    await ob.locator('.ob-workflow__current').waitFor();
    await expect(clickMenu(ob)).resolves.toEqual({ handled: true, leadId: '1001', fromPage: false });
    expect(await answer(ob, '1001', 'onebox')).toMatchObject({ via: 'manual', title: 'Кондиціонер для офісу', toStage: { id: '12', name: 'В роботі' } });
    await ob.close();

    await setSettings((s) => {
      s.language = 'uk';
    });
    await expect.poll(async () => (await menu())?.title, { timeout: 10_000 }).toBe('Записати відмову по цьому ліду');
  });

  it('where no lead is open the page stands for it; a switched-off CRM opens nothing and loses its menu item', async () => {
    const list = await h.browser.context.newPage();
    await list.goto(h.server.url('demo.1b.app', '/admin/shop/orders/'));
    await expect(clickMenu(list)).resolves.toEqual({ handled: true, leadId: '/admin/shop/orders/', fromPage: true });
    const p = panel(list);
    await p.root.waitFor();
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await eventually(() => storedRecords(h.browser), (r) => r.some((x) => x.leadId === '/admin/shop/orders/'));
    expect(records.find((x) => x.leadId === '/admin/shop/orders/')).toMatchObject({
      crm: 'onebox',
      status: 'pending',
      via: 'manual',
      title: 'Замовлення — OneBox',
      toStage: { id: 'manual', name: null },
    });
    expect(records.find((x) => x.leadId === '/admin/shop/orders/')!.url).toMatch(/^https:\/\/demo\.1b\.app:\d+\/admin\/shop\/orders\/$/);

    await setSettings((s) => {
      s.crms.onebox.enabled = false;
    });
    await expect.poll(async () => (await menu())?.documentUrlPatterns ?? [], { timeout: 10_000 }).not.toContain('https://*.1b.app/*');
    await expect(clickMenu(list)).resolves.toEqual({ handled: false, reason: 'disabled' });
    await expect(p.root.count()).resolves.toBe(0);
    await list.close();
  });
});
