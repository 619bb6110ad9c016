/**
 * Merge benchmark from the command line (see scripts/bench/merge.ts):
 *   npx wxt build && npx vite-node scripts/bench-merge.ts -- --runs 3 --files 20 --records 5000
 */
import { runMergeBench } from './bench/merge';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

console.log(await runMergeBench({ runs: arg('runs', 3), files: arg('files', 20), records: arg('records', 5000) }));
