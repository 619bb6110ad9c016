/**
 * Shells live in session storage, empty when the browser starts: the background remakes the
 * popup's at start-up (src/background/remake.ts), so the first opening of the day after starting
 * the browser shows its figures at once, as exact as the live ones.
 */
import { rmSync } from 'node:fs';
import { expect, it } from 'vitest';
import { launchWithExtension } from '../support/browser';
import { identityOf, seedGenerated } from '../support/seed';
import { stopServiceWorker } from '../support/service-worker';
import { keptTimes, waitForRemade } from '../support/kept';

it('after the browser restarts, the popup\'s shell is remade before it is opened, with the live figures', async () => {
  const first = await launchWithExtension();
  const profileDir = first.profileDir;
  let second: Awaited<ReturnType<typeof launchWithExtension>> | null = null;
  try {
    const me = await identityOf(first);
    await seedGenerated(first, { seed: 11, offset: 0, count: 120, now: Date.now(), days: 20, me });
    const popup = await first.openExtensionPage('popup.html');
    await popup.waitForFunction(() => document.documentElement.dataset.wlLive === '1');
    await popup.close();
    await expect.poll(async () => (await keptTimes(first, 'popup')).shell).not.toBeNull();
    await first.close({ keepProfile: true });

    second = await launchWithExtension({ profileDir });
    await waitForRemade(second, 'popup');
    await stopServiceWorker(second);
    const page = await second.context.newPage();
    await page.addInitScript(() => {
      new MutationObserver(() => {
        const inShell = document.querySelector('#wl-shell [data-testid="wl-total"]');
        if (inShell) (window as unknown as { __shellTotal: string | null }).__shellTotal = inShell.textContent;
      }).observe(document, { subtree: true, childList: true });
    });
    await page.goto(`chrome-extension://${second.extensionId}/popup.html`);
    await page.waitForFunction(() => document.documentElement.dataset.wlLive === '1');
    const shellTotal = await page.evaluate(() => (window as unknown as { __shellTotal?: string | null }).__shellTotal ?? null);
    const live = await page.locator('#root [data-testid="wl-total"]').textContent();
    expect(Number(live)).toBeGreaterThan(0);
    expect(shellTotal).toBe(live);
  } finally {
    await second?.close({ keepProfile: true });
    rmSync(profileDir, { recursive: true, force: true });
  }
});
