/**
 * When a kept shell may be shown (shell.ts): only under the key it was made under — the same
 * database revision, settings, catalog and health — and within the hour; anything malformed is
 * not shown. (Showing and keeping it in a page: test/e2e/page-shell.e2e.ts.)
 */
import { describe, expect, it } from 'vitest';
import { fittingShell, shellKey } from './shell';

const NOW = Date.UTC(2026, 11, 4, 12);
const config = { settings: { language: 'ru' }, catalog: null, health: [{ host: 'a.amocrm.ru', ok: true }] };
const key = shellKey(5, config);
const shell = { key, at: NOW - 60_000, html: '<main>3</main>' };

describe('fittingShell', () => {
  it('gives the markup made under the same key within the hour', () => {
    expect(fittingShell(shell, key, NOW)).toBe('<main>3</main>');
    expect(fittingShell({ ...shell, at: NOW - 60 * 60_000 }, key, NOW)).toBe('<main>3</main>');
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

  it('gives nothing older than an hour, or from the future (a clock set back)', () => {
    expect(fittingShell({ ...shell, at: NOW - 60 * 60_000 - 1 }, key, NOW)).toBeNull();
    expect(fittingShell({ ...shell, at: NOW + 1 }, key, NOW)).toBeNull();
  });

  it('gives nothing for what is not a shell', () => {
    for (const bad of [undefined, null, 'html', { key, at: NOW }, { key, at: String(NOW), html: '' }, { key: 5, at: NOW, html: '' }, [shell]]) {
      expect(fittingShell(bad, key, NOW)).toBeNull();
    }
  });
});
