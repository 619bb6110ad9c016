/**
 * An on-premise Bitrix24 on its own domain (crm.example-portal.com): the user adds the host in the
 * options page (the browser's permission — pre-granted here, automation cannot click the prompt),
 * the background registers the Bitrix24 scripts for it, and every path works there as on the cloud.
 * A non-Bitrix page of the same host is left alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWN_DOMAIN_PORTAL } from '../fixtures/bitrix24/routes';
import { WAIT, dealCardFlow, kanbanFlow, leadCardFlow, listFlow, sliderFlow, smartFlow } from './bitrix24-flows';
import { eventually, startHarness, type Harness } from './helpers';

const HOST = OWN_DOMAIN_PORTAL;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ grantHosts: [`https://${HOST}/*`] });
});
afterAll(async () => {
  await h?.close();
});

async function registeredIds(): Promise<string[]> {
  const page = await h.browser.openExtensionPage('popup.html');
  try {
    return await page.evaluate(async () => {
      const scripting = (globalThis as unknown as { chrome: { scripting: { getRegisteredContentScripts(): Promise<{ id: string }[]> } } }).chrome.scripting;
      return (await scripting.getRegisteredContentScripts()).map((s) => s.id).sort();
    });
  } finally {
    await page.close();
  }
}

describe('Bitrix24 on an own-domain portal added in the options', () => {
  it('adds the host: permission granted, scripts registered', async () => {
    expect(await registeredIds()).toEqual([]);
    const options = await h.browser.openExtensionPage('options.html');
    // A cloud portal needs nothing here: the page says so and adds nothing.
    await options.locator('[data-testid="wl-host-input"]').fill('acme.bitrix24.ru');
    await options.locator('[data-testid="wl-host-add"]').click();
    // The message is read until it says so: read once, it may still be empty (or the previous one).
    const message = () => options.locator('[data-testid="wl-host-message"]').textContent();
    await expect.poll(message, { timeout: WAIT }).toContain('облачный портал');
    await expect(options.locator('[data-testid="wl-host-list"]').count()).resolves.toBe(0);
    await options.locator('[data-testid="wl-host-input"]').fill(`https://${HOST}/crm/deal/kanban/`);
    await options.locator('[data-testid="wl-host-crm"]').selectOption('bitrix24');
    await options.locator('[data-testid="wl-host-add"]').click();
    await expect.poll(message, { timeout: WAIT }).toContain(HOST);
    await expect.poll(() => options.locator(`[data-testid="wl-host-list"] li[data-host="${HOST}"]`).count(), { timeout: WAIT }).toBe(1);
    const ids = await eventually(registeredIds, (r) => r.length === 2, WAIT);
    expect(ids).toEqual([`wl-extra-bitrix24-${HOST}`, `wl-extra-bitrix24-main-${HOST}`].sort());
    await options.close();
  });

  it('leaves a non-Bitrix page of the host alone', async () => {
    const page = await h.browser.context.newPage();
    const logs: string[] = [];
    page.on('console', (m) => logs.push(m.text()));
    await page.goto(h.server.url(HOST, '/'));
    await page.locator('h1').waitFor();
    // Nothing hooked: the main-world script patches requests only on Bitrix pages…
    const patched = () => page.evaluate(() => !XMLHttpRequest.prototype.send.toString().includes('[native code]'));
    await expect(patched()).resolves.toBe(false);
    await page.locator('.crm-entity-section-status-step').click();
    const popup = await h.browser.openExtensionPage('popup.html');
    await expect(popup.locator(`[data-testid="wl-health-broken"][data-host="${HOST}"]`).count()).resolves.toBe(0);
    await expect(page.locator('whylost-health, whylost-panel').count()).resolves.toBe(0);
    // …and it was injected: a Bitrix page of the same host is hooked.
    await page.goto(h.server.url(HOST, '/crm/deal/details/1002/'));
    await page.locator('.crm-entity-section-status-step').first().waitFor();
    await expect.poll(patched, { timeout: WAIT }).toBe(true);
    await popup.close();
    await page.close();
  });

  it('lead card', () => leadCardFlow(h, HOST));
  it('deal card', () => dealCardFlow(h, HOST));
  it('kanban with undo', () => kanbanFlow(h, HOST));
  it('list, single and bulk', () => listFlow(h, HOST));
  it('smart process', () => smartFlow(h, HOST));
  it('side panel', () => sliderFlow(h, HOST));

  it('removing the host unregisters its scripts', async () => {
    const options = await h.browser.openExtensionPage('options.html');
    await options.locator(`[data-testid="wl-host-list"] li[data-host="${HOST}"] button`).click();
    await expect(eventually(registeredIds, (r) => r.length === 0, WAIT)).resolves.toEqual([]);
    await options.close();
  });
});
