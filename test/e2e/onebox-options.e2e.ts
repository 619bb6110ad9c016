/**
 * OneBox refusal stages are configuration: edited in the options page, they change what an open
 * OneBox tab detects at once (no rebuild, no reload); and an own-domain OneBox portal added in the
 * options gets the same detection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneboxMoveTo } from '../support/onebox';
import { eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

const OWN = 'crm.klimat-service.com.ua';
let h: Harness;
beforeAll(async () => {
  // Automation cannot click the browser's permission prompt: the own-domain origin is granted up front.
  h = await startHarness({ grantHosts: [`https://${OWN}/*`] });
});
afterAll(async () => {
  await h?.close();
});

describe('OneBox refusal stages in the options', () => {
  it('a portal row with renamed stages changes detection in an already open tab', async () => {
    const crm = await h.browser.context.newPage();
    await crm.goto(h.server.url('demo.1b.app', '/admin/shop/orders/1002/'));
    await crm.locator('.ob-workflow__current').waitFor();

    const options = await h.browser.openExtensionPage('options.html');
    const section = options.locator('[data-testid="wl-onebox"]');
    await section.locator('[data-testid="wl-onebox-host-input"]').fill('https://demo.1b.app/admin/shop/orders/');
    await section.locator('[data-testid="wl-onebox-add"]').click();
    const row = section.locator('[data-testid="wl-onebox-row"][data-host="demo.1b.app"]');
    // A new portal row starts from the default names.
    await expect(row.locator('[data-testid="wl-onebox-stages"]').inputValue()).resolves.toContain('Відмова');
    await row.locator('[data-testid="wl-onebox-stages"]').fill('  не   ЦІЛЬОВИЙ \nСкасовано клієнтом\n\n');
    await row.locator('[data-testid="wl-onebox-save"]').click();
    await expect(row.locator('[data-testid="wl-onebox-message"]').textContent()).resolves.toMatch(/Сохранено/);
    await expect(row.locator('[data-testid="wl-onebox-stages"]').inputValue()).resolves.toBe('не ЦІЛЬОВИЙ\nСкасовано клієнтом');

    // Back in the open OneBox tab, not reloaded: the renamed stage is detected …
    await crm.bringToFront();
    const p = panel(crm);
    await oneboxMoveTo(crm, 'Не цільовий');
    await p.root.waitFor();
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    // … the old name no longer is (the next panel is for the stage after it).
    await oneboxMoveTo(crm, 'Відмова');
    await oneboxMoveTo(crm, 'Скасовано клієнтом');
    await p.root.waitFor();
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });

    const records = await eventually(
      () => storedRecords(h.browser),
      (r) => r.filter((x) => x.leadId === '1002').length === 2,
    );
    const mine = records.filter((r) => r.leadId === '1002').sort((a, b) => a.detectedAt - b.detectedAt);
    expect(mine.map((r) => [r.toStage.name, r.fromStage?.name, r.status])).toEqual([
      ['Не цільовий', 'Новий', 'pending'],
      ['Скасовано клієнтом', 'Відмова', 'pending'],
    ]);

    // Another portal keeps the default row.
    await expect(
      section.locator('[data-testid="wl-onebox-row"][data-host="*"] [data-testid="wl-onebox-stages"]').inputValue(),
    ).resolves.toContain('Відмова');
    await options.close();
    await crm.close();
  });

  it('an own-domain OneBox portal added in the options is watched like the cloud', async () => {
    const options = await h.browser.openExtensionPage('options.html');
    const hosts = options.locator('[data-testid="wl-hosts"]');
    await hosts.locator('[data-testid="wl-host-input"]').fill(OWN);
    await hosts.locator('[data-testid="wl-host-crm"]').selectOption('onebox');
    await hosts.locator('[data-testid="wl-host-add"]').click();
    await expect(hosts.locator('[data-testid="wl-host-message"]').textContent()).resolves.toContain(OWN);
    await options.close();

    // The background registers the OneBox scripts for the granted origin.
    const sw = await h.browser.serviceWorker();
    const ids = await eventually(
      () =>
        sw.evaluate(async () => {
          const api = (globalThis as unknown as { chrome: typeof import('wxt/browser').browser }).chrome;
          return (await api.scripting.getRegisteredContentScripts()).map((s) => s.id);
        }),
      (list) => list.includes(`wl-extra-onebox-main-${OWN}`),
      15_000,
    );
    expect(ids).toEqual(expect.arrayContaining([`wl-extra-onebox-${OWN}`, `wl-extra-onebox-main-${OWN}`]));

    const crm = await h.browser.context.newPage();
    await crm.goto(h.server.url(OWN, '/admin/shop/orders/1004/'));
    const p = panel(crm);
    await oneboxMoveTo(crm, 'Відмова');
    await p.root.waitFor();
    await p.reason('no-budget').click();
    await p.comment.fill('Бюджет на монтаж перенесли на наступний рік');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await eventually(() => storedRecords(h.browser), (r) => r.some((x) => x.host === OWN && x.status === 'tagged'));
    expect(records.filter((r) => r.host === OWN)).toEqual([
      expect.objectContaining({ crm: 'onebox', account: OWN, leadId: '1004', toStage: { id: '15', name: 'Відмова' }, reasonId: 'no-budget' }),
    ]);
    await crm.close();
  });
});
