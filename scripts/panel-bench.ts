/**
 * How fast the panel appears after a close, in real Chromium with the built extension on the
 * amoCRM card fixture (product bar: visible within 50 ms, median). Prints a table.
 *
 *   npx vite-node scripts/panel-bench.ts [--runs 15] [--no-build]
 *
 * t0 is the CRM's `change` event on the status radio (seen first by a window capture listener
 * in the page, in the same dispatch where the adapter detects the close). "rendered": the panel
 * is laid out in the page (polled with zero-delay timers); "frame": the first animation frame
 * in which it is there, i.e. painted at the end of that frame.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchWithExtension, EXTENSION_DIR } from '../test/support/browser';
import { amoSetStatus } from '../test/support/drive';
import { startFixtureServer } from '../test/support/fixture-server';

const root = resolve(import.meta.dirname, '..');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 15;
if (!process.argv.includes('--no-build')) {
  execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
}

const server = await startFixtureServer();
const browser = await launchWithExtension({});
const rendered: number[] = [];
const frame: number[] = [];
try {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __wl: { rendered?: number; frame?: number } };
    w.__wl = {};
    const there = () => {
      const el = document.querySelector('whylost-panel')?.shadowRoot?.querySelector('.wl-panel');
      return Boolean(el && el.getBoundingClientRect().width > 0);
    };
    window.addEventListener(
      'change',
      () => {
        const t0 = performance.now();
        const poll = () => (there() ? (w.__wl.rendered = performance.now() - t0) : setTimeout(poll, 0));
        const onFrame = () => (there() ? (w.__wl.frame = performance.now() - t0) : requestAnimationFrame(onFrame));
        setTimeout(poll, 0);
        requestAnimationFrame(onFrame);
      },
      { capture: true, once: true },
    );
  });
  for (let i = 0; i < runs + 1; i++) {
    await page.goto(server.url('demo.amocrm.ru', `/leads/detail/${7000 + i}`));
    await amoSetStatus(page, '143');
    await page.waitForFunction(() => {
      const w = window as unknown as { __wl: { rendered?: number; frame?: number } };
      return w.__wl.rendered !== undefined && w.__wl.frame !== undefined;
    }, undefined, { timeout: 15_000 });
    const r = await page.evaluate(() => (window as unknown as { __wl: { rendered: number; frame: number } }).__wl);
    if (i > 0) {
      // The first close warms the browser's caches up; it is left out.
      rendered.push(r.rendered);
      frame.push(r.frame);
    }
  }
} finally {
  await browser.close();
  await server.close();
}

const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
const row = (name: string, xs: number[]) =>
  `| ${name.padEnd(36)} | ${String(xs.length).padStart(4)} | ${q(xs, 0.5).toFixed(1).padStart(7)} | ${q(xs, 0.9).toFixed(1).padStart(7)} | ${Math.max(...xs).toFixed(1).padStart(7)} |`;
const script = readFileSync(resolve(EXTENSION_DIR, 'content-scripts/amocrm.js'));
console.log(`\n| ${'close → panel (ms)'.padEnd(36)} | runs | median  |   p90   |   max   |`);
console.log(`|${'-'.repeat(38)}|------|---------|---------|---------|`);
console.log(row('rendered (laid out in the page)', rendered));
console.log(row('first animation frame with it', frame));
console.log(`\namoCRM content script: ${(script.length / 1024).toFixed(1)} KiB, ${(gzipSync(script).length / 1024).toFixed(1)} KiB gzipped`);
