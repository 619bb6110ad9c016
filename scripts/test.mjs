#!/usr/bin/env node
/**
 * `npm test`: every check, in order, stopping at the first failure —
 * type check, unit tests, both browser builds (Chromium MV3 and Firefox zips), then the
 * end-to-end tests in real Chromium (required: they fail, never skip, without a browser).
 */
import { spawnSync } from 'node:child_process';

const steps = [
  ['type check', 'npx', ['tsc', '--noEmit']],
  ['unit tests', 'npx', ['vitest', 'run', '--project', 'unit']],
  ['build + zip (Chromium)', 'npx', ['wxt', 'zip']],
  ['build + zip (Firefox)', 'npx', ['wxt', 'zip', '-b', 'firefox']],
  ['end-to-end tests (Chromium)', 'npx', ['vitest', 'run', '--project', 'e2e'], { WHYLOST_BUILT: '1' }],
];

const timings = [];
for (const [name, cmd, args, env] of steps) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: name.startsWith('build') ? 'production' : process.env.NODE_ENV, ...env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  timings.push([name, seconds]);
  if (run.status !== 0) {
    console.error(`\n✖ ${name} failed (${seconds} s)`);
    process.exit(run.status ?? 1);
  }
}
console.log('\nAll checks passed:');
for (const [name, seconds] of timings) console.log(`  ${name.padEnd(30)} ${seconds.padStart(6)} s`);
