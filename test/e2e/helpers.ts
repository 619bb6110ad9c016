/**
 * The browser tests' harness: the fixture server and Chromium with the extension, per test file.
 */
import { launchWithExtension, type ExtensionBrowser } from '../support/browser';
import { startFixtureServer, type FixtureServer } from '../support/fixture-server';

export interface Harness {
  server: FixtureServer;
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

export async function startHarness(options: Parameters<typeof launchWithExtension>[0] = {}): Promise<Harness> {
  const server = await startFixtureServer();
  const browser = await launchWithExtension(options);
  return {
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
    },
  };
}


export * from '../support/drive';
