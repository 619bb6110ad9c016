/**
 * Own-domain portals: add (the browser asks for that host's permission right then), list, remove.
 */
import { useState, type FormEvent } from 'react';
import { OWN_DOMAIN_CRMS, readHostInput, type OwnDomainCrm } from '../../../core/hosts';
import { addExtraHost, isCloudHost, removeExtraHost } from '../../../platform/extra-hosts';
import { HostHealth } from '../HostHealth';
import type { SectionProps } from './index';

const CRM_NAMES: Record<OwnDomainCrm, string> = { bitrix24: 'Bitrix24', onebox: 'OneBox' };

export function HostsSection({ config }: SectionProps) {
  const { t, settings } = config;
  const [address, setAddress] = useState('');
  const [crm, setCrm] = useState<OwnDomainCrm>('bitrix24');
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);

  const add = (e: FormEvent) => {
    e.preventDefault();
    const input = readHostInput(address);
    if (!input.ok) {
      setMessage({ kind: 'error', text: t(`hosts.problem.${input.problem}`) });
      return;
    }
    if (isCloudHost(input.host, input.scheme)) {
      setMessage({ kind: 'ok', text: t('hosts.cloud', { host: input.host }) });
      return;
    }
    // Straight from the submit gesture: the permission prompt needs it.
    void addExtraHost(input.host, input.scheme, crm).then((res) => {
      if (res.ok) {
        setAddress('');
        setMessage({ kind: 'ok', text: t('hosts.added', { host: input.host }) });
      } else if (res.problem === 'denied') {
        setMessage({ kind: 'error', text: t('hosts.denied', { host: input.host }) });
      } else {
        setMessage({ kind: 'error', text: t('hosts.failed', { host: input.host, message: res.message ?? '' }) });
      }
    });
  };

  return (
    <section className="wl-section" aria-labelledby="wl-hosts-title" data-testid="wl-hosts">
      <h2 id="wl-hosts-title">{t('hosts.title')}</h2>
      <p className="wl-intro">{t('hosts.intro')}</p>
      <form className="wl-row" onSubmit={add}>
        <label>
          <span>{t('hosts.address')}</span>
          <input
            data-testid="wl-host-input"
            value={address}
            placeholder="crm.example.com"
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <label>
          <span>{t('hosts.crm')}</span>
          <select data-testid="wl-host-crm" value={crm} onChange={(e) => setCrm(e.target.value as OwnDomainCrm)}>
            {OWN_DOMAIN_CRMS.map((c) => (
              <option key={c} value={c}>
                {CRM_NAMES[c]}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" data-testid="wl-host-add">
          {t('hosts.add')}
        </button>
      </form>
      {message && (
        <p className={message.kind === 'error' ? 'wl-error' : 'wl-ok'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="wl-host-message">
          {message.text}
        </p>
      )}
      {settings.extraHosts.length === 0 ? (
        <p className="wl-empty">{t('hosts.none')}</p>
      ) : (
        <ul className="wl-list" data-testid="wl-host-list">
          {settings.extraHosts.map((h) => (
            <li key={h.host} data-host={h.host}>
              <span>
                {h.scheme}://{h.host} · {CRM_NAMES[h.crm]}
              </span>
              <HostHealth host={h.host} t={t} lang={config.lang} />
              <button type="button" onClick={() => void removeExtraHost(h.host)}>
                {t('hosts.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
