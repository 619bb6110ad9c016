/**
 * Benchmark: merging 20 managers' files × 5,000 records through the dashboard's import, in
 * real Chromium with the built extension (product bar: under 2 s).
 *
 *   npx wxt build && npx vite-node scripts/bench-merge.ts -- --runs 5 --files 20 --records 5000
 *
 * Measured inside the dashboard page: from the file input's `change` event to the moment the
 * last result line is final, so it covers reading the files, sending them in chunks, parsing,
 * validating and migrating in the background, and the Dexie transactions. Also reported: the
 * longest main-thread task of the dashboard during the import (PerformanceObserver "longtask"),
 * i.e. how long the UI was blocked at worst; the floor (bare IndexedDB puts of as many records);
 * and what moving one file from the page to the background costs, three ways.
 *
 * Files are generated deterministically at run time (~4 MB each) into a temp folder.
 * This module exports `runMergeBench` (one benchmark module per file, for `npm run bench`);
 * scripts/bench-merge.ts is its command line.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../../test/support/browser';
import { exportText, makeRecords } from '../../test/support/exchange-data';
import { setIdentity } from '../../test/support/sharing';

export interface MergeBenchOptions {
  runs: number;
  files: number;
  records: number;
}

interface Sample {
  ms: number;
  longestTask: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function makeFiles(dir: string, o: MergeBenchOptions, bump: number): string[] {
  return Array.from({ length: o.files }, (_, k) => {
    const owner = { id: `bench-owner-${String(k).padStart(3, '0')}`, name: `Менеджер ${k + 1}` };
    const records = makeRecords(owner, o.records).map((r) => (bump ? { ...r, updatedAt: r.updatedAt + bump, comment: `${r.comment} (правка ${bump})` } : r));
    const path = join(dir, `${bump ? 'edited' : 'team'}-${k}.json`);
    writeFileSync(path, exportText(owner, records));
    return path;
  });
}

/** Arms the page's clocks: change event → last final result line; long tasks in between. */
async function arm(page: Page, expected: number): Promise<void> {
  await page.evaluate((n) => {
    const w = window as unknown as { __bench: { start: number; end: number; longest: number; done: boolean } };
    w.__bench = { start: 0, end: 0, longest: 0, done: false };
    const input = document.querySelector('[data-testid="wl-import"]')!;
    input.addEventListener('change', () => (w.__bench.start = performance.now()), { capture: true, once: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__bench.start && !w.__bench.done) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const check = () => {
      const lines = [...document.querySelectorAll('[data-testid="wl-import-result"]')];
      if (lines.length === n && lines.every((l) => l.getAttribute('data-outcome') !== 'working')) {
        w.__bench.end = performance.now();
        w.__bench.done = true;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-outcome'] });
  }, expected);
}

async function importOnce(page: Page, paths: string[], expectOutcome: (text: string) => boolean): Promise<Sample> {
  await arm(page, paths.length);
  await page.locator('[data-testid="wl-import"]').setInputFiles(paths);
  await page.waitForFunction(() => (window as unknown as { __bench: { done: boolean } }).__bench.done, null, { timeout: 600_000, polling: 50 });
  const r = await page.evaluate(() => (window as unknown as { __bench: { start: number; end: number; longest: number } }).__bench);
  const texts = await page.locator('[data-testid="wl-import-result"]').allTextContents();
  const bad = texts.filter((t) => !expectOutcome(t));
  if (bad.length) throw new Error(`unexpected result: ${bad[0]}`);
  return { ms: r.end - r.start, longestTask: r.longest };
}

async function clearAll(browser: ExtensionBrowser): Promise<void> {
  const options = await browser.openExtensionPage('options.html');
  await options.locator('[data-testid="wl-delete-word"]').waitFor();
  const word = await options.evaluate(() => /(\S+)\s*$/.exec(document.querySelector('[data-testid="wl-delete-word"]')!.closest('label')!.textContent!)![1]!);
  await options.locator('[data-testid="wl-delete-word"]').fill(word);
  await options.locator('[data-testid="wl-delete-all"]').click();
  await options.waitForFunction(() => document.querySelector('[data-testid="wl-data-total"]')?.textContent === '0');
  await options.close();
  await setIdentity(browser, 'Руководитель');
}

/**
 * Getting one file from the page to the background, three ways (median of 5):
 * extension message with the text, extension message with the parsed records, and the
 * service-worker postMessage with the bytes transferred (what imports use in Chromium; an
 * unknown upload id makes the worker answer at once without storing anything).
 */
async function transportCost(page: Page, path: string): Promise<{ text: number; parsed: number; bytes: number; mb: number }> {
  const text = readFileSync(path, 'utf8');
  return page.evaluate(async (t) => {
    type Chrome = { runtime: { sendMessage(m: unknown): Promise<unknown> } };
    const chrome = (globalThis as unknown as { chrome: Chrome }).chrome;
    const viaRuntime = async (data: unknown) => {
      const start = performance.now();
      // No listener answers this type: the time is serialisation + delivery + the listeners' refusal.
      await chrome.runtime.sendMessage({ type: 'bench.noop', data }).catch(() => undefined);
      return performance.now() - start;
    };
    const worker = (await navigator.serviceWorker.getRegistration())!.active!;
    const viaWorker = async () => {
      const bytes = new TextEncoder().encode(t).buffer;
      const channel = new MessageChannel();
      const start = performance.now();
      const answered = new Promise((resolve) => (channel.port1.onmessage = resolve));
      worker.postMessage({ type: 'whylost.uploadBytes', uploadId: '00000000-0000-4000-8000-000000000000', bytes }, [bytes, channel.port2]);
      await answered;
      return performance.now() - start;
    };
    const parsed = JSON.parse(t) as unknown;
    const runs: [number[], number[], number[]] = [[], [], []];
    for (let i = 0; i < 5; i++) {
      runs[0].push(await viaRuntime(t));
      runs[1].push(await viaRuntime(parsed));
      runs[2].push(await viaWorker());
    }
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[2]!;
    return { text: med(runs[0]), parsed: med(runs[1]), bytes: med(runs[2]), mb: t.length / 1024 / 1024 };
  }, text);
}

/**
 * The floor: the same number of records put with the bare IndexedDB API (no reading, no
 * validation, no Dexie), one transaction per file, into a scratch database with the v1 indexes.
 */
async function rawPutFloor(page: Page, o: MergeBenchOptions, template: unknown[]): Promise<number> {
  return page.evaluate(
    async ({ files, records }) => {
      const name = 'whylost-bench-raw';
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open(name, 1);
        req.onupgradeneeded = () => {
          const store = req.result.createObjectStore('rejections', { keyPath: 'id' });
          for (const index of ['leadKey', 'status', 'detectedAt']) store.createIndex(index, index);
        };
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const start = performance.now();
      for (let f = 0; f < files; f++) {
        await new Promise<void>((resolve, reject) => {
          const tx = db.transaction('rejections', 'readwrite');
          const store = tx.objectStore('rejections');
          for (const r of records as { id: string }[]) store.put({ ...r, id: `${f}-${r.id}` });
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      const ms = performance.now() - start;
      db.close();
      await new Promise((resolve) => (indexedDB.deleteDatabase(name).onsuccess = resolve));
      return ms;
    },
    { files: o.files, records: template },
  );
}

export async function runMergeBench(o: MergeBenchOptions): Promise<string> {
  const root = resolve(import.meta.dirname, '../..');
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  const dir = mkdtempSync(join(tmpdir(), 'whylost-bench-'));
  const loadBefore = loadavg()[0]!;
  const team = makeFiles(dir, o, 0);
  const edited = makeFiles(dir, o, 1);
  const total = o.files * o.records;
  const browser = await launchWithExtension();
  const rows: [string, Sample[]][] = [
    ['fresh: all added', []],
    ['same files again: all unchanged', []],
    ['newer edits: all updated', []],
  ];
  let transport: Awaited<ReturnType<typeof transportCost>> | null = null;
  const floor: number[] = [];
  try {
    await setIdentity(browser, 'Руководитель');
    for (let run = 0; run < o.runs; run++) {
      if (run > 0) await clearAll(browser);
      const page = await browser.openExtensionPage('dashboard.html');
      await page.locator('[data-testid="wl-import"]').waitFor();
      rows[0]![1].push(await importOnce(page, team, (t) => t.includes(`добавлено ${o.records},`)));
      rows[1]![1].push(await importOnce(page, team, (t) => t.includes(`без изменений ${o.records}.`)));
      rows[2]![1].push(await importOnce(page, edited, (t) => t.includes(`обновлено ${o.records},`)));
      if (!transport) transport = await transportCost(page, team[0]!);
      floor.push(await rawPutFloor(page, o, makeRecords({ id: 'raw-owner-0001', name: '' }, o.records)));
      await page.close();
      process.stderr.write(`run ${run + 1}/${o.runs} done\n`);
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = loadavg()[0]!;
  const lines = [
    `Merge benchmark: ${o.files} files × ${o.records} records = ${total} records, ${o.runs} runs, Chromium ${browser.context.browser()?.version() ?? ''}`.trim(),
    `load average (1 min) before/after: ${loadBefore.toFixed(2)} / ${loadAfter.toFixed(2)}`,
    '',
    '| scenario | median ms | min ms | max ms | records/s (median) | longest UI task ms (median) | under 2 s |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...rows.map(([name, s]) => {
      const ms = s.map((x) => x.ms);
      const m = median(ms);
      return `| ${name} | ${m.toFixed(0)} | ${Math.min(...ms).toFixed(0)} | ${Math.max(...ms).toFixed(0)} | ${Math.round(total / (m / 1000))} | ${median(s.map((x) => x.longestTask)).toFixed(0)} | ${m < 2000 ? 'yes' : 'NO'} |`;
    }),
  ];
  lines.push(
    `| floor: bare IndexedDB puts, same count, no validation | ${median(floor).toFixed(0)} | ${Math.min(...floor).toFixed(0)} | ${Math.max(...floor).toFixed(0)} | ${Math.round(total / (median(floor) / 1000))} | — | ${median(floor) < 2000 ? 'yes' : 'NO'} |`,
  );
  if (transport) {
    lines.push(
      '',
      `One ${transport.mb.toFixed(1)} MB file from the page to the background (median of 5): extension message with the text ${transport.text.toFixed(0)} ms, ` +
        `with the parsed records ${transport.parsed.toFixed(0)} ms, service-worker postMessage with the bytes transferred ${transport.bytes.toFixed(0)} ms (used).`,
    );
  }
  return lines.join('\n');
}
