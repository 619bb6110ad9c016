/**
 * When a kept shell may be shown (shell.ts): only under the key it was made under — the same
 * database revision, settings, catalog and health — before the time its figures stop being exact,
 * and in the same time zone; anything malformed is not shown. (Showing and keeping it in a page:
 * test/e2e/page-shell.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fittingShell, shellKey } from './shell';

const NOW = Date.UTC(2026, 11, 4, 12);
const config = { settings: { language: 'ru' }, catalog: null, health: [{ host: 'a.amocrm.ru', ok: true }] };
const key = shellKey(5, config);
const UNTIL = NOW + 3 * 60 * 60_000;
const tz = new Date(NOW).getTimezoneOffset();
const shell = { key, at: NOW - 60_000, until: UNTIL, tz, html: '<main>3</main>' };

describe('fittingShell', () => {
  it('gives the markup made under the same key, however long ago, until its figures stop being exact', () => {
    expect(fittingShell(shell, key, NOW)).toBe('<main>3</main>');
    expect(fittingShell({ ...shell, at: NOW - 20 * 60 * 60_000 }, key, NOW)).toBe('<main>3</main>');
    expect(fittingShell(shell, key, UNTIL - 1)).toBe('<main>3</main>');
    expect(fittingShell({ ...shell, until: null }, key, NOW + 400 * 86_400_000)).toBe('<main>3</main>');
  });

  it('gives nothing after a write, a change of settings, catalog or health', () => {
    expect(fittingShell(shell, shellKey(6, config), NOW)).toBeNull();
    expect(fittingShell(shell, shellKey(5, { ...config, settings: { language: 'en' } }), NOW)).toBeNull();
    expect(fittingShell(shell, shellKey(5, { ...config, catalog: { revision: 2 } }), NOW)).toBeNull();
    expect(fittingShell(shell, shellKey(5, { ...config, health: [] }), NOW)).toBeNull();
  });

  it('a missing value and a stored null are the same input', () => {
    expect(shellKey(5, { settings: null })).toBe(shellKey(5, {}));
  });

  it('gives nothing once its figures stopped being exact, from the future (a clock set back), or of another time zone', () => {
    expect(fittingShell(shell, key, UNTIL)).toBeNull();
    expect(fittingShell({ ...shell, at: NOW + 1 }, key, NOW)).toBeNull();
    expect(fittingShell({ ...shell, tz: tz + 60 }, key, NOW)).toBeNull();
  });

  it('gives nothing for what is not a shell', () => {
    const made = { key, at: NOW, until: null, tz };
    const bads = [undefined, null, 'html', made, { ...made, at: String(NOW), html: '' }, { ...made, key: 5, html: '' }, { key, at: NOW, html: '' }, { ...made, until: 'soon', html: '' }, [shell]];
    for (const bad of bads) {
      expect(fittingShell(bad, key, NOW)).toBeNull();
    }
  });
});
