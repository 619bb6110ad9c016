/** Driving the Bitrix24 fixtures (shared by the e2e tests and the demo). */
import type { Page } from 'playwright-core';

/** Drags a kanban card onto a drop zone with real mouse moves (the zones appear once the drag starts). */
export async function dragToZone(page: Page, itemId: string, zoneId: string, timeout = 20_000): Promise<void> {
  const item = page.locator(`.main-kanban-item[data-id="${itemId}"]`);
  await item.scrollIntoViewIfNeeded();
  const from = (await item.boundingBox())!;
  await page.mouse.move(from.x + 20, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + 40, from.y + 60, { steps: 3 });
  const zone = page.locator(`.main-kanban-dropzone[data-id="${zoneId}"]`);
  await zone.waitFor({ state: 'visible', timeout });
  const to = (await zone.boundingBox())!;
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}
