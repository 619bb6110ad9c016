/**
 * Statistics end to end, from records made the real way: leads closed on the amoCRM and Kommo
 * card fixtures through the panel, then the popup and every dashboard view read them back.
 * The tests run in order and build on each other's records.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patchRecord } from '../support/seed';
import { amoSetStatus, eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

let h: Harness;
let dash: Page;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const HTML_COMMENT = '<b>Рассылка</b> про SEO <img src=x onerror="window.__xss=1">';

async function closeLead(host: string, leadId: string, reasonId: string | null, comment = '', pipelineId = '3') {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, `/leads/detail/${leadId}`));
  await amoSetStatus(page, '143', pipelineId);
  const p = panel(page);
  await p.root.waitFor();
  if (reasonId) {
    await p.reason(reasonId).click();
    await p.comment.fill(comment);
    await p.save.click();
  } else {
    await p.later.click();
  }
  await p.root.waitFor({ state: 'detached' });
  await page.close();
}

const tid = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`);
const value = (page: Page, id: string) => tid(page, id).getAttribute('data-value');
const pct = (n: number) => new RegExp(`^${n}\\s?%$`);

describe('statistics from leads closed on the fixtures', () => {
  it('greets a new user with the first steps, in the popup and on the dashboard it links to', async () => {
    const popup = await h.browser.openExtensionPage('popup.html');
    await expect(tid(popup, 'wl-welcome').textContent()).resolves.toContain('Закройте его как проигранный');
    await expect(tid(popup, 'wl-total').textContent()).resolves.toBe('0');
    const [opened] = await Promise.all([h.browser.context.waitForEvent('page'), tid(popup, 'wl-dashboard-link').click()]);
    await opened.waitForURL(/\/dashboard\.html$/);
    await expect(tid(opened, 'wl-welcome').textContent()).resolves.toContain('Импортируйте файлы');
    await opened.close();
    await popup.close();
  });

  it('counts four closes in the popup: total, junk vs loss, reasons with count and share', async () => {
    await closeLead('demo.amocrm.ru', '1001', 'price', 'Бюджет 50 тыс., наша цена 85 тыс.');
    await closeLead('demo.amocrm.ru', '1002', 'spam', HTML_COMMENT);
    await closeLead('demo.amocrm.ru', '1003', 'other', 'Хотят бартер, мы так не работаем', '7');
    await closeLead('demo.kommo.com', '1001', 'price', 'Budget is half of our price');
    const records = await eventually(() => storedRecords(h.browser), (r) => r.filter((x) => x.status === 'tagged').length === 4);
    expect(records.map((r) => r.reasonId).sort()).toEqual(['other', 'price', 'price', 'spam']);

    const popup = await h.browser.openExtensionPage('popup.html');
    await expect(tid(popup, 'wl-total').textContent()).resolves.toBe('4');
    await expect(tid(popup, 'wl-junk-loss').getAttribute('data-junk')).resolves.toBe('1');
    await expect(tid(popup, 'wl-junk-loss').getAttribute('data-loss')).resolves.toBe('3');
    const price = popup.locator('[data-testid="wl-reason-row"][data-reason-id="price"]');
    await expect(price.locator('[data-testid="wl-count"]').textContent()).resolves.toBe('2');
    await expect(price.locator('[data-testid="wl-share"]').textContent()).resolves.toMatch(pct(50));
    await expect(popup.locator('[data-testid="wl-reason-row"]').count()).resolves.toBe(3);
    await popup.locator('[data-testid="wl-period"][data-period="7d"]').click();
    await expect(popup.locator('[data-testid="wl-period"][data-period="7d"]').getAttribute('aria-pressed')).resolves.toBe('true');
    await expect(tid(popup, 'wl-total').textContent()).resolves.toBe('4');
    await popup.close();
  });

  it('shows them in every dashboard view', async () => {
    dash = await h.browser.openExtensionPage('dashboard.html');
    await expect.poll(() => value(dash, 'wl-stat-counted')).toBe('4');
    expect(await value(dash, 'wl-stat-junk')).toBe('1');
    expect(await value(dash, 'wl-stat-loss')).toBe('3');
    expect(await value(dash, 'wl-stat-pending')).toBe('0');
    // The first render with figures draws the sections a window shows; the rest follow at once.
    await expect.poll(() => dash.evaluate(() => performance.getEntriesByName('wl-complete').length)).toBe(1);
    const order = await dash.evaluate(() => ['wl-ready', 'wl-complete'].map((m) => performance.getEntriesByName(m)[0]!.startTime));
    expect(order[0]).toBeLessThan(order[1]!);
    for (const id of ['wl-breakdown', 'wl-corrected', 'wl-drill', 'wl-sharing']) expect(await tid(dash, id).count()).toBe(1);

    const dist = (id: string) => dash.locator(`[data-testid="wl-dist-row"][data-reason-id="${id}"]`);
    await expect(dist('price').locator('[data-testid="wl-dist-row-count"]').textContent()).resolves.toBe('2');
    await expect(dist('price').locator('[data-testid="wl-dist-row-share"]').textContent()).resolves.toMatch(pct(50));
    await expect(dist('spam').textContent()).resolves.toContain('Некачественные');
    // The same numbers as a table, on demand.
    await tid(dash, 'wl-dist-table-toggle').click();
    const priceRow = tid(dash, 'wl-dist-table').locator('tr', { hasText: 'Дорого' });
    await expect(priceRow.locator('td').allTextContents()).resolves.toEqual(['2', expect.stringMatching(pct(50))]);

    await dash.locator('[data-testid="wl-trend-bar"][data-reason-id="price"]').hover();
    await expect(tid(dash, 'wl-trend-tooltip').textContent()).resolves.toMatch(/Дорого: 2.*Всего: 4/);
    const bars = await dash.locator('[data-testid="wl-trend-bar"]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
    expect(bars.reduce((a, b) => a + b, 0)).toBe(4);
    await dash.locator('[data-testid="wl-trend-grain"][data-grain="week"]').click();
    await expect
      .poll(() => dash.locator('[data-testid="wl-trend-bar"]').evaluateAll((els) => els.reduce((a, e) => a + Number(e.getAttribute('data-count')), 0)))
      .toBe(4);

    const manager = (key: string) => dash.locator(`[data-testid="wl-manager-row"][data-manager="${key}"]`);
    await expect(manager('Анна Петрова').locator('[data-testid="wl-manager-total"]').textContent()).resolves.toBe('3');
    await expect(manager('Anna Petrova').locator('[data-testid="wl-manager-total"]').textContent()).resolves.toBe('1');

    await expect(dash.locator('[data-testid="wl-pipeline-row"][data-pipeline="3"] [data-testid="wl-pipeline-row-count"]').textContent()).resolves.toBe('3');
    await expect(dash.locator('[data-testid="wl-pipeline-row"][data-pipeline="7"] [data-testid="wl-pipeline-row-count"]').textContent()).resolves.toBe('1');
    await expect(dash.locator('[data-testid="wl-segment-row"][data-segment="inbound-b2b"] [data-testid="wl-segment-row-count"]').textContent()).resolves.toBe('4');

    await expect(tid(dash, 'wl-hygiene-other').getAttribute('data-count')).resolves.toBe('1');
    await expect(tid(dash, 'wl-hygiene-other').textContent()).resolves.toMatch(/25\s?%/);
    await expect(tid(dash, 'wl-hygiene-unused').locator('[data-reason-id="competitor"]').count()).resolves.toBe(1);
    await expect(tid(dash, 'wl-hygiene-unused').locator('[data-reason-id="price"]').count()).resolves.toBe(0);
  });

  it('updates live when a close is deferred while the dashboard is open', async () => {
    await closeLead('demo.amocrm.ru', '1004', null);
    await expect.poll(() => value(dash, 'wl-stat-pending'), { timeout: 10_000 }).toBe('1');
    expect(await value(dash, 'wl-stat-counted')).toBe('4');
  });

  it('filters by portal, manager, pipeline, junk/loss and whose', async () => {
    const counted = () => value(dash, 'wl-stat-counted');
    await tid(dash, 'wl-filter-host').selectOption('demo.kommo.com');
    await expect.poll(counted).toBe('1');
    await tid(dash, 'wl-filter-reset').click();
    await tid(dash, 'wl-filter-manager').selectOption('Анна Петрова');
    await expect.poll(counted).toBe('3');
    await tid(dash, 'wl-filter-pipeline').selectOption('7');
    await expect.poll(counted).toBe('1');
    await tid(dash, 'wl-filter-reset').click();
    await tid(dash, 'wl-filter-kind').selectOption('junk');
    await expect.poll(counted).toBe('1');
    await tid(dash, 'wl-filter-kind').selectOption('all');
    await tid(dash, 'wl-filter-scope').selectOption('mine');
    await expect.poll(counted).toBe('4'); // all made in this browser
    await tid(dash, 'wl-filter-reset').click();
    await expect.poll(counted).toBe('4');
  });

  it('drills from a bar to the leads: title linking to the CRM, reason, comment, manager; search in comments', async () => {
    await dash.locator('[data-testid="wl-dist-row"][data-reason-id="price"] button').click();
    const rows = dash.locator('[data-testid="wl-drill-row"]');
    await expect.poll(() => rows.count()).toBe(2);
    const hrefs = await rows.locator('[data-testid="wl-drill-lead"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    expect(hrefs.sort()).toEqual([
      expect.stringMatching(/^https:\/\/demo\.amocrm\.ru:\d+\/leads\/detail\/1001$/),
      expect.stringMatching(/^https:\/\/demo\.kommo\.com:\d+\/leads\/detail\/1001$/),
    ]);
    await expect(rows.locator('[data-testid="wl-drill-lead"]').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['Кондиционер в офис', 'Office air conditioning']),
    );
    await expect(rows.locator('[data-testid="wl-drill-manager"]').allTextContents()).resolves.toEqual(expect.arrayContaining(['Анна Петрова', 'Anna Petrova']));
    await expect(rows.locator('[data-testid="wl-edit-slot"]').count()).resolves.toBe(2);
    // Each row's "edit" opens the record page of that record (reason, comment, closed by mistake).
    const edits = await rows.locator('[data-testid="wl-edit"]').evaluateAll((els) => els.map((e) => e.getAttribute('href')!));
    expect(edits).toHaveLength(2);
    expect(edits.every((h) => /^\/record\.html\?id=[\w-]+$/.test(h))).toBe(true);
    const recordPage = await h.browser.openExtensionPage(edits[0]!.slice(1));
    await expect(recordPage.locator('[data-testid="wl-record-lead"]').first().textContent()).resolves.toMatch(/Кондиционер в офис|Office air conditioning/);
    await recordPage.close();

    await tid(dash, 'wl-drill-search').fill('half');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.locator('[data-testid="wl-drill-comment"]').textContent()).resolves.toBe('Budget is half of our price');
  });

  it('shows comments as text, never HTML', async () => {
    await dash.locator('[data-testid="wl-dist-row"][data-reason-id="spam"] button').click();
    const cell = dash.locator('[data-testid="wl-drill-row"] [data-testid="wl-drill-comment"]');
    await expect.poll(() => cell.textContent()).toBe(HTML_COMMENT);
    await expect(cell.locator('b, img').count()).resolves.toBe(0);
    await expect(dash.evaluate(() => (window as { __xss?: number }).__xss)).resolves.toBeUndefined();
  });

  it('keeps raw and corrected apart once a lead is returned to work, with rates from the leads that came in', async () => {
    const [priceAmo] = (await storedRecords(h.browser)).filter((r) => r.reasonId === 'price' && r.host === 'demo.amocrm.ru');
    await patchRecord(h.browser, priceAmo!.id, { reopened: { at: Date.now(), by: 'Руководитель', note: 'Клиент вернулся' } });

    await expect.poll(() => value(dash, 'wl-stat-counted')).toBe('3'); // corrected by default, live
    expect(await value(dash, 'wl-stat-reopened')).toBe('1');
    await dash.locator('[data-testid="wl-view"][data-view="raw"]').click();
    await expect.poll(() => value(dash, 'wl-stat-counted')).toBe('4');
    await dash.locator('[data-testid="wl-view"][data-view="corrected"]').click();
    await expect.poll(() => value(dash, 'wl-stat-counted')).toBe('3');

    const month = dash.locator('[data-testid="wl-month-row"]').last();
    await expect(month.locator('[data-testid="wl-month-loss"]').textContent()).resolves.toBe('3 → 2');
    await expect(month.locator('[data-testid="wl-month-junk"]').textContent()).resolves.toBe('1');
    await month.locator('[data-testid="wl-inflow"]').fill('10');
    await month.locator('[data-testid="wl-inflow"]').press('Enter');
    await expect.poll(() => month.locator('[data-testid="wl-qualification-raw"]').textContent()).toMatch(/^90,00\s?%$/);
    await expect(month.locator('[data-testid="wl-qualification-corrected"]').textContent()).resolves.toMatch(/^90,00\s?%$/);
    await expect(month.locator('[data-testid="wl-loss-rate-raw"]').textContent()).resolves.toMatch(/^30,00\s?%$/);
    await expect(month.locator('[data-testid="wl-loss-rate-corrected"]').textContent()).resolves.toMatch(/^20,00\s?%$/);

    await month.locator('[data-testid="wl-month-reopened"]').click();
    const rows = dash.locator('[data-testid="wl-drill-row"]');
    await expect.poll(() => rows.count()).toBe(1);
    await expect(rows.first().getAttribute('data-id')).resolves.toBe(priceAmo!.id);
    await expect(rows.first().locator('[data-testid="wl-drill-reason"]').textContent()).resolves.toContain('возвращён в работу');

    // The inflow is kept: a reloaded dashboard still has it.
    await dash.reload();
    await expect.poll(() => dash.locator('[data-testid="wl-month-row"]').last().locator('[data-testid="wl-inflow"]').inputValue()).toBe('10');

    const popup = await h.browser.openExtensionPage('popup.html');
    await expect(tid(popup, 'wl-total').textContent()).resolves.toBe('3');
    await expect(tid(popup, 'wl-reopened').textContent()).resolves.toContain('1');
    await popup.close();
  });
});
