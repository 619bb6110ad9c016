/**
 * What a benchmark module gets and returns. A module is one file, bench/<name>.bench.ts, whose
 * default export is `defineBench({ name, title, run })`; scripts/bench.ts finds it, runs it (in
 * real Chromium when it asks for a browser), prints its rows and records them in
 * docs/benchmarks.md. Nothing else to register.
 */
import type { ExtensionBrowser, launchWithExtension } from '../test/support/browser';
import type { FixtureServer } from '../test/support/fixture-server';

export interface BenchRow {
  metric: string;
  unit: 'ms' | 'KB' | 's';
  /** Every measurement; the table shows the median, min and max. */
  samples: number[];
  /** The product's target, where there is one: the median must not exceed it. */
  target?: number;
  note?: string;
}

export interface BenchContext {
  /** The repository root. */
  root: string;
  /** Chromium with the built extension; closed by the harness after the module. */
  launch(options?: Parameters<typeof launchWithExtension>[0]): Promise<ExtensionBrowser>;
  /** The HTTPS fixture server (CRM pages under their real host names), started on first use. */
  server(): Promise<FixtureServer>;
  log(message: string): void;
}

export interface BenchModule {
  /** Short id: the file name, the marker in docs/benchmarks.md, the CLI filter. */
  name: string;
  /**
   * Its block's marker in docs/benchmarks.md, where not `name`: a run on other data than the
   * documented one (fewer records) gets a block of its own rather than replacing that one.
   */
  block?: string;
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export function defineBench(module: BenchModule): BenchModule {
  return module;
}

export function median(xs: number[]): number {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
