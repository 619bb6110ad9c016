import { describe, expect, it } from 'vitest';
import { DICTIONARIES, describeProblem, resolveLang, translator } from './i18n';

describe('i18n', () => {
  it('has every key in every language, none empty', () => {
    const keys = Object.keys(DICTIONARIES.en).sort();
    for (const lang of ['ru', 'uk'] as const) {
      expect(Object.keys(DICTIONARIES[lang]).sort()).toEqual(keys);
      for (const k of keys) expect(DICTIONARIES[lang][k as keyof typeof DICTIONARIES.en], `${lang} ${k}`).not.toBe('');
    }
  });

  it('resolves the language: setting first, then the browser, then English', () => {
    expect(resolveLang('uk', 'ru-RU')).toBe('uk');
    expect(resolveLang('auto', 'ru-RU')).toBe('ru');
    expect(resolveLang('auto', 'uk')).toBe('uk');
    expect(resolveLang('auto', 'de-DE')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    // The browser's preferred languages in order: the first one we have wins.
    expect(resolveLang('auto', ['de-DE', 'uk-UA', 'ru'])).toBe('uk');
    expect(resolveLang('auto', ['de-DE', 'fr'])).toBe('en');
    expect(resolveLang('ru', ['uk'])).toBe('ru');
  });

  it('words a problem with its numbers', () => {
    expect(describeProblem(translator('ru'), { code: 'comment-too-short', minLength: 10, length: 4 })).toBe(
      'Комментарий слишком короткий (4 из минимум 10 символов). Напишите конкретно, почему.',
    );
  });
});
