/**
 * OneBox, end to end in real Chromium: an order card (fixture: test/fixtures/onebox/) moved to a
 * stage configured as refusal → panel → one correct record; a refused move records nothing; a
 * redesigned card reports "detection not working".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneboxMoveTo, oneboxSubmitStage } from '../support/onebox';
import { eventually, panel, startHarness, storedRecords, type Harness } from './helpers';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('OneBox order card → refusal stage', () => {
  it('asks why when the order reaches «Відмова» (a default refusal name) and stores one record with the order context', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('demo.1b.app', '/admin/shop/orders/1001/'));
    const p = panel(page);

    // «Не цільовий» is not a refusal stage by default; «Відмова» is. The panel that opens is for «Відмова» only.
    await oneboxMoveTo(page, 'Не цільовий');
    await oneboxMoveTo(page, 'Відмова');
    await p.root.waitFor();
    const pending = await eventually(() => storedRecords(h.browser), (r) => r.length === 1);
    expect(pending.map((r) => [r.status, r.toStage.name])).toEqual([['pending', 'Відмова']]);

    await p.reason('price').click();
    await p.comment.fill('Знайшли дешевше на 15% у конкурента');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    const records = await eventually(() => storedRecords(h.browser), (r) => r[0]?.status === 'tagged');
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      status: 'tagged',
      crm: 'onebox',
      host: 'demo.1b.app',
      account: 'demo',
      entityType: 'order',
      leadId: '1001',
      title: 'Кондиціонер для офісу',
      amount: 12500,
      currency: 'UAH',
      pipeline: { id: '2', name: 'Продажі' },
      fromStage: { id: '16', name: 'Не цільовий' },
      toStage: { id: '15', name: 'Відмова' },
      manager: { id: '7', name: 'Олена Коваль' },
      // The stage bar shows the new stage in place before the request's end is seen: the visible-stage path wins.
      via: 'card',
      reasonId: 'price',
      comment: 'Знайшли дешевше на 15% у конкурента',
    });
    // Both paths saw the move, and the stage-change request was really sent: still one record.
    expect(h.server.requests.filter((r) => r.method === 'POST' && /orders\/1001\/stage/.test(r.path) && /statusid=15/.test(r.body))).toHaveLength(1);
    await page.close();
  });

  it('records nothing while OneBox refuses the move (required «Причина відмови» empty), then detects it from the request alone', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('demo.1b.app', '/admin/shop/orders/1003/'));
    const p = panel(page);
    const before = (await storedRecords(h.browser)).length;

    await oneboxSubmitStage(page, 'Закрито без оплати', '');
    await expect(page.locator('.ob-stage-form__note').textContent()).resolves.toMatch(/обов’язкове/);
    await oneboxSubmitStage(page, 'Закрито без оплати', 'Клієнт сам почистив кондиціонери');
    const accepted = h.server.requests.filter((r) => /orders\/1003\/save/.test(r.path)).at(-1)!;
    expect(accepted.body).toContain('Клієнт сам');

    await p.root.waitFor();
    await p.later.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await eventually(() => storedRecords(h.browser), (r) => r.length === before + 1);
    const mine = records.filter((r) => r.leadId === '1003');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      status: 'pending',
      // This card shows the new stage only after a reload: only the request path can have seen it.
      via: 'request',
      pipeline: { id: '3', name: 'Сервіс' },
      fromStage: { id: '32', name: 'Виїзд майстра' },
      toStage: { id: '34', name: 'Закрито без оплати' },
    });
    // Detected after the accepted request, not at the refused one.
    expect(mine[0]!.detectedAt).toBeGreaterThanOrEqual(accepted.at);
    await page.close();
  });

  it('reports "detection not working" on a redesigned order card', async () => {
    const page = await h.browser.context.newPage();
    await page.goto(h.server.url('broken.1b.app', '/admin/shop/orders/1001/?variant=redesign'));
    const chip = page.locator('whylost-health');
    await chip.waitFor({ timeout: 15_000 });
    await expect(chip.locator('.chip').textContent()).resolves.toMatch(/не работает на этой странице.*stage-current/);
    const popup = await h.browser.openExtensionPage('popup.html');
    const broken = popup.locator('[data-testid="wl-health-broken"][data-host="broken.1b.app"]');
    await expect(broken.textContent()).resolves.toContain('order-card');
    await popup.close();
    await page.close();
  });
});
