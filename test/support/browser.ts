/**
 * Real Chromium with the built extension loaded (playwright-core, Debian's chromium).
 * Every host name resolves to 127.0.0.1, where the fixture server answers.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../.output/chrome-mv3');

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
      '--no-sandbox',
      '--host-resolver-rules=MAP * 127.0.0.1, EXCLUDE localhost',
      '--ignore-certificate-errors',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
      ...(options.extraArgs ?? []),
    ],
  });
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
      await context.close();
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
