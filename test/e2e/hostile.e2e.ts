/**
 * Hostile input (issue 10): lead titles and comments holding markup and scripts are shown as
 * text in the panel, the popup and the record page, and never run; malformed protocol messages
 * are dropped with a log and change nothing. (Forged bridge messages: amocrm-requests.e2e.ts;
 * import files: the sharing tests.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amoSetStatus, eventually, startHarness, storedRecords, type Harness } from './helpers';
import { crmPanel, panelIn } from '../support/panel-drive';

/** What the titles and comments would leave behind if they were ever parsed as HTML. */
const INJECTED = 'img[src="x"], script:not([src]), b';

const TITLE = '<img src=x onerror="window.__pwned=1"><b>Лид</b> & «кавычки» <script>window.__pwned=2</script>';
const COMMENT = 'Сказал: <img src=x onerror="window.__pwned=3"> <script>window.__pwned=4</script> — дорого';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});


describe('hostile input', () => {
  it('shows markup in titles and comments as text in the panel, the popup and the record page', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('hostile.amocrm.ru', '/leads/detail/1666'));
    await amoSetStatus(page, '143');
    const p = crmPanel(page);
    await p.root.waitFor();
    await expect(p.lead.textContent()).resolves.toContain(TITLE);
    const inPanel = await page.locator('whylost-panel').evaluate((el, sel) => el.shadowRoot!.querySelectorAll(sel).length, INJECTED);
    expect(inPanel).toBe(0);
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });

    // The popup's pending list and the record page show the title as text.
    const popup = await h.browser.openExtensionPage('popup.html');
    const item = popup.locator('[data-testid="wl-pending-item"]');
    await item.first().waitFor();
    await expect(item.first().textContent()).resolves.toContain(TITLE);
    expect(await popup.evaluate((sel) => document.querySelectorAll(sel).length, INJECTED)).toBe(0);

    const [record] = await storedRecords(h.browser);
    const recordPage = await h.browser.openExtensionPage(`record.html?id=${record!.id}`);
    const rp = panelIn(recordPage.locator('body'));
    await recordPage.locator('[data-testid="wl-record-lead"]').first().waitFor();
    await expect(recordPage.locator('[data-testid="wl-record-lead"]').first().textContent()).resolves.toContain(TITLE);
    await rp.reason('price').click();
    await rp.comment.fill(COMMENT);
    await rp.save.click();
    await recordPage.locator('[data-testid="wl-record-saved"], [data-testid="wl-record-done"]').first().waitFor();
    const saved = await eventually(() => storedRecords(h.browser), (r) => r[0]?.status === 'tagged');
    expect(saved[0]).toMatchObject({ title: TITLE, comment: COMMENT });
    expect(await recordPage.evaluate((sel) => document.querySelectorAll(sel).length, INJECTED)).toBe(0);

    // Nothing ran anywhere: not in the CRM page, not in the extension pages.
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(popup.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(recordPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await Promise.all([page.close(), popup.close(), recordPage.close()]);
  });

  it('drops malformed protocol messages with a log, changing nothing', async () => {
    const before = await storedRecords(h.browser);
    const sw = await h.browser.serviceWorker();
    const logs: string[] = [];
    sw.on('console', (m) => logs.push(m.text()));
    const page = await h.browser.openExtensionPage('popup.html');
    // The @webext-core/messaging envelope with a capture that is not one.
    const reply = await page.evaluate(
      () =>
        new Promise((resolve) =>
          (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown, cb: (r: unknown) => void): void } } }).chrome.runtime.sendMessage(
            { id: 1, type: 'capture', data: { id: 'x', via: 'teleport', context: '<script>' }, timestamp: Date.now() },
            resolve,
          ),
        ),
    );
    expect(reply).toMatchObject({ res: { ok: false, error: { code: 'invalid-message' } } });
    await expect.poll(() => logs.some((l) => l.includes('dropped malformed capture message')), { timeout: 5_000 }).toBe(true);
    expect(await storedRecords(h.browser)).toEqual(before);
    await page.close();
  });
});
