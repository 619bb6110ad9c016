/** Driving the OneBox order-card fixture (test/fixtures/onebox/). */
import type { Page } from 'playwright-core';

/** Stage bar (workflow «Продажі»): open it and pick a stage by its name; resolves when the page shows it. */
export async function oneboxMoveTo(page: Page, stage: string): Promise<void> {
  await page.locator('.ob-workflow__current').click();
  await page.locator('.ob-workflow__stage', { hasText: stage }).click();
  await page.locator('.ob-workflow__current', { hasText: stage }).waitFor();
}

/** Stage form (workflow «Сервіс»): choose a stage and save; resolves when the page answered. */
export async function oneboxSubmitStage(page: Page, stage: string, reason = ''): Promise<void> {
  await page.locator('textarea[name="refusalreason"]').fill(reason);
  await page.locator('.js-stage-select').selectOption({ label: stage });
  await page.locator('.ob-stage-form__note').evaluate((el) => (el.textContent = ''));
  await page.locator('.js-stage-save').click();
  await page.locator('.ob-stage-form__note:not(:empty)').waitFor();
}
