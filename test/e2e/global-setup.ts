/**
 * Before the browser tests: Chromium must exist (in CI a missing browser fails the run; it is
 * never skipped), the extension is built (unless the caller just built it), the TLS cert exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, findChromium } from '../support/browser';
import { ensureCertificate } from '../support/fixture-server';

export default function setup(): void {
  if (!findChromium()) {
    throw new Error(
      'Browser tests need Chromium and are never skipped. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_PATH.',
    );
  }
  const root = resolve(import.meta.dirname, '../..');
  if (process.env.WHYLOST_BUILT !== '1' || !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    // Vitest sets NODE_ENV=test; a build under it would mix React's dev JSX with its production runtime.
    execFileSync('npx', ['wxt', 'build'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  ensureCertificate(join(root, '.tmp/cert'));
}
