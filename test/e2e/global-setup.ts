/**
 * Before the browser tests: Chromium must exist (in CI a missing browser fails the run; it is
 * never skipped), the extension is built (unless the caller just built it), the TLS cert exists.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR, findChromium, isAllowedRequest, NETWORK_LOG_ENV, type NetworkEntry } from '../support/browser';
import { ensureCertificate } from '../support/fixture-server';

export default function setup(): () => void {
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
  // The manifest test reads the Firefox build too.
  if (process.env.WHYLOST_BUILT !== '1' || !existsSync(join(root, '.output/firefox-mv3/manifest.json'))) {
    execFileSync('npx', ['wxt', 'build', '-b', 'firefox'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  }
  ensureCertificate(join(root, '.tmp/cert'));

  // Every request the extension (pages, worker, content scripts) makes during the run is logged.
  const networkLog = join(root, '.tmp/network-log');
  rmSync(networkLog, { recursive: true, force: true });
  process.env[NETWORK_LOG_ENV] = networkLog;

  return () => {
    const files = existsSync(networkLog) ? readdirSync(networkLog) : [];
    if (!files.length) return; // no browser was launched in this run
    const entries: NetworkEntry[] = files.flatMap((f) =>
          readFileSync(join(networkLog, f), 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) => JSON.parse(line) as NetworkEntry),
        );
    if (!entries.length) {
      process.exitCode = 1;
      throw new Error('No network activity was recorded: the request recorder is not working.');
    }
    const leaks = entries.filter((e) => !isAllowedRequest(e));
    if (leaks.length) {
      process.exitCode = 1; // vitest reports a teardown error but would still exit 0
      throw new Error(
        `The extension made network requests of its own (it must make none):\n${leaks
          .slice(0, 20)
          .map((e) => `  ${e.url}  (from ${e.from})`)
          .join('\n')}`,
      );
    }
    console.log(`Network check: ${entries.length} requests recorded, none left the extension or the page's origin.`);
  };
}
