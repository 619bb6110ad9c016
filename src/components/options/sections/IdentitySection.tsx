/**
 * The manager's display name written into records and exports: taken from the CRM page while
 * empty (the background fills it at a close), editable here.
 */
import { useState, type FormEvent } from 'react';
import { identityTyped, MAX_NAME } from '../../../core/settings-edit';
import { updateSettings } from '../../../platform/options-store';
import { FlashLine, type Flash } from '../ui';
import type { SectionProps } from './index';

export function IdentitySection({ config }: SectionProps) {
  const { identity } = config.settings;
  const [flash, setFlash] = useState<Flash>(null);
  // Keyed by the stored name: filled from the CRM or saved in another tab, the field shows it.
  return <IdentityForm key={`${identity.name}|${identity.fromCrm}`} config={config} flash={flash} setFlash={setFlash} />;
}

function IdentityForm({ config, flash, setFlash }: SectionProps & { flash: Flash; setFlash(flash: Flash): void }) {
  const { t, settings } = config;
  const { identity } = settings;
  const [name, setName] = useState(identity.name);
  const source = !identity.name ? 'empty' : identity.fromCrm ? 'fromCrm' : 'typed';

  const save = (e: FormEvent) => {
    e.preventDefault();
    void updateSettings((s) => ({ ...s, identity: identityTyped(s.identity, name) })).then(() =>
      setFlash({ kind: 'ok', text: t('identity.saved') }),
    );
  };

  return (
    <section className="wl-section" aria-labelledby="wl-identity-title" data-testid="wl-identity">
      <h2 id="wl-identity-title">{t('identity.title')}</h2>
      <p className="wl-intro">{t('identity.intro')}</p>
      <form className="wl-row" onSubmit={save}>
        <label>
          <span>{t('identity.name')}</span>
          <input
            data-testid="wl-identity-name"
            value={name}
            maxLength={MAX_NAME}
            autoComplete="name"
            onChange={(e) => {
              setName(e.target.value);
              setFlash(null);
            }}
          />
        </label>
        <button type="submit" data-testid="wl-identity-save">
          {t('identity.save')}
        </button>
      </form>
      <p className="wl-meta" data-testid="wl-identity-source" data-source={source}>
        {t(`identity.${source}`)}
      </p>
      <FlashLine flash={flash} testId="wl-identity-message" />
    </section>
  );
}
