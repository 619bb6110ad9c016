/**
 * The options page (issue 9), end to end in real Chromium: each setting changes the behaviour it
 * names on the amoCRM card fixture, in tabs that stay open (no reload), and an invalid stored
 * setting falls back to its default with a visible notice instead of breaking anything.
 *
 * The tests share one browser and run in order; each uses its own CRM host name, so records and
 * dedupe windows of one test never touch another's.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offered, openCard, optionsPage, storedSettings, storeValue, waitForHealth } from '../support/options';
import { amoSetStatus, eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

// Several tabs are driven in turn; each is brought to the front before it is clicked (background tabs render slowly).
let h: Harness;
let opts: ReturnType<typeof optionsPage>;

beforeAll(async () => {
  h = await startHarness();
  opts = optionsPage(await h.browser.openExtensionPage('options.html'));
  await opts.catalog.rows.first().waitFor();
});
afterAll(async () => {
  await h?.close();
});

/** Polls a condition with a timeout that survives a machine shared by many test runs. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 });
const recordsOf = async (host: string) => (await storedRecords(h.browser)).filter((r) => r.host === host);

/** Closes the card as lost and answers in the panel. */
async function closeAndTag(page: Page, reasonId: string, comment: string, pipelineId = '3'): Promise<void> {
  const p = panel(page);
  await amoSetStatus(page, '143', pipelineId);
  await p.reason(reasonId).click();
  await p.comment.fill(comment);
  await p.save.click();
  await p.root.waitFor({ state: 'detached' });
}

describe('options page', () => {
  it('catalog: a rename, a retirement, a move and a new reason reach an open panel; old records count under the new name', async () => {
    const host = 'cat.amocrm.ru';
    const first = await openCard(h, host, '1001');
    await closeAndTag(first, 'price', 'Бюджет 50 тыс., наша цена 85 тыс.');
    const partners = await openCard(h, host, '1003');
    const pp = panel(partners);
    await amoSetStatus(partners, '143', '7');
    // No segment rules yet: the default segment (inbound B2B) offers inbound reasons.
    await expect(offered(pp.reasons)).resolves.toContain('price-calculation-only');
    await pp.reason('timing').click();
    await pp.comment.fill('Вернуться к разговору в марте, бюджет ещё не утверждён');
    await pp.save.click();
    await pp.root.waitFor({ state: 'detached' });

    // The identity was empty: the first close filled it with the CRM's user, and records carry it.
    const tagged = await eventually(() => recordsOf(host), (r) => r.length === 2 && r.every((x) => x.status === 'tagged'), 15_000);
    expect(tagged.map((r) => r.owner.name)).toEqual(['Анна Петрова', 'Анна Петрова']);
    await poll(() => opts.identity.name.inputValue()).toBe('Анна Петрова');
    await expect(opts.identity.source.getAttribute('data-source')).resolves.toBe('fromCrm');

    // A panel is open in another tab while the catalog is edited.
    const open = await openCard(h, host, '1002');
    const p = panel(open);
    await amoSetStatus(open, '143');
    await expect(p.reason('price').textContent()).resolves.toContain('Дорого');
    const before = await offered(p.reasons);
    expect(before.indexOf('competitor')).toBeLessThan(before.indexOf('no-budget'));
    const revision = Number(await opts.catalog.revision.getAttribute('data-revision'));

    // Rename (the id field is fixed), from the keyboard: Enter saves.
    await opts.page.bringToFront();
    const { catalog } = opts;
    await catalog.row('price').locator('[data-testid="wl-cat-edit"]').click();
    await expect(catalog.field('id').isDisabled()).resolves.toBe(true);
    await catalog.field('label-ru').fill('Цена выше бюджета');
    await catalog.field('label-ru').press('Enter');
    await catalog.form.waitFor({ state: 'detached' });
    await poll(() => catalog.row('price').locator('strong').textContent()).toBe('Цена выше бюджета');
    const focused = () => opts.page.evaluate(() => (document.activeElement as HTMLElement | null)?.closest('li')?.dataset.reasonId);
    await poll(focused).toBe('price'); // back on the reason's Edit button

    // Retire instead of delete.
    await catalog.row('timing').locator('[data-testid="wl-cat-retire"]').click();
    await poll(() => catalog.row('timing').getAttribute('data-retired')).toBe('true');

    // Reorder from the keyboard: focus stays on the moved reason's button.
    await catalog.row('no-budget').locator('[data-testid="wl-cat-up"]').focus();
    await opts.page.keyboard.press('Enter');
    await poll(async () => {
      const ids = await offered(catalog.rows);
      return ids.indexOf('no-budget') < ids.indexOf('competitor');
    }).toBe(true);
    await poll(focused).toBe('no-budget');

    // Add: empty → clear messages; a taken id → refused; then a valid one.
    await catalog.add.click();
    await catalog.field('save').click();
    await expect(catalog.formError.textContent()).resolves.toMatch(/идентификатор.*название/s);
    await catalog.field('label-ru').fill('Нет лицензии');
    await expect(catalog.field('id').inputValue()).resolves.toBe('net-litsenzii'); // suggested from the name
    await catalog.field('id').fill('price');
    await catalog.field('id').press('Enter');
    await expect(catalog.formError.textContent()).resolves.toContain('«price» уже занят');
    await catalog.field('id').fill('no-licence');
    await catalog.field('label-en').fill('No licence');
    await catalog.field('id').press('Enter');
    await catalog.form.waitFor({ state: 'detached' });
    await expect(catalog.message.textContent()).resolves.toContain('Нет лицензии');
    await poll(() => catalog.rows.last().getAttribute('data-reason-id')).toBe('no-licence');
    // Every edit bumped the revision: rename, retire, move, add.
    await poll(async () => Number(await catalog.revision.getAttribute('data-revision'))).toBe(revision + 4);

    // The open panel, without a reload: new label, retired reason gone, new order, new reason.
    await poll(() => p.reason('price').textContent()).toContain('Цена выше бюджета');
    const after = await offered(p.reasons);
    expect(after).not.toContain('timing');
    expect(after).toContain('no-licence');
    expect(after.indexOf('no-budget')).toBeLessThan(after.indexOf('competitor'));
    await open.bringToFront();
    await p.reason('no-licence').click();
    await p.comment.fill('Нужна лицензия на монтаж, у нас её пока нет');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    // Statistics by id: the renamed reason keeps its record under the new name; the retired one still counts.
    const popup = await h.browser.openExtensionPage('popup.html');
    const row = (id: string) => popup.locator(`[data-testid="wl-reason-row"][data-reason-id="${id}"]`);
    await poll(() => row('no-licence').locator('[data-testid="wl-count"]').textContent()).toBe('1');
    for (const [id, label] of [['price', 'Цена выше бюджета'], ['timing', 'Не сейчас (сроки)']]) {
      await expect(row(id!).textContent()).resolves.toContain(label);
      await expect(row(id!).locator('[data-testid="wl-count"]').textContent()).resolves.toBe('1');
    }
    await expect(row('no-licence').textContent()).resolves.toContain('Нет лицензии');
    await Promise.all([popup.close(), first.close(), partners.close(), open.close()]);
  });

  it('segments: a rule for a pipeline seen in the records changes the list an open panel offers', async () => {
    const host = 'cat.amocrm.ru'; // its pipelines were seen in the test above
    const page = await openCard(h, host, '1003');
    const p = panel(page);
    await amoSetStatus(page, '143', '7');
    await poll(() => offered(p.reasons)).toContain('price-calculation-only');
    expect(await offered(p.reasons)).not.toContain('company-closed');

    const { segments } = opts;
    await opts.page.bringToFront();
    await segments.add.click();
    await expect(segments.error.textContent()).resolves.toContain('хотя бы одно условие');
    // The choices are re-read when the page is in front again (it was behind the CRM tabs).
    const choices = () => segments.seen.locator('option').allTextContents();
    const partners = (list: string[]) => list.find((c) => c.includes('cat.amocrm.ru') && c.includes('Партнёры (7)'));
    await poll(async () => Boolean(partners(await choices()))).toBe(true);
    expect((await choices()).some((c) => c.includes('cat.amocrm.ru') && c.includes('Продажи (3)'))).toBe(true);
    await segments.seen.selectOption({ label: partners(await choices())! });
    // The stages leads left in that pipeline are offered too.
    await expect(segments.stage.locator('option').allTextContents()).resolves.toContain('Новый партнёр (30)');
    await segments.segment.selectOption('outbound-b2b');
    await segments.add.click();
    await poll(() => segments.rows.count()).toBe(1);
    await expect(segments.rows.first().textContent()).resolves.toMatch(/Партнёры \(7\).*Исходящие · компании/);

    // The open panel switches to the outbound B2B list.
    await poll(() => offered(p.reasons)).toContain('company-closed');
    expect(await offered(p.reasons)).not.toContain('price-calculation-only');
    await page.bringToFront();
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    await page.close();
  });

  it('comment rules: required per reason, minimum length and placeholders change what the panel refuses; a typed name owns new records', async () => {
    const { comments } = opts;
    await opts.page.bringToFront();
    await comments.minLength.fill('0');
    await comments.save.click();
    await expect(comments.error.textContent()).resolves.toContain('от 1 до 500');
    await comments.minLength.fill('25');
    await comments.perReason.check();
    await comments.placeholders.fill(`${await comments.placeholders.inputValue()}\nуточню`);
    await comments.save.click();
    await expect(comments.message.textContent()).resolves.toContain('сохранены');
    await poll(async () => (await storedSettings(h.browser))?.comments)
      .toMatchObject({ required: 'per-reason', minLength: 25, placeholders: expect.arrayContaining(['уточню']) });

    await opts.identity.name.fill('Анна П. (Киев)');
    await opts.identity.save.click();
    await poll(() => opts.identity.source.getAttribute('data-source')).toBe('typed');

    const host = 'rules.amocrm.ru';
    const page = await openCard(h, host, '1001');
    const p = panel(page);
    await amoSetStatus(page, '143');
    await p.reason('other').click();
    await p.comment.fill('уточню');
    await p.save.click();
    await expect(p.error.textContent()).resolves.toContain('«уточню»');
    await p.comment.fill('Ушёл, без объяснений'); // 20 characters: enough by default, not now
    await p.save.click();
    await expect(p.error.textContent()).resolves.toContain('25');
    // Per reason: "Дорого" does not require a comment any more.
    await p.reason('price').click();
    await p.comment.fill('');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const [record] = await eventually(() => recordsOf(host), (r) => r[0]?.status === 'tagged', 15_000);
    expect(record).toMatchObject({ reasonId: 'price', comment: '', owner: { name: 'Анна П. (Киев)' } });
    await page.close();
  });

  it('CRM switch: amoCRM off → no panel on its pages; on again → an open tab starts working without a reload; health per host is shown', async () => {
    const host = 'off.amocrm.ru';
    await opts.page.bringToFront();
    await opts.crmEnabled('amocrm').uncheck();
    await poll(async () => (await storedSettings(h.browser))?.crms.amocrm.enabled).toBe(false);

    // Opened while amoCRM is off: the runtime reads the switch at start and never starts the adapter.
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url(host, '/leads/detail/1001'));
    await amoSetStatus(page, '143'); // from «Переговоры» (21): would be captured if anything listened

    const since = Date.now();
    await opts.page.bringToFront();
    await opts.crmEnabled('amocrm').check();
    // The same tab starts its adapter (its first detection report proves it), no reload.
    await waitForHealth(h.browser, host, since);
    await poll(() => opts.healthRow(host).getAttribute('data-ok')).toBe('true');
    await expect(opts.healthRow(host).textContent()).resolves.toContain('работает');
    const p = panel(page);
    await page.bringToFront();
    await amoSetStatus(page, '22');
    await amoSetStatus(page, '143');
    await p.reason('price').click();
    await p.comment.fill('Бюджет 50 тыс., наша цена 85 тыс.');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    // One record, from «Принимают решение» (22): the close made while off was never captured.
    const records = await eventually(() => recordsOf(host), (r) => r[0]?.status === 'tagged', 15_000);
    expect(records).toHaveLength(1);
    expect(records[0]!.fromStage).toEqual({ id: '22', name: 'Принимают решение' });
    await page.close();
  });

  it('language: the options page and an open panel follow the setting', async () => {
    const page = await openCard(h, 'lang.amocrm.ru', '1001');
    const p = panel(page);
    await amoSetStatus(page, '143');
    await expect(p.reason('no-budget').textContent()).resolves.toContain('Нет бюджета');

    await opts.page.bringToFront();
    await opts.language.selectOption('uk');
    await poll(() => opts.page.locator('h1').textContent()).toBe('Налаштування WhyLost');
    await expect(opts.page.evaluate(() => document.documentElement.lang)).resolves.toBe('uk');
    await poll(() => p.reason('no-budget').textContent()).toContain('Немає бюджету');

    await opts.language.selectOption('en');
    await poll(() => opts.page.locator('h1').textContent()).toBe('WhyLost settings');
    await poll(() => p.reason('no-budget').textContent()).toContain('No budget');

    await opts.language.selectOption('auto'); // the browser is Russian
    await poll(() => opts.page.locator('h1').textContent()).toBe('Настройки WhyLost');
    await page.bringToFront();
    await p.later.click();
    await page.close();
  });

  it('an invalid stored setting falls back to its default with a notice (options, popup, panel); the rest keeps working', async () => {
    const stored = (await storedSettings(h.browser))!;
    await storeValue(h.browser, 'settings', { ...stored, comments: { ...stored.comments, minLength: -3 } });

    await poll(() => opts.problem.textContent()).toContain('comments.minLength');
    // The broken part shows its default; the valid parts (the segment rule, the typed name) stay in force.
    await poll(() => opts.comments.minLength.inputValue()).toBe('10');
    await expect(opts.segments.rows.count()).resolves.toBe(1);
    await expect(opts.identity.name.inputValue()).resolves.toBe('Анна П. (Киев)');

    const popup = await h.browser.openExtensionPage('popup.html');
    const notice = popup.locator('[data-testid="wl-settings-problem"]');
    await expect(notice.textContent()).resolves.toContain('повреждены');
    await expect(notice.getAttribute('title')).resolves.toContain('comments.minLength');

    const host = 'bad.amocrm.ru';
    const page = await openCard(h, host, '1001');
    const p = panel(page);
    await amoSetStatus(page, '143');
    await expect(p.root.locator('[data-testid="wl-notice"]').textContent()).resolves.toContain('повреждены');
    await p.reason('price').click();
    await p.comment.fill('Коротко'); // 7 < the default 10: the default rule is in force
    await p.save.click();
    await expect(p.error.textContent()).resolves.toContain('10');
    await p.comment.fill('Бюджет 50 тыс., наша цена 85 тыс.');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    await eventually(() => recordsOf(host), (r) => r[0]?.status === 'tagged', 15_000);

    // Saving the rules on the options page stores a valid value: every notice goes away.
    await opts.page.bringToFront();
    await opts.comments.save.click();
    await poll(() => opts.problem.count()).toBe(0);
    await poll(() => popup.locator('[data-testid="wl-settings-problem"]').count()).toBe(0);
    await Promise.all([popup.close(), page.close()]);
  });
});
