/**
 * Bitrix24 strict mode (a kanban drop held until the reason is saved; deferred → the card stays), the
 * request fallbacks (a portal firing none of the events), and detection health (a redesigned card, a page
 * without stage data → «detection not working» for the host).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WAIT, fallbackFlow, strictFlow } from './bitrix24-flows';
import { startHarness, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Bitrix24 strict mode and health', () => {
  it('strict mode holds a kanban drop until a reason is saved; a deferred panel leaves the card where it was', () => strictFlow(h, 'demo.bitrix24.ru'));

  it('without Bitrix events, the requests still give one record per close and the undo', () => fallbackFlow(h, 'old.bitrix24.ru'));

  it('reports "detection not working" when anchors or page data are missing', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('broken.bitrix24.ru', '/crm/deal/details/1001/?variant=redesign'));
    const chip = page.locator('whylost-health .chip');
    await chip.waitFor({ timeout: WAIT });
    await expect(chip.textContent()).resolves.toMatch(/progress-bar/);

    await page.goto(h.server.url('nodata.bitrix24.ru', '/crm/lead/details/502/?variant=no-stage-data'));
    await chip.waitFor({ timeout: WAIT });
    await expect(chip.textContent()).resolves.toMatch(/stage-data/);

    const popup = await h.browser.openExtensionPage('popup.html');
    for (const host of ['broken.bitrix24.ru', 'nodata.bitrix24.ru']) {
      await expect(popup.locator(`[data-testid="wl-health-broken"][data-host="${host}"]`).textContent({ timeout: WAIT })).resolves.toContain('card');
    }
    await popup.close();
    await page.close();
  });
});
