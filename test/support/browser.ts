/**
 * Real Chromium with the built extension loaded (playwright-core, Debian's chromium).
 * Every host name resolves to 127.0.0.1, where the fixture server answers.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { within } from './steps';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

/**
 * Builds the extension as users get it, in `root` (a checkout; this one by default). The scripts
 * run under vite-node, which sets NODE_ENV=development: a build inheriting it gets React's
 * development build (a 763 KB shared chunk instead of 555 KB, several times slower to render).
 * `quiet` keeps wxt's report off standard output.
 */
export function buildExtension(root = resolve(import.meta.dirname, '../..'), { quiet = false } = {}): void {
  execFileSync('npx', ['wxt', 'build'], {
    cwd: root,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

/**
 * Every host resolves to 127.0.0.1 (the fixture server answers under the CRMs' real names);
 * no background traffic of the browser's own (this machine's network is closed, and the
 * network check counts requests).
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
  '--ignore-certificate-errors',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/snap/bin/chromium'];
  return candidates.find((c): c is string => Boolean(c && existsSync(c))) ?? null;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker(): Promise<Worker>;
  /** Opens an extension page (popup.html, dashboard.html…) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  profileDir: string;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export async function launchWithExtension(
  options: {
    headless?: boolean;
    profileDir?: string;
    extensionDir?: string;
    locale?: string;
    extraArgs?: string[];
    /**
     * Origins granted at install, in a patched copy of the build. permissions.request() for a
     * granted origin resolves true without the browser's prompt, which automation cannot click.
     */
    grantHosts?: string[];
  } = {},
): Promise<ExtensionBrowser> {
  const executablePath = findChromium();
  if (!executablePath) {
    throw new Error('Chromium not found. Install it (Debian/Ubuntu: sudo apt-get install chromium) or set CHROMIUM_PATH.');
  }
  let ext = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(ext, 'manifest.json'))) throw new Error(`No built extension in ${ext}: run "npx wxt build" first.`);
  if (options.grantHosts?.length) ext = withGrantedHosts(ext, options.grantHosts);
  const profileDir = options.profileDir ?? mkdtempSync(join(tmpdir(), 'whylost-profile-'));
  const headless = options.headless ?? true;
  // Lets Playwright see the service worker's own requests (recorded below).
  process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath,
    headless: false, // the extension needs the new headless mode, asked for in args
    ignoreHTTPSErrors: true,
    locale: options.locale ?? 'ru-RU',
    viewport: { width: 1280, height: 800 },
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      ...CHROMIUM_ARGS,
      ...(options.extraArgs ?? []),
    ],
  });
  recordNetwork(context);
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  return {
    context,
    extensionId,
    serviceWorker,
    profileDir,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close({ keepProfile = false } = {}) {
      // A browser that does not close must not hang the test that ends with it: say so and go on.
      const how = await within(15_000, context.close().then(() => 'closed' as const), 'slow' as const);
      if (how === 'slow') console.warn(`[browser] Chromium did not close within 15 s (profile ${profileDir}); going on`);
      if (!keepProfile && !options.profileDir) rmSync(profileDir, { recursive: true, force: true });
    },
  };
}

function withGrantedHosts(ext: string, origins: string[]): string {
  const copy = mkdtempSync(join(tmpdir(), 'whylost-ext-'));
  cpSync(ext, copy, { recursive: true });
  const manifestPath = join(copy, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), ...origins];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

/** Where the e2e run collects network requests (set by test/e2e/global-setup.ts). */
export const NETWORK_LOG_ENV = 'WHYLOST_NETWORK_LOG';

export interface NetworkEntry {
  url: string;
  /** 'worker' = the extension's service worker; otherwise the URL of the document that made it. */
  from: string;
  /** A top-level or frame navigation (the test or the page navigating, not a script's request). */
  navigation: boolean;
}

/**
 * Appends every request of the extension's pages, its service worker and the CRM pages (with
 * their content scripts) to the run's log; test/e2e/global-setup.ts fails the run on any request
 * that leaves the extension or the page's own origin.
 */
function recordNetwork(context: BrowserContext): void {
  const dir = process.env[NETWORK_LOG_ENV];
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.jsonl`);
  appendFileSync(file, ''); // one file per browser launched, even if it records nothing
  context.on('request', (request) => {
    let from = 'unknown';
    try {
      from = request.serviceWorker() ? 'worker' : request.frame().url();
    } catch {
      from = request.serviceWorker() ? 'worker' : 'unknown';
    }
    const entry: NetworkEntry = { url: request.url(), from, navigation: request.isNavigationRequest() };
    appendFileSync(file, `${JSON.stringify(entry)}\n`);
  });
}

/** A request is the extension's own business if it stays in the extension or on the page's own origin. */
export function isAllowedRequest(entry: NetworkEntry): boolean {
  const url = entry.url;
  if (/^(chrome-extension|data|blob):/.test(url)) return true;
  if (entry.navigation && entry.from !== 'worker') return true;
  if (entry.from === 'worker' || entry.from.startsWith('chrome-extension://')) return false;
  try {
    return new URL(url).origin === new URL(entry.from).origin;
  } catch {
    return false;
  }
}
