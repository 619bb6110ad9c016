/**
 * Screenshots of the reason panel for docs/panel.md: each language (ru, uk, en) on a light and a
 * dark amoCRM card, plus the popup's pending list and the record page. Real Chromium, the built
 * extension, the fixture pages under the real host names — the same setup as the e2e tests.
 *
 *   npx vite-node scripts/panel-screenshots.ts            # builds first
 *   npx vite-node scripts/panel-screenshots.ts --no-build
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildExtension, launchWithExtension } from '../test/support/browser';
import { amoSetStatus } from '../test/support/drive';
import { startFixtureServer } from '../test/support/fixture-server';
import { crmPanel, writeSettings } from '../test/support/panel-drive';

const root = resolve(import.meta.dirname, '..');
const out = resolve(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });
if (!process.argv.includes('--no-build')) {
  buildExtension(root);
}

const COMMENTS = {
  ru: 'Секретарь: «перезвоните после 15-го», ЛПР в отпуске',
  uk: 'Секретар: «передзвоніть після 15-го», ЛПР у відпустці',
  en: 'Assistant: “call back after the 15th”, the decision maker is away',
} as const;

const server = await startFixtureServer();
const browser = await launchWithExtension({});
let lead = 5000;
try {
  for (const lang of ['ru', 'uk', 'en'] as const) {
    await writeSettings(browser, (s) => ({ ...s, language: lang }));
    for (const theme of ['light', 'dark'] as const) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1280, height: 860 });
      const query = new URLSearchParams({ ...(lang === 'en' ? { lang: 'en' } : {}), ...(theme === 'dark' ? { theme: 'dark' } : {}) });
      await page.goto(server.url('demo.amocrm.ru', `/leads/detail/${++lead}?${query}`));
      await amoSetStatus(page, '143');
      const p = crmPanel(page);
      await p.root.waitFor();
      await p.segment.selectOption('outbound-b2b');
      await p.reason('excuse-call-later').click();
      await p.attempts.fill('1');
      await p.comment.fill(COMMENTS[lang]);
      await p.filter.focus();
      await page.screenshot({ path: resolve(out, `panel-${lang}-${theme}.png`) });
      console.log(`saved docs/screenshots/panel-${lang}-${theme}.png`);
      await p.later.click();
      await page.close();
    }
  }

  // The popup's pending list (the closes deferred above) and the record page of one of them.
  await writeSettings(browser, (s) => ({ ...s, language: 'ru' }));
  const popup = await browser.openExtensionPage('popup.html');
  await popup.setViewportSize({ width: 380, height: 560 });
  await popup.locator('[data-testid="wl-pending-item"]').first().waitFor();
  await popup.screenshot({ path: resolve(out, 'popup-pending.png') });
  console.log('saved docs/screenshots/popup-pending.png');
  const href = await popup.locator('[data-testid="wl-pending-tag"]').first().getAttribute('href');
  const record = await browser.openExtensionPage(href!.replace(/^\//, ''));
  await record.setViewportSize({ width: 760, height: 1000 });
  await record.locator('[data-testid="wl-reason"]').first().waitFor();
  await record.screenshot({ path: resolve(out, 'record-page.png'), fullPage: true });
  console.log('saved docs/screenshots/record-page.png');
} finally {
  await browser.close();
  await server.close();
}
