/**
 * Interface language: Russian, Ukrainian, English, or the browser's. This page, the panel and
 * the popup follow it at once.
 */
import { resolveLang } from '../../../core/i18n';
import { LANGS, type Lang } from '../../../core/primitives';
import { updateSettings } from '../../../platform/options-store';
import { browserLanguages } from '../../../platform/browser-lang';
import { useSaved } from '../ui';
import type { SectionProps } from './index';

/** Each language named in itself, so it can be found whatever the page's language is. */
const NATIVE: Record<Lang, string> = { ru: 'Русский', uk: 'Українська', en: 'English' };

export function LanguageSection({ config }: SectionProps) {
  const { t, settings } = config;
  const [language, setLanguage] = useSaved(settings.language);
  const browserLang = resolveLang('auto', browserLanguages());
  return (
    <section className="wl-section" aria-labelledby="wl-language-title" data-testid="wl-language-section">
      <h2 id="wl-language-title">{t('language.title')}</h2>
      <label className="wl-field">
        <span>{t('language.label')}</span>
        <select
          data-testid="wl-language"
          value={language}
          onChange={(e) => {
            const next = e.target.value as 'auto' | Lang;
            setLanguage(next);
            void updateSettings((s) => ({ ...s, language: next }));
          }}
        >
          <option value="auto">{t('language.auto', { lang: NATIVE[browserLang] })}</option>
          {LANGS.map((l) => (
            <option key={l} value={l} lang={l}>
              {NATIVE[l]}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}
