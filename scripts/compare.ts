/**
 * `npm run compare -- <git-ref> [--against <git-ref>] [--rounds N] [--only render|merge|content] [--no-build]`:
 * this working tree's build (or --against's) against the build of <git-ref>, measured turn about in the same minutes, so both
 * see the same load. On this shared machine a figure from one hour is not comparable with one
 * from the next (the statistics pass alone varied 42 → 63 ms between two runs of the same code);
 * a change is judged by this comparison, `npm run bench` records where things stand.
 *
 * render: the popup and the dashboard over 100,000 generated records, background warm and cold,
 * and cold with the figures of last time out of date (a new day: no shell, no kept figures; a
 * build from before `until` has them two hours old, past its hour) (first figures on screen, own
 * first render, live figures), as bench/stats.bench.ts measures them.
 * merge: 20 files × 5,000 records imported through the dashboard — all new, the same again,
 * newer edits — as bench/merge.bench.ts measures them.
 * content: the main-thread script time of loading each CRM fixture page with the extension
 * (its content scripts), as bench/content.bench.ts measures it (the page's own script time is
 * the same on both sides).
 *
 * The ref is built in a temporary git worktree (sharing this node_modules) and removed after.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PAGES, scriptMs } from '../bench/content.bench';
import { median } from '../bench/kit';
import { importOnce, makeFiles } from '../bench/merge.bench';
import { openTimed, readyMs, type Render } from '../bench/stats.bench';
import { ageKept } from '../test/support/kept';
import { buildExtension, EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from '../test/support/browser';
import { startFixtureServer, type FixtureServer } from '../test/support/fixture-server';
import { identityOf, seedGenerated, waitForSnapshot } from '../test/support/seed';
import { stopServiceWorker } from '../test/support/service-worker';
import { setIdentity } from '../test/support/sharing';

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const ref = args.find((a, i) => !a.startsWith('--') && !['--rounds', '--only', '--against'].includes(args[i - 1] ?? ''));
/** Instead of this working tree, another ref. */
const against = option('--against');
if (!ref) {
  console.error('usage: npm run compare -- <git-ref> [--rounds N] [--only render|merge|content] [--no-build]');
  process.exit(2);
}
const ROUNDS = Math.max(1, Number(option('--rounds') ?? 2));
const only = option('--only');
const RECORDS = 100_000;
const SAMPLES = 5;

const sh = (cmd: string, cmdArgs: string[], cwd = ROOT) => execFileSync(cmd, cmdArgs, { cwd, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' }).trim();

function buildRef(ref: string): { dir: string; label: string; cleanup(): void } {
  const sha = sh('git', ['rev-parse', '--short', ref]);
  const tree = mkdtempSync(join(tmpdir(), `whylost-${sha}-`));
  rmSync(tree, { recursive: true });
  sh('git', ['worktree', 'add', '--detach', tree, sha]);
  symlinkSync(join(ROOT, 'node_modules'), join(tree, 'node_modules'));
  console.log(`building ${ref} (${sha}) in ${tree}…`);
  buildExtension(tree, { quiet: true });
  return {
    dir: join(tree, '.output/chrome-mv3'),
    label: `${ref} (${sha})`,
    cleanup: () => sh('git', ['worktree', 'remove', '--force', tree]),
  };
}

type Samples = Map<string, number[]>;
const add = (s: Samples, key: string, ...xs: number[]) => s.set(key, [...(s.get(key) ?? []), ...xs]);

async function measureRender(browser: ExtensionBrowser, into: Samples): Promise<void> {
  const me = await identityOf(browser);
  await seedGenerated(browser, { seed: 2026, offset: 0, count: RECORDS, now: Date.now(), days: 730, me });
  const first = await browser.openExtensionPage('dashboard.html');
  await readyMs(first);
  await waitForSnapshot(first, RECORDS);
  await first.close();
  for (const path of ['popup.html', 'dashboard.html']) await openTimed(browser, path); // the pages' code into the cache
  for (let i = 0; i < SAMPLES; i++) {
    for (const how of ['cold', 'warm', 'out of date'] as const) {
      for (const page of ['popup', 'dashboard'] as const) {
        if (how === 'out of date') await ageKept(browser, page, how);
        if (how !== 'warm') await stopServiceWorker(browser);
        const r: Render = await openTimed(browser, `${page}.html`);
        const key = how === 'out of date' ? `${page}, figures of last time out of date, cold` : `${page}, background ${how}`;
        add(into, `${key}: first figures`, r.ready);
        add(into, `${key}: own first render`, r.rendered);
        add(into, `${key}: live figures`, r.live);
        if (r.complete !== null) add(into, `${key}: every section`, r.complete);
      }
    }
  }
}

async function measureMerge(browser: ExtensionBrowser, files: { team: string[]; edited: string[] }, into: Samples): Promise<void> {
  await setIdentity(browser, 'Руководитель');
  const page = await browser.openExtensionPage('dashboard.html');
  await readyMs(page);
  const n = 5000;
  add(into, 'merge 20 × 5,000: fresh', (await importOnce(page, files.team, (t) => t.includes(`добавлено ${n},`))).ms);
  add(into, 'merge 20 × 5,000: same files again', (await importOnce(page, files.team, (t) => t.includes(`без изменений ${n}.`))).ms);
  add(into, 'merge 20 × 5,000: newer edits', (await importOnce(page, files.edited, (t) => t.includes(`обновлено ${n},`))).ms);
  await page.close();
}

async function measureContent(browser: ExtensionBrowser, server: FixtureServer, into: Samples): Promise<void> {
  for (const [label, host, path] of PAGES) add(into, `page load, script time: ${label}`, ...(await scriptMs(browser.context, server.url(host, path))));
}

if (!args.includes('--no-build') && !against) {
  console.log('building this working tree…');
  buildExtension(ROOT, { quiet: true });
}
if (!existsSync(EXTENSION_DIR)) throw new Error(`no build in ${EXTENSION_DIR}`);
const base = buildRef(ref);
const other = against ? buildRef(against) : null;
const fileDir = mkdtempSync(join(tmpdir(), 'whylost-compare-'));
let server: FixtureServer | null = null;
try {
  const merging = !only || only === 'merge';
  const files = merging
    ? { team: makeFiles(fileDir, { files: 20, records: 5000 }, 0), edited: makeFiles(fileDir, { files: 20, records: 5000 }, 1) }
    : { team: [], edited: [] };
  const variants = [
    { label: base.label, dir: base.dir, samples: new Map() as Samples },
    { label: other?.label ?? 'this tree', dir: other?.dir ?? EXTENSION_DIR, samples: new Map() as Samples },
  ];
  const loads: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const v of round % 2 ? [...variants].reverse() : variants) {
      loads.push(Number(loadavg()[0]!.toFixed(1)));
      for (const what of ['render', 'merge', 'content'] as const) {
        if (only ? only !== what : what === 'content') continue;
        const browser = await launchWithExtension({ extensionDir: v.dir });
        try {
          if (what === 'render') await measureRender(browser, v.samples);
          else if (what === 'merge') await measureMerge(browser, files, v.samples);
          else await measureContent(browser, (server ??= await startFixtureServer()), v.samples);
        } finally {
          await browser.close();
        }
        console.log(`round ${round + 1}/${ROUNDS}: ${what} measured for ${v.label}`);
      }
    }
  }
  const [a, b] = variants as [(typeof variants)[0], (typeof variants)[0]];
  const fmt = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
  console.log(`\n\`npm run compare -- ${args.join(' ')}\` — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${ROUNDS} round(s), turn about; load average (1 min) ${Math.min(...loads)}–${Math.max(...loads)}\n`);
  console.log(`| Metric (median, ms) | n | ${a.label} | ${b.label} | change |`);
  console.log('|---|---:|---:|---:|---:|');
  for (const [metric, xs] of a.samples) {
    const ys = b.samples.get(metric) ?? [];
    const ma = median(xs);
    const mb = median(ys);
    console.log(`| ${metric} | ${xs.length} | ${fmt(ma)} | ${fmt(mb)} | ${mb <= ma ? '−' : '+'}${fmt(Math.abs(mb - ma))} (${(((mb - ma) / ma) * 100).toFixed(0)} %) |`);
  }
} finally {
  await server?.close();
  rmSync(fileDir, { recursive: true, force: true });
  base.cleanup();
  other?.cleanup();
}
