/**
 * What WhyLost costs a CRM page and how fast it answers (product.md quality bars), in real
 * Chromium on the fixture pages, each figure against the same Chromium without the extension:
 *
 * - page load: main-thread script time of loading a CRM page (CDP Performance.getMetrics
 *   ScriptDuration, from navigation to 1.5 s after load), with minus without the extension;
 * - idle page, 1,000 DOM mutations: a page script makes 20,000 mutations (append + remove under
 *   <body>) and waits a task for observers; time with minus without, per 1,000;
 * - close → panel visible: from the CRM's `change` event (a capture listener in the page, the
 *   same dispatch the adapter detects the close in) to the first animation frame showing the
 *   panel laid out; the first close of a page and the following ones apart;
 * - save → durable: from the click on Save to the panel leaving the page, which happens when the
 *   background answered, i.e. after the IndexedDB transaction committed.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { amoSetStatus, panel } from '../test/support/drive';
import { launchPlain } from '../test/support/plain-browser';
import { defineBench, median, type BenchRow } from './kit';

export const PAGES: [string, string, string][] = [
  ['amoCRM lead card', 'demo.amocrm.ru', '/leads/detail/1001'],
  ['Bitrix24 deal kanban', 'demo.bitrix24.ru', '/crm/deal/kanban/category/0/'],
  ['OneBox order card', 'demo.1b.app', '/admin/shop/orders/1002/'],
];
const LOADS = 8;
const CLOSES = 12;

export async function scriptMs(context: BrowserContext, url: string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < LOADS + 1; i++) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForTimeout(1500);
    const { metrics } = await cdp.send('Performance.getMetrics');
    if (i > 0) out.push((metrics.find((m) => m.name === 'ScriptDuration')?.value ?? 0) * 1000);
    await page.close();
  }
  return out;
}

async function mutationMs(context: BrowserContext, url: string): Promise<number[]> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForTimeout(1000);
  const out: number[] = [];
  for (let i = 0; i < 9; i++) {
    const ms = await page.evaluate(async () => {
      const box = document.createElement('div');
      document.body.append(box);
      const t0 = performance.now();
      for (let k = 0; k < 10_000; k++) {
        const el = document.createElement('span');
        box.append(el);
        el.remove();
      }
      await new Promise((r) => setTimeout(r, 0)); // observers' callbacks run before this task
      const ms = performance.now() - t0;
      box.remove();
      return ms;
    });
    if (i > 0) out.push(ms / 20); // 20,000 mutations → per 1,000
  }
  await page.close();
  return out;
}

/** Times the next close on `page` from the CRM's change event to the panel's first painted frame. */
function armCloseTimer(page: Page): Promise<void> {
  return page.evaluate(() => {
    const w = window as unknown as { __wlBench: { frame?: number } };
    w.__wlBench = {};
    window.addEventListener(
      'change',
      () => {
        const t0 = performance.now();
        const there = () => {
          const el = document.querySelector('whylost-panel')?.shadowRoot?.querySelector('.wl-panel');
          return Boolean(el && el.getBoundingClientRect().width > 0);
        };
        const onFrame = () => (there() ? (w.__wlBench.frame = performance.now() - t0) : requestAnimationFrame(onFrame));
        requestAnimationFrame(onFrame);
      },
      { capture: true, once: true },
    );
  });
}

async function closeTimings(context: BrowserContext, url: (lead: number) => string): Promise<{ first: number[]; later: number[]; save: number[] }> {
  const first: number[] = [];
  const later: number[] = [];
  const save: number[] = [];
  const page = await context.newPage();
  for (let i = 0; i < CLOSES; i++) {
    // Every third close on a freshly loaded page (its first), the others on the same page.
    if (i % 3 === 0) await page.goto(url(9000 + i));
    // In-app navigation of the fixture's single-page app, as amoCRM moves between leads.
    else await page.evaluate((u) => (window as unknown as { __amoFixture: { navigate(h: string): void } }).__amoFixture.navigate(u), new URL(url(9000 + i)).pathname);
    await page.locator('#card_status_view_mode').waitFor();
    await armCloseTimer(page);
    await amoSetStatus(page, '143');
    await page.waitForFunction(() => (window as unknown as { __wlBench: { frame?: number } }).__wlBench.frame !== undefined, undefined, { timeout: 15_000 });
    const ms = await page.evaluate(() => (window as unknown as { __wlBench: { frame: number } }).__wlBench.frame);
    (i % 3 === 0 ? first : later).push(ms);
    const p = panel(page);
    await p.reason('price').click();
    await p.comment.fill('Бюджет клиента 50 тыс., наша цена 85 тыс.');
    const saved = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const button = document.querySelector('whylost-panel')!.shadowRoot!.querySelector<HTMLButtonElement>('[data-testid="wl-save"]')!;
          const t0 = performance.now();
          const gone = new MutationObserver(() => {
            if (!document.querySelector('whylost-panel')) {
              gone.disconnect();
              resolve(performance.now() - t0);
            }
          });
          gone.observe(document.body, { childList: true });
          button.click();
        }),
    );
    save.push(saved);
  }
  await page.close();
  return { first, later, save };
}

const minus = (a: number[], b: number[]) => [median(a) - median(b)];

export default defineBench({
  name: 'content',
  title: 'What a CRM page pays, and how fast the panel answers',
  async run(ctx) {
    const server = await ctx.server();
    const rows: BenchRow[] = [];
    const withExt = await ctx.launch();
    const plain = await launchPlain();
    try {
      for (const [name, host, path] of PAGES) {
        const url = server.url(host, path);
        ctx.log(`page load: ${name}`);
        const [a, b] = [await scriptMs(withExt.context, url), await scriptMs(plain.context, url)];
        rows.push({ metric: `page load, script time added: ${name}`, unit: 'ms', samples: minus(a, b), note: `${median(a).toFixed(0)} with, ${median(b).toFixed(0)} without` });
        ctx.log(`mutations: ${name}`);
        const [m, n] = [await mutationMs(withExt.context, url), await mutationMs(plain.context, url)];
        rows.push({ metric: `idle page, 1,000 DOM mutations, time added: ${name}`, unit: 'ms', samples: minus(m, n), target: 1, note: `${median(m).toFixed(2)} with, ${median(n).toFixed(2)} without` });
      }
      ctx.log('closes and saves (amoCRM card)');
      const t = await closeTimings(withExt.context, (lead) => server.url('bench.amocrm.ru', `/leads/detail/${lead}`));
      rows.push({ metric: 'close → panel visible, first close of a page', unit: 'ms', samples: t.first, target: 50 });
      rows.push({ metric: 'close → panel visible, later closes', unit: 'ms', samples: t.later, target: 50 });
      rows.push({ metric: 'close → panel visible, all', unit: 'ms', samples: [...t.first, ...t.later], target: 50 });
      rows.push({ metric: 'save → durable (background committed, panel gone)', unit: 'ms', samples: t.save, target: 30 });
    } finally {
      await plain.close();
    }
    return rows;
  },
});
