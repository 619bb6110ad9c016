/**
 * The install id is made by the background alone. Before, every context made one on its first
 * read: a page opened while the background started wrote its own, and records were owned by one id
 * while "mine" was counted under the other (seen in the generated-statistics e2e).
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Stored = typeof import('./stored');

/** A fresh copy of the module: a context that has not (yet) made itself the id's maker. */
async function context(): Promise<Stored> {
  vi.resetModules();
  return import('./stored');
}

describe('install id', () => {
  beforeEach(async () => {
    await fakeBrowser.storage.local.remove('installId');
  });

  it('is made once by the background, however many first reads run at the same moment', async () => {
    const background = await context();
    const ids = await Promise.all([background.makeInstallIdHere(), background.loadInstallId(), background.loadSettings().then((s) => s.settings.identity.id)]);
    expect(new Set(ids).size).toBe(1);
    expect(await background.installIdItem.getValue()).toBe(ids[0]);
  });

  it('is asked of the background by any other context that finds none, and never made there', async () => {
    const background = await context();
    const { serve } = await import('./messaging');
    await background.makeInstallIdHere();
    let asked = 0;
    serve('installId', async () => {
      asked++;
      return { ok: true, value: await background.loadInstallId() };
    });
    await fakeBrowser.storage.local.remove('installId'); // as on the first start, before the background wrote it

    const page = await context();
    const [a, b] = await Promise.all([page.loadSettings(), page.loadSettings()]);
    expect(a.settings.identity.id).toBe(b.settings.identity.id);
    expect(await page.installIdItem.getValue()).toBe(a.settings.identity.id);
    expect(asked).toBeGreaterThan(0);
  });

  it('says what went wrong when the background cannot be asked, after asking a few times', async () => {
    const page = await context();
    await expect(page.loadInstallId()).rejects.toThrow(/could not get this browser's identity/);
  }, 15_000);

  it('takes the id the background writes while a page is still asking', async () => {
    const page = await context();
    const asking = page.loadInstallId();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await fakeBrowser.storage.local.set({ installId: 'made-by-the-background' });
    await expect(asking).resolves.toBe('made-by-the-background');
  });

  it('is never waited for by a content script, whose detection must not depend on the background', async () => {
    const content = await context();
    const { settings, problem } = await content.loadSettingsForContent();
    expect(problem).toBeNull();
    expect(settings.identity.id).toBe(content.NO_INSTALL_ID_YET);
    expect(await content.installIdItem.getValue()).toBeNull(); // and it made none
  });
});
