/**
 * The browser's languages for the 'auto' language setting: the user's preferred languages in
 * order (navigator.languages, set in the browser's language settings), then the UI language.
 * The same answer in content scripts and extension pages, so the panel and the options page agree.
 */
import { browser } from 'wxt/browser';

export function browserLanguages(): string[] {
  const ui = browser.i18n?.getUILanguage?.();
  return [...(navigator.languages ?? []), navigator.language, ...(ui ? [ui] : [])].filter(Boolean);
}
