/**
 * The reason panel as a product, in real Chromium on the amoCRM card fixture: segment catalogs
 * (switched, remembered per pipeline), every comment rule, the competitor and excuse/follow-up
 * extras, secondary reasons, keyboard-only tagging, the three languages, and the ways it must
 * never break the CRM page (px under an odd root font size, no layout shift, above the CRM's
 * modals, beside the control that closed the lead, dark pages).
 *
 * Each test closes its own lead ids: the background merges a second close of one lead within
 * two minutes into the first record.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoSetStatus, eventually, startHarness, storedRecords, type Harness } from './helpers';
import { crmPanel, focusedInPanel, writeSettings } from '../support/panel-drive';
import { toDateInput } from '../../src/core/follow-up';
import type { Rejection } from '../../src/core/rejection';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

async function closeLead(id: string, query = ''): Promise<{ page: Page; p: ReturnType<typeof crmPanel> }> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url('demo.amocrm.ru', `/leads/detail/${id}${query}`));
  await amoSetStatus(page, '143');
  const p = crmPanel(page);
  await p.root.waitFor({ timeout: 15_000 });
  return { page, p };
}

async function recordOf(leadId: string, accept: (r: Rejection) => boolean): Promise<Rejection> {
  const all = await eventually(
    () => storedRecords(h.browser),
    (rs) => rs.some((r) => r.leadId === leadId && accept(r)),
    10_000,
  );
  const found = all.find((r) => r.leadId === leadId && accept(r));
  expect(found, `a record of lead ${leadId}`).toBeDefined();
  return found!;
}

const errorText = (p: ReturnType<typeof crmPanel>) => p.error.textContent({ timeout: 5_000 });

describe('reason panel on the amoCRM card', () => {
  it('segments: switched in the panel, remembered for the pipeline; excuses ask for attempts and a follow-up; comment rules refuse placeholders', async () => {
    const { page, p } = await closeLead('2001');
    // Default segment (no rules): inbound companies — inbound reasons, no outbound excuses.
    await expect(p.segment.inputValue()).resolves.toBe('inbound-b2b');
    await expect(p.segmentSource.getAttribute('data-source')).resolves.toBe('default');
    await expect(p.reason('price-calculation-only').count()).resolves.toBe(1);
    await expect(p.reason('excuse-call-later').count()).resolves.toBe(0);
    // Junk kept apart from losses.
    await expect(p.junkReasons.evaluateAll((els) => els.map((e) => e.getAttribute('data-reason-id')))).resolves.toEqual([
      'spam', 'wrong-number', 'duplicate', 'not-a-customer', 'test',
    ]);

    await p.segment.selectOption('outbound-b2b');
    await expect(p.reason('excuse-call-later').count()).resolves.toBe(1);
    await expect(p.reason('company-closed').count()).resolves.toBe(1);
    await expect(p.reason('price-calculation-only').count()).resolves.toBe(0);
    await expect(p.junkReasons.count()).resolves.toBe(5);

    // Nothing given: each missing thing is named.
    await p.save.click();
    await expect(errorText(p)).resolves.toBe('Выберите причину. Напишите комментарий не короче 10 символов: что именно произошло?');

    // An excuse: how many attempts? Below 3 it is not a write-off but a follow-up.
    await p.reason('excuse-call-later').click();
    await expect(p.reason('excuse-call-later').getAttribute('aria-checked')).resolves.toBe('true');
    await p.comment.fill('Секретарь просит перезвонить после 15-го');
    await p.save.click();
    await expect(errorText(p)).resolves.toContain('Укажите, сколько было попыток: с отговоркой нужно 3');
    await p.attempts.fill('1');
    const proposed = await p.followUp.inputValue();
    expect(proposed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(new Date(proposed).getTime()).toBeGreaterThan(Date.now());
    await expect(p.save.textContent()).resolves.toBe('Запланировать повтор');

    // Each comment rule, with its own message.
    for (const [comment, message] of [
      ['-', '«-» — это не комментарий.'],
      ['нет', '«нет» — это не комментарий.'],
      ['...', '«...» — это не комментарий.'],
      ['ааааааааааааа', 'Ряд одинаковых символов — не комментарий.'],
      ['дорого', 'Комментарий слишком короткий (6 из минимум 10 символов).'],
      ['', 'Напишите комментарий не короче 10 символов'],
    ] as const) {
      await p.comment.fill(comment);
      await p.save.click();
      await expect(errorText(p)).resolves.toContain(message);
      await expect(p.comment.getAttribute('aria-invalid')).resolves.toBe('true');
    }
    // The refusal is announced (role=alert) and the textarea points at it.
    await expect(p.root.locator('[role="alert"] [data-testid="wl-error"]').count()).resolves.toBe(1);

    await p.comment.fill('Секретарь: «перезвоните после 15-го», ЛПР в отпуске');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const followUp = await recordOf('2001', (r) => r.status !== 'pending');
    expect(followUp).toMatchObject({ status: 'follow-up', segment: 'outbound-b2b', reasonId: 'excuse-call-later', attempts: 1 });
    expect(toDateInput(followUp.followUpAt!)).toBe(proposed);
    await page.close();

    // Same pipeline, another lead: the switch was remembered.
    const second = await closeLead('2002');
    await expect(second.p.segment.inputValue()).resolves.toBe('outbound-b2b');
    await expect(second.p.segmentSource.getAttribute('data-source')).resolves.toBe('remembered');
    // Competitor: the name is asked for; secondary reasons are optional extras.
    await second.p.reason('competitor').click();
    await second.p.comment.fill('Ушли к ним: монтаж в тот же день');
    await second.p.save.click();
    await expect(errorText(second.p)).resolves.toBe('Укажите конкурента.');
    await second.p.competitor.fill('Климат-Про');
    await second.p.secondaryToggle.click();
    await second.p.secondary('price').check();
    await expect(second.p.secondary('competitor').count()).resolves.toBe(0);
    await second.p.save.click();
    await second.p.root.waitFor({ state: 'detached' });
    await expect(recordOf('2002', (r) => r.status === 'tagged')).resolves.toMatchObject({
      segment: 'outbound-b2b',
      reasonId: 'competitor',
      competitor: 'Климат-Про',
      secondaryReasonIds: ['price'],
      attempts: null,
      followUpAt: null,
    });
    // Another pipeline (Партнёры, 7) is not affected by that memory.
    await second.page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/1003'));
    await amoSetStatus(second.page, '143', '7');
    await second.p.root.waitFor();
    await expect(second.p.segment.inputValue()).resolves.toBe('inbound-b2b');
    await second.p.later.click();
    await second.page.close();
  });

  it('comments per reason: «Другое» and reasons marked so always need one, of the minimum length set', async () => {
    await writeSettings(h.browser, (s) => ({ ...s, comments: { ...s.comments, required: 'per-reason', minLength: 20 } }));
    const { page, p } = await closeLead('2101');
    await p.reason('other').click();
    await p.save.click();
    await expect(errorText(p)).resolves.toBe(
      'Для причины «Другое» комментарий обязателен, не короче 20 символов: что именно произошло?',
    );
    await p.reason('not-target').click();
    await p.save.click();
    await expect(errorText(p)).resolves.toContain('Для причины «Нецелевой запрос» комментарий обязателен, не короче 20 символов');
    await p.comment.fill('Искали б/у технику');
    await p.save.click();
    await expect(errorText(p)).resolves.toContain('(18 из минимум 20 символов)');
    // Where the rules make a comment optional, an empty one is accepted — a placeholder never is.
    await p.reason('price').click();
    await p.comment.fill('-');
    await p.save.click();
    await expect(errorText(p)).resolves.toContain('«-» — это не комментарий.');
    await p.comment.fill('');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    await expect(recordOf('2101', (r) => r.status === 'tagged')).resolves.toMatchObject({ reasonId: 'price', comment: '' });
    await page.close();
    await writeSettings(h.browser, (s) => s);
  });

  it('keyboard only: typing filters, Enter picks and saves, digits pick, focus stays inside and returns to the CRM, Esc defers', async () => {
    const { page, p } = await closeLead('2201');
    await expect.poll(() => focusedInPanel(page)).toBe('wl-filter');
    // The dialog is labelled by its title.
    const label = await p.dialog.evaluate((el) => el.getRootNode() instanceof ShadowRoot && (el.getRootNode() as ShadowRoot).getElementById(el.getAttribute('aria-labelledby')!)?.textContent);
    expect(label).toBe('Почему отказ?');
    await expect(p.dialog.getAttribute('role')).resolves.toBe('dialog');

    // Tab and Shift+Tab cycle inside the panel.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      expect(await focusedInPanel(page), `Tab #${i + 1}`).not.toBeNull();
    }
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Shift+Tab');
      expect(await focusedInPanel(page), `Shift+Tab #${i + 1}`).not.toBeNull();
    }

    await p.filter.focus();
    await page.keyboard.type('конкур');
    await expect.poll(() => p.reasons.count()).toBe(1);
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedInPanel(page)).toBe('wl-competitor');
    await page.keyboard.type('Климат-Про');
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedInPanel(page)).toBe('wl-comment');
    await page.keyboard.type('Ушли к ним: монтаж в тот же день');
    await page.keyboard.press('Enter');
    await p.root.waitFor({ state: 'detached' });
    await expect(recordOf('2201', (r) => r.status === 'tagged')).resolves.toMatchObject({ reasonId: 'competitor', competitor: 'Климат-Про' });
    // Focus went back to the CRM control that closed the lead.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('card_status_view_mode');

    // Digits pick the n-th reason (3 = «Нет бюджета» in the inbound list), focus moves to the comment.
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/2202'));
    await amoSetStatus(page, '143');
    await p.root.waitFor();
    await expect.poll(() => focusedInPanel(page)).toBe('wl-filter');
    await page.keyboard.press('3');
    await expect(p.reason('no-budget').getAttribute('aria-checked')).resolves.toBe('true');
    await expect.poll(() => focusedInPanel(page)).toBe('wl-comment');
    await page.keyboard.type('Бюджет на климат урезали до весны');
    await page.keyboard.press('Enter');
    await p.root.waitFor({ state: 'detached' });
    await expect(recordOf('2202', (r) => r.status === 'tagged')).resolves.toMatchObject({ reasonId: 'no-budget' });

    // Esc defers: the record stays pending.
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/2203'));
    await amoSetStatus(page, '143');
    await p.root.waitFor();
    await expect.poll(() => focusedInPanel(page)).toBe('wl-filter');
    await page.keyboard.press('Escape');
    await p.root.waitFor({ state: 'detached' });
    await expect(recordOf('2203', () => true)).resolves.toMatchObject({ status: 'pending' });
    await page.close();
  });

  it('never breaks the CRM: px under an odd root font size, no layout shift, above modals, clear of the CRM’s own dialogs; dark pages get a dark panel', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/2301'));
    await page.addStyleTag({ content: 'html { font-size: 37px !important; }' });
    const layout = () =>
      page.evaluate(() => {
        const r = (sel: string) => {
          const b = document.querySelector(sel)!.getBoundingClientRect();
          return [b.x, b.y, b.width, b.height];
        };
        return { status: r('#card_status_view_mode'), feed: r('.card-feed'), name: r('#person_n'), scroll: [document.documentElement.scrollWidth, document.documentElement.scrollHeight] };
      });
    const before = await layout();
    await amoSetStatus(page, '143');
    const p = crmPanel(page);
    await p.root.waitFor();
    const withPanel = await layout();
    expect(withPanel).toEqual(before);

    // px units: the host's 37px root font size does not reach the panel.
    const look = await p.dialog.evaluate((el) => {
      const chip = el.querySelector('[data-testid="wl-reason"]')!;
      return { width: el.getBoundingClientRect().width, chipFont: getComputedStyle(chip).fontSize, title: getComputedStyle(el.querySelector('h2')!).fontSize, theme: el.getAttribute('data-theme') };
    });
    expect(look).toEqual({ width: 400, chipFont: '13px', title: '16px', theme: 'light' });

    // Level with the status control that closed the lead, at the right edge: right beside it
    // would cover the centre of the window, where amoCRM opens its own loss-reason modal.
    const anchor = (await page.locator('#card_status_view_mode').boundingBox())!;
    const box = (await p.root.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(640 + 220);
    expect(Math.round(box.x + box.width)).toBe(1280 - 16);
    // Top-aligned with it, unless that would push the panel's bottom out of the 800px viewport.
    expect(Math.abs(box.y - Math.min(anchor.y, 800 - box.height - 16))).toBeLessThan(2);
    expect(box.y + box.height).toBeLessThanOrEqual(800);
    await expect(p.root.locator('.wl-place').getAttribute('data-placement')).resolves.toBe('sheet');

    // A CRM modal opened afterwards (high z-index, later in the DOM) stays below the panel.
    await page.evaluate(() => {
      const modal = document.createElement('div');
      modal.className = 'modal-overlay';
      modal.style.cssText = 'position:fixed;inset:0;z-index:2147483000;background:rgba(0,0,0,.4)';
      document.body.append(modal);
    });
    const saveBox = (await p.save.boundingBox())!;
    await expect(page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.tagName.toLowerCase(), [saveBox.x + 5, saveBox.y + 5])).resolves.toBe('whylost-panel');
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    await page.evaluate(() => document.querySelector('.modal-overlay')?.remove());
    expect(await layout()).toEqual(withPanel);

    // Dark CRM theme → dark panel, whatever the OS says.
    await page.goto(h.server.url('demo.amocrm.ru', '/leads/detail/2302?theme=dark'));
    await amoSetStatus(page, '143');
    await p.root.waitFor();
    await expect(p.dialog.getAttribute('data-theme')).resolves.toBe('dark');
    await expect(p.dialog.evaluate((el) => getComputedStyle(el).backgroundColor)).resolves.toBe('rgb(30, 35, 48)');
    await p.later.click();
    await page.close();
  });

  it('speaks the language set in the options (Ukrainian, English), over the browser’s Russian', async () => {
    for (const [language, title, refusal, segment] of [
      ['uk', 'Чому відмова?', 'Оберіть причину.', 'Вхідні · компанії'],
      ['en', 'Why was it lost?', 'Choose a reason.', 'Inbound · companies'],
    ] as const) {
      await writeSettings(h.browser, (s) => ({ ...s, language }));
      const { page, p } = await closeLead(`240${language === 'uk' ? 1 : 2}`);
      await expect(p.root.locator('h2').textContent()).resolves.toBe(title);
      await expect(p.segment.locator('option[value="inbound-b2b"]').textContent()).resolves.toBe(segment);
      await p.save.click();
      expect((await errorText(p))?.startsWith(`${refusal} `), 'the refusal starts with the missing reason').toBe(true);
      await p.later.click();
      await page.close();
    }
    await writeSettings(h.browser, (s) => s);
  });
});
