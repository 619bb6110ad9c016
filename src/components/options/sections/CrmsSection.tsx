/**
 * Per CRM: WhyLost on/off (open tabs start or stop their adapter at once), strict mode, and the
 * detection health of every host of that CRM as its adapter last reported it.
 */
import { CRM_IDS, type CrmId } from '../../../core/primitives';
import { updateSettings } from '../../../platform/options-store';
import { HostHealthLine } from '../HostHealth';
import { CRM_NAMES, SavedCheckbox, useHealth } from '../ui';
import type { SectionProps } from './index';

export function CrmsSection({ config }: SectionProps) {
  const { t, settings, lang } = config;
  const reports = useHealth();

  const toggle = (crm: CrmId, key: 'enabled' | 'strict', on: boolean) =>
    void updateSettings((s) => ({ ...s, crms: { ...s.crms, [crm]: { ...s.crms[crm], [key]: on } } }));

  return (
    <section className="wl-section" aria-labelledby="wl-crms-title" data-testid="wl-crms">
      <h2 id="wl-crms-title">{t('crms.title')}</h2>
      <p className="wl-intro">{t('crms.intro')}</p>
      {CRM_IDS.map((crm) => {
        const hosts = [...new Set(reports.filter((r) => r.crm === crm).map((r) => r.host))].sort();
        return (
          <div key={crm} className="wl-crm" data-testid="wl-crm" data-crm={crm}>
            <div className="wl-checks">
              <label className="wl-switch">
                <SavedCheckbox
                  testId={`wl-crm-enabled-${crm}`}
                  stored={settings.crms[crm].enabled}
                  onSave={(on) => toggle(crm, 'enabled', on)}
                />
                {t('crms.enabled', { crm: CRM_NAMES[crm] })}
              </label>
              <label className="wl-switch">
                <SavedCheckbox
                  testId={`wl-crm-strict-${crm}`}
                  stored={settings.crms[crm].strict}
                  disabled={!settings.crms[crm].enabled}
                  onSave={(on) => toggle(crm, 'strict', on)}
                />
                {t('crms.strict')}
              </label>
            </div>
            {hosts.length === 0 ? (
              <p className="wl-empty">{t('crms.noHosts')}</p>
            ) : (
              <ul className="wl-list">
                {hosts.map((host) => (
                  <li key={host} data-testid="wl-health-row" data-host={host}>
                    <span>{host}</span>
                    <HostHealthLine host={host} reports={reports} t={t} lang={lang} />
                  </li>
                ))}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
