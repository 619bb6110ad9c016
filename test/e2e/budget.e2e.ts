/**
 * Size budgets of what CRM pages load, set from measured figures (docs/benchmarks.md, "Bundle
 * sizes"): growing past one fails CI, so a change that makes every CRM page pay more is a
 * decision taken in review, not an accident. Raise a budget only with the new figure and why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from '../support/browser';

const KB = 1024;
/** gzip -9 bytes. Measured 2026-11-23: isolated 46.2–48.7 KB, main world 1.7–5.9 KB, panel 115.8 KB. */
const BUDGETS: Record<string, number> = {
  'amocrm.js': 56 * KB,
  'bitrix24.js': 56 * KB,
  'onebox.js': 56 * KB,
  'amocrm-main.js': 8 * KB,
  'bitrix24-main.js': 8 * KB,
  'onebox-main.js': 8 * KB,
  // Loaded only when the manager starts working on a page or a close is detected.
  'panel-ui.js': 135 * KB,
};

describe('content-script size budgets (gzip -9)', () => {
  const dir = join(EXTENSION_DIR, 'content-scripts');
  const built = readdirSync(dir).filter((f) => f.endsWith('.js'));

  it('has a budget for every content script built', () => {
    expect(built.sort()).toEqual(Object.keys(BUDGETS).sort());
  });

  it.each(Object.entries(BUDGETS))('%s stays within its budget', (file, budget) => {
    const size = gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
    expect(size, `${file}: ${(size / KB).toFixed(1)} KB gzipped, budget ${(budget / KB).toFixed(0)} KB`).toBeLessThanOrEqual(budget);
  });
});
