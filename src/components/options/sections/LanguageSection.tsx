/**
 * Interface language: Russian, Ukrainian, English, or the browser's. This page, the panel and
 * the popup follow it at once.
 */
import { resolveLang } from '../../../core/i18n';
import { LANGS, type Lang } from '../../../core/primitives';
import { updateSettings } from '../../../platform/options-store';
import { browserLanguages } from '../../../platform/browser-lang';
import { SavedSelect } from '../ui';
import type { SectionProps } from './index';

/** Each language named in itself, so it can be found whatever the page's language is. */
const NATIVE: Record<Lang, string> = { ru: 'Русский', uk: 'Українська', en: 'English' };

export function LanguageSection({ config }: SectionProps) {
  const { t, settings } = config;
  const browserLang = resolveLang('auto', browserLanguages());
  return (
    <section className="wl-section" aria-labelledby="wl-language-title" data-testid="wl-language-section">
      <h2 id="wl-language-title">{t('language.title')}</h2>
      <label className="wl-field">
        <span>{t('language.label')}</span>
        <SavedSelect
          testId="wl-language"
          stored={settings.language}
          options={[
            { value: 'auto' as const, label: t('language.auto', { lang: NATIVE[browserLang] }) },
            ...LANGS.map((l) => ({ value: l, label: NATIVE[l], lang: l })),
          ]}
          onSave={(next) => void updateSettings((s) => ({ ...s, language: next }))}
        />
      </label>
    </section>
  );
}
