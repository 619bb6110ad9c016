/**
 * `npm run demo`: builds the extension and opens Chromium with it on the bundled demo CRM pages
 * (the test fixtures, served on this machine under the CRMs' real host names).
 * `npm run demo -- --headless` walks through the flow instead and saves screenshots.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildExtension, launchWithExtension } from '../test/support/browser';
import { dragToZone } from '../test/support/bitrix24';
import { amoSetStatus, eventually, panel, storedRecords } from '../test/support/drive';
import { oneboxMoveTo } from '../test/support/onebox';
import { startFixtureServer } from '../test/support/fixture-server';

const root = resolve(import.meta.dirname, '..');
const headless = process.argv.includes('--headless');
const shots = resolve(root, 'demo-screenshots');

if (!headless && process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.error('No display found. Run the walk-through without a window instead:  npm run demo -- --headless');
  process.exit(1);
}

console.log('Building the extension…');
buildExtension(root);

const server = await startFixtureServer();
const browser = await launchWithExtension({ headless, profileDir: headless ? undefined : resolve(root, '.tmp/demo-profile') });
const start = server.url('demo.whylost.test', '/');

if (!headless) {
  const page = browser.context.pages()[0] ?? (await browser.context.newPage());
  await page.goto(start);
  const card = await browser.context.newPage();
  await card.goto(server.url('demo.amocrm.ru', '/leads/detail/1001'));
  console.log(`\nChromium is open with WhyLost loaded.\n  Demo pages: ${start}\n  Close the browser window (or press Ctrl+C) to stop.`);
  const stop = async () => {
    await server.close();
    process.exit(0);
  };
  browser.context.on('close', () => void stop());
  process.on('SIGINT', () => void browser.close({ keepProfile: true }).then(stop));
} else {
  mkdirSync(shots, { recursive: true });
  const saved: string[] = [];
  const shot = async (page: import('playwright-core').Page, name: string) => {
    const path = resolve(shots, name);
    await page.screenshot({ path });
    saved.push(path);
  };
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('demo.amocrm.ru', '/leads/detail/1001'));
    await shot(page, '01-amocrm-card.png');

    console.log('1. Closing the amoCRM lead as «Закрыто и не реализовано»…');
    await amoSetStatus(page, '143');
    const p = panel(page);
    await p.root.waitFor();
    await shot(page, '02-panel.png');

    console.log('2. A placeholder comment is refused…');
    await p.reason('price').click();
    await p.comment.fill('-');
    await p.save.click();
    await p.error.waitFor();
    await shot(page, '03-comment-refused.png');

    console.log('3. A real reason and comment are saved…');
    await p.comment.fill('Бюджет клиента 50 тыс., наше предложение 85 тыс.');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });
    const records = await eventually(() => storedRecords(browser), (r) => r.some((x) => x.status === 'tagged'));
    console.log(`   stored: ${records.length} record(s), reason "${records[0]?.reasonId}", lead "${records[0]?.title}"`);

    console.log('4. A Kommo (English) lead, deferred with "Later" — kept as pending…');
    await page.goto(server.url('demo.kommo.com', '/leads/detail/1002'));
    await amoSetStatus(page, '143');
    await p.root.waitFor();
    await shot(page, '04-kommo-panel.png');
    await p.later.click();

    console.log('5. Bitrix24: a deal dropped onto «Сделка провалена» in the kanban…');
    await page.goto(server.url('demo.bitrix24.ru', '/crm/deal/kanban/category/0/'));
    await dragToZone(page, '1002', 'LOSE');
    await p.root.waitFor();
    await shot(page, '05-bitrix24-kanban-panel.png');
    await p.reason('no-budget').click();
    await p.comment.fill('Бюджет магазина урезали до следующего года');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    console.log('6. OneBox: an order moved to «Відмова»…');
    await page.goto(server.url('demo.1b.app', '/admin/shop/orders/1001/'));
    await oneboxMoveTo(page, 'Відмова');
    await p.root.waitFor();
    await shot(page, '06-onebox-panel.png');
    await p.reason('outside-area').click();
    await p.comment.fill('Объект в Житомире, монтаж там не делаем');
    await p.save.click();
    await p.root.waitFor({ state: 'detached' });

    console.log('7. The toolbar popup counts them, and lists the close still waiting…');
    const popup = await browser.openExtensionPage('popup.html');
    await popup.setViewportSize({ width: 380, height: 620 });
    await eventually(() => popup.locator('[data-testid="wl-pending"]').textContent(), (t) => t === '1');
    await eventually(() => popup.locator('[data-testid="wl-total"]').textContent(), (t) => t === '3');
    await shot(popup, '07-popup.png');

    console.log('8. The dashboard…');
    const dashboard = await browser.openExtensionPage('dashboard.html');
    await dashboard.setViewportSize({ width: 1280, height: 1400 });
    await dashboard.locator('[data-testid="wl-stat-counted"]').waitFor();
    await shot(dashboard, '08-dashboard.png');
    console.log(`\nScreenshots:\n${saved.map((s) => `  ${s}`).join('\n')}`);
  } finally {
    await browser.close();
    await server.close();
  }
}
