// @vitest-environment happy-dom
/**
 * Keeping a page's shell (shell.ts `keepShell`): its live markup under the key its figures were
 * made under; never figures older than a write the page has seen, which would replace the shell
 * another page open at the same time kept with the new figures (and never be shown themselves).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { keepShell, readShell, shellKey, shellStorageKey, watchShellInputs, type ShellFigures } from './shell';

const config = { settings: { language: 'ru' } };
const settled = () => new Promise((resolve) => setTimeout(resolve, 400));
const stored = async () => readShell((await fakeBrowser.storage.session.get(shellStorageKey('popup')))[shellStorageKey('popup')]);

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  document.body.innerHTML = '';
});

describe('keepShell', () => {
  it('keeps the live markup under its revision, and not figures older than a write seen meanwhile', async () => {
    await fakeBrowser.storage.local.set({ dbRevision: 1, ...config });
    watchShellInputs('popup');
    const root = document.createElement('div');
    root.innerHTML = '<main>3</main>';
    document.body.append(root);
    let shown: ShellFigures = { rev: 1, until: null };
    await settled();
    stop = keepShell(root, () => shown);
    await settled();
    expect(await stored()).toMatchObject({ key: shellKey(1, config), html: '<main>3</main>' });

    // A write; another popup, open at the same time, keeps the new figures first.
    await fakeBrowser.storage.local.set({ dbRevision: 2 });
    await fakeBrowser.storage.session.set({ [shellStorageKey('popup')]: { key: shellKey(2, config), at: Date.now(), until: null, tz: new Date().getTimezoneOffset(), html: '<main>4</main>' } });
    // This one still shows the figures of revision 1 when its markup changes and when it closes.
    root.innerHTML = '<main>3 </main>';
    await settled();
    window.dispatchEvent(new Event('pagehide'));
    await settled();
    expect(await stored()).toMatchObject({ key: shellKey(2, config), html: '<main>4</main>' });

    // Its own new figures are kept again.
    shown = { rev: 2, until: null };
    root.innerHTML = '<main>4 </main>';
    await settled();
    expect(await stored()).toMatchObject({ key: shellKey(2, config), html: '<main>4 </main>' });
  });
});
