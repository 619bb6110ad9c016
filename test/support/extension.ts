/**
 * Reaching the extension's browser-level entry points from a test: the keyboard command through
 * the DevTools protocol, and the service worker's own functions.
 */
import type { Page, Worker } from 'playwright-core';

type Chrome = typeof import('wxt/browser').browser;

/**
 * Presses a key combination the way a keyboard does, as raw key events sent to the browser
 * (CDP Input.dispatchKeyEvent "rawKeyDown"): the browser's shortcut handling sees them and runs
 * an extension's command. (Playwright's keyboard.press sends "keyDown" events with text, which
 * reach the page but not the browser's extension shortcuts.)
 */
export async function pressBrowserShortcut(page: Page, key: string, modifiers: { alt?: boolean; ctrl?: boolean; shift?: boolean; meta?: boolean }): Promise<void> {
  await page.bringToFront();
  const cdp = await page.context().newCDPSession(page);
  try {
    const mask = (modifiers.alt ? 1 : 0) | (modifiers.ctrl ? 2 : 0) | (modifiers.meta ? 4 : 0) | (modifiers.shift ? 8 : 0);
    const upper = key.toUpperCase();
    const code = upper.charCodeAt(0);
    const base = { modifiers: mask, key: upper, code: `Key${upper}`, windowsVirtualKeyCode: code, nativeVirtualKeyCode: code };
    await cdp.send('Input.dispatchKeyEvent', { type: 'rawKeyDown', ...base });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', ...base });
  } finally {
    await cdp.detach();
  }
}

/**
 * The browser's id of the tab showing `page`: brought to the front, it is the active tab. (The
 * extension has no "tabs" permission, so tab addresses are hidden from it and cannot be matched.)
 */
export async function tabIdOf(sw: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const ids = await sw.evaluate(async () => {
    const api = (globalThis as unknown as { chrome: Chrome }).chrome;
    return (await api.tabs.query({ active: true })).map((t) => t.id ?? -1);
  });
  if (ids.length !== 1) throw new Error(`expected one active tab, found ${ids.length}`);
  return ids[0]!;
}
