/**
 * Merging managers' files through the dashboard's import (product bar: 20 files × 5,000
 * records in under 2 s), in real Chromium with the built extension.
 *
 * Measured inside the dashboard page: from the file input's `change` event to the moment the
 * last result line is final, so it covers reading the files, sending them to the background,
 * parsing, validating and migrating there, and the Dexie transactions. Rows: all records new,
 * the same files again (all unchanged), newer edits (all updated); the longest main-thread task
 * of the dashboard during the import (how long the UI was blocked at worst); the floor — bare
 * IndexedDB puts of as many records, no reading, no validation, no Dexie — and what moving one
 * file from the page to the background costs, three ways.
 *
 * Files are generated deterministically (~4 MB each) into a temp folder. Size:
 * WHYLOST_BENCH_MERGE_FILES (20) × WHYLOST_BENCH_MERGE_RECORDS (5,000).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { exportText, makeRecords } from '../test/support/exchange-data';
import { setIdentity } from '../test/support/sharing';
import { defineBench, type BenchRow } from './kit';

export interface MergeBenchOptions {
  files: number;
  records: number;
}

interface Sample {
  ms: number;
  longestTask: number;
  /** From the last result line to the dashboard's next figures, which include the whole import (null: none came). */
  figuresAfter: number | null;
}

const o: MergeBenchOptions = {
  files: Number(process.env.WHYLOST_BENCH_MERGE_FILES ?? 20),
  records: Number(process.env.WHYLOST_BENCH_MERGE_RECORDS ?? 5000),
};

export function makeFiles(dir: string, o: MergeBenchOptions, bump: number): string[] {
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
    const w = window as unknown as { __bench: { start: number; end: number; longest: number; done: boolean; began: boolean; figures: number } };
    w.__bench = { start: 0, end: 0, longest: 0, done: false, began: false, figures: 0 };
    // The dashboard's figures: a new answer sets data-wl-rev on the root.
    const root = document.documentElement;
    const figures = new MutationObserver(() => {
      if (!w.__bench.done) return;
      w.__bench.figures = performance.now();
      figures.disconnect();
    });
    figures.observe(root, { attributes: true, attributeFilter: ['data-wl-rev'] });
    const input = document.querySelector('[data-testid="wl-import"]')!;
    input.addEventListener('change', () => (w.__bench.start = performance.now()), { capture: true, once: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (w.__bench.start && !w.__bench.done) w.__bench.longest = Math.max(w.__bench.longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    const check = () => {
      const lines = [...document.querySelectorAll('[data-testid="wl-import-result"]')];
      // The previous import's lines stay final until this one's replace them: wait for those first
      // (another mutation — figures refreshed after the last import — must not end the clock).
      if (w.__bench.start && lines.some((l) => l.getAttribute('data-outcome') === 'working')) w.__bench.began = true;
      if (w.__bench.began && lines.length === n && lines.every((l) => l.getAttribute('data-outcome') !== 'working')) {
        w.__bench.end = performance.now();
        w.__bench.done = true;
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-outcome'] });
  }, expected);
}

export async function importOnce(page: Page, paths: string[], expectOutcome: (text: string) => boolean): Promise<Sample> {
  await arm(page, paths.length);
  await page.locator('[data-testid="wl-import"]').setInputFiles(paths);
  await page.waitForFunction(() => (window as unknown as { __bench: { done: boolean } }).__bench.done, null, { timeout: 600_000, polling: 50 });
  const texts = await page.locator('[data-testid="wl-import-result"]').allTextContents();
  const bad = texts.filter((t) => !expectOutcome(t));
  if (bad.length) throw new Error(`unexpected result: ${bad[0]}`);
  // Nothing written (the same files again): no new figures to wait for.
  const wrote = !texts.every((t) => t.includes('добавлено 0, обновлено 0'));
  if (wrote) await page.waitForFunction(() => (window as unknown as { __bench: { figures: number } }).__bench.figures > 0, null, { timeout: 60_000, polling: 20 }).catch(() => undefined);
  const r = await page.evaluate(() => (window as unknown as { __bench: { start: number; end: number; longest: number; figures: number } }).__bench);
  return { ms: r.end - r.start, longestTask: r.longest, figuresAfter: r.figures ? r.figures - r.end : null };
}

/**
 * Getting one file from the page to the background, three ways (median of 5):
 * extension message with the text, extension message with the parsed records, and the
 * service-worker postMessage with the text (what imports use in Chromium; an unknown upload id
 * makes the worker answer at once without storing anything).
 */
async function transportCost(page: Page, path: string): Promise<{ text: number; parsed: number; posted: number; mb: number }> {
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
      const channel = new MessageChannel();
      const start = performance.now();
      const answered = new Promise((resolve) => (channel.port1.onmessage = resolve));
      worker.postMessage({ type: 'whylost.uploadText', uploadId: '00000000-0000-4000-8000-000000000000', text: t }, [channel.port2]);
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
    return { text: med(runs[0]), parsed: med(runs[1]), posted: med(runs[2]), mb: t.length / 1024 / 1024 };
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


export default defineBench({
  name: 'merge',
  title: `Merge: ${o.files} files × ${o.records.toLocaleString('en')} records through the dashboard's import`,
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'whylost-bench-'));
    const browser = await ctx.launch();
    try {
      ctx.log('making the files');
      const team = makeFiles(dir, o, 0);
      const edited = makeFiles(dir, o, 1);
      await setIdentity(browser, 'Руководитель');
      const page = await browser.openExtensionPage('dashboard.html');
      await page.locator('[data-testid="wl-import"]').waitFor();
      ctx.log('importing: fresh, again, edited');
      const fresh = await importOnce(page, team, (t) => t.includes(`добавлено ${o.records},`));
      const again = await importOnce(page, team, (t) => t.includes(`без изменений ${o.records}.`));
      const newer = await importOnce(page, edited, (t) => t.includes(`обновлено ${o.records},`));
      const transport = await transportCost(page, team[0]!);
      ctx.log('floor: bare IndexedDB puts');
      const floor = await rawPutFloor(page, o, makeRecords({ id: 'raw-owner-0001', name: '' }, o.records));
      await page.close();
      const target = 2000;
      const rows: BenchRow[] = [
        { metric: 'fresh: all added', unit: 'ms', samples: [fresh.ms], target },
        { metric: 'same files again: all unchanged', unit: 'ms', samples: [again.ms], target },
        { metric: 'newer edits: all updated', unit: 'ms', samples: [newer.ms], target },
        { metric: 'floor: bare IndexedDB puts of as many records (no reading, no validation, no Dexie)', unit: 'ms', samples: [floor] },
        { metric: 'longest dashboard task during an import', unit: 'ms', samples: [fresh.longestTask, again.longestTask, newer.longestTask] },
        {
          metric: 'dashboard figures with all of an import that wrote, after its last result line',
          unit: 'ms',
          samples: [fresh.figuresAfter, newer.figuresAfter].filter((x): x is number => x !== null),
        },
        { metric: `one ${transport.mb.toFixed(1)} MB file to the background: extension message with the text`, unit: 'ms', samples: [transport.text] },
        { metric: 'the same as parsed records', unit: 'ms', samples: [transport.parsed] },
        { metric: 'the same text in a postMessage to the worker (what imports use)', unit: 'ms', samples: [transport.posted] },
      ];
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
