/**
 * Driving the amoCRM fixture pages (test/fixtures/amocrm/) the way a manager does: a real mouse
 * drag in the kanban, the list's bulk action, amoCRM's own loss-reason modal.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { Rejection } from '../../src/core/rejection';
import type { ExtensionBrowser } from '../support/browser';
import { eventually, storedRecords } from '../support/drive';

/** Drags a kanban card with the mouse onto the footer's «Closed - lost» zone (shown once the drag starts). */
export async function amoDragToLost(page: Page, leadId: string): Promise<void> {
  const box = await page.locator(`#pipeline_item_${leadId}`).boundingBox();
  if (!box) throw new Error(`no kanban card ${leadId}`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height - 6;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 12, y + 12, { steps: 3 });
  const zone = page.locator('#pipeline_manage [data-status-id="143"]');
  await zone.waitFor({ state: 'visible', timeout: 10_000 });
  const z = await zone.boundingBox();
  if (!z) throw new Error('no lost zone');
  await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 10 });
  await page.mouse.up();
}

/** Drags a kanban card into another column (not a close). */
export async function amoDragToColumn(page: Page, leadId: string, statusId: string): Promise<void> {
  const box = await page.locator(`#pipeline_item_${leadId}`).boundingBox();
  const column = await page.locator(`.pipeline_cell-${statusId}`).boundingBox();
  if (!box || !column) throw new Error('no card or column');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height - 6);
  await page.mouse.down();
  await page.mouse.move(column.x + column.width / 2, column.y + 120, { steps: 10 });
  await page.mouse.up();
}

/** Selects list rows and saves «Изменить этап» with a status of a pipeline. */
export async function amoBulkChangeStatus(page: Page, leadIds: string[], statusId: string, pipelineId = '3'): Promise<void> {
  for (const id of leadIds) await page.locator(`#list_item_${id} .list-row__checkbox input`).check();
  await page.locator('.js-list-multiple-actions__item[data-type="change_status"]').click();
  await page.locator(`.modal-change-status label[for="bulk_${pipelineId}_${statusId}"]`).click();
  await page.locator('.modal-change-status .js-modal-accept').click();
}

/** amoCRM's own loss-reason modal: picks a reason by id and saves. */
export async function amoPickLossReason(page: Page, reasonId: string): Promise<void> {
  await page.locator(`.modal-loss-reason label[for="loss_reason_${reasonId}"]`).click();
  await page.locator('.modal-loss-reason .js-modal-accept').click();
  await page.locator('.modal-loss-reason').waitFor({ state: 'detached' });
}

/** The stored records of some leads on a host, once `accept` holds (or the time is up). */
export async function recordsOf(
  browser: ExtensionBrowser,
  host: string,
  accept: (records: Rejection[]) => boolean,
  timeoutMs = 10_000,
): Promise<Rejection[]> {
  return eventually(async () => (await storedRecords(browser)).filter((r) => r.host === host), accept, timeoutMs);
}

/**
 * Opens a redesigned page (?variant=redesign renames its anchors) and checks that the page's
 * chip and the popup say detection is not working there, naming the missing anchors.
 */
export async function expectReportedBroken(
  h: { browser: ExtensionBrowser; server: { url(host: string, path: string): string } },
  host: string,
  path: string,
  kind: string,
  missing: RegExp,
): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, `${path}?variant=redesign`));
  const chip = page.locator('whylost-health');
  await chip.waitFor({ timeout: 15_000 });
  const text = await chip.locator('.chip').textContent();
  expect(text).toMatch(/не работает на этой странице/);
  expect(text).toMatch(missing);
  const popup = await h.browser.openExtensionPage('popup.html');
  await expect(popup.locator(`[data-testid="wl-health-broken"][data-host="${host}"]`).textContent()).resolves.toContain(kind);
  await popup.close();
  await page.close();
}
