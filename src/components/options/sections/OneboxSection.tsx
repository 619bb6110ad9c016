/**
 * OneBox refusal stages: which stage names (or ids) mean "the client refused", per portal, with a
 * default row for every portal. Saved to the settings, which open OneBox tabs watch: a rename here
 * changes what is detected at once, without a reload.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { readHostInput } from '../../../core/hosts';
import { DEFAULT_ONEBOX_STAGES, OneboxStagesSchema } from '../../../core/settings';
import { parseStageList, withoutHost, withStages } from '../../../adapters/onebox/stages';
import { loadSettings, saveSettings } from '../../../platform/stored';
import type { Translate } from '../../../core/i18n';
import type { SectionProps } from './index';

const MAX_STAGES = 100;
const MAX_NAME = 200;

type Message = { kind: 'error' | 'ok'; text: string } | null;

/** The stages typed for a row, or the problem with them. */
function checkStages(t: Translate, text: string): { ok: true; stages: string[] } | { ok: false; problem: string } {
  const stages = parseStageList(text);
  if (stages.length > MAX_STAGES) return { ok: false, problem: t('onebox.tooMany', { max: MAX_STAGES }) };
  const long = stages.find((s) => s.length > MAX_NAME);
  if (long) return { ok: false, problem: t('onebox.tooLong', { max: MAX_NAME, name: `${long.slice(0, 40)}…` }) };
  return { ok: true, stages };
}

async function saveRow(host: string, stages: string[]): Promise<void> {
  const row = OneboxStagesSchema.parse({ host, stages });
  const { settings } = await loadSettings();
  await saveSettings({ ...settings, onebox: withStages(settings.onebox, row.host, row.stages) });
}

function Row({ host, stages, t }: { host: string; stages: string[]; t: Translate }) {
  const stored = stages.join('\n');
  const [text, setText] = useState(stored);
  const [message, setMessage] = useState<Message>(null);
  // A change saved elsewhere (another tab, an import) replaces what the box shows.
  useEffect(() => setText(stored), [stored]);
  const label = host === '*' ? t('onebox.allHosts') : host;

  const save = (value: string) => {
    const checked = checkStages(t, value);
    if (!checked.ok) {
      setMessage({ kind: 'error', text: checked.problem });
      return;
    }
    setText(checked.stages.join('\n'));
    void saveRow(host, checked.stages).then(
      () =>
        setMessage(
          checked.stages.length
            ? { kind: 'ok', text: t('onebox.saved') }
            : { kind: 'error', text: t('onebox.emptyWarning', { host: label }) },
        ),
      (error: unknown) => setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) }),
    );
  };

  const remove = async () => {
    const { settings } = await loadSettings();
    await saveSettings({ ...settings, onebox: withoutHost(settings.onebox, host) });
  };

  return (
    <li className="wl-onebox-row" data-testid="wl-onebox-row" data-host={host} style={{ display: 'block' }}>
      <form
        className="wl-row"
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          save(text);
        }}
      >
        <label>
          <span>
            {label} — {t('onebox.stages')}
          </span>
          <textarea
            data-testid="wl-onebox-stages"
            value={text}
            rows={Math.min(8, Math.max(3, text.split('\n').length + 1))}
            cols={40}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            style={{ fontWeight: 400 }}
          />
        </label>
        <button type="submit" data-testid="wl-onebox-save">
          {t('onebox.save')}
        </button>
        <button type="button" data-testid="wl-onebox-defaults" onClick={() => save(DEFAULT_ONEBOX_STAGES.join('\n'))}>
          {t('onebox.defaults')}
        </button>
        {host !== '*' && (
          <button type="button" data-testid="wl-onebox-remove" onClick={() => void remove()}>
            {t('onebox.remove')}
          </button>
        )}
      </form>
      {message && (
        <p className={message.kind === 'error' ? 'wl-error' : 'wl-ok'} role={message.kind === 'error' ? 'alert' : 'status'} data-testid="wl-onebox-message">
          {message.text}
        </p>
      )}
    </li>
  );
}

export function OneboxSection({ config }: SectionProps) {
  const { t, settings } = config;
  const [address, setAddress] = useState('');
  const [message, setMessage] = useState<Message>(null);
  const rows = settings.onebox.some((r) => r.host === '*') ? settings.onebox : [{ host: '*' as const, stages: [] }, ...settings.onebox];

  const add = (e: FormEvent) => {
    e.preventDefault();
    const input = readHostInput(address);
    if (!input.ok) {
      setMessage({ kind: 'error', text: t('onebox.badHost') });
      return;
    }
    if (settings.onebox.some((r) => r.host === input.host)) {
      setMessage({ kind: 'error', text: t('onebox.exists', { host: input.host }) });
      return;
    }
    // A new portal starts from the default row's names.
    const base = settings.onebox.find((r) => r.host === '*')?.stages ?? DEFAULT_ONEBOX_STAGES;
    void saveRow(input.host, [...base]).then(() => {
      setAddress('');
      setMessage(null);
    });
  };

  return (
    <section className="wl-section" aria-labelledby="wl-onebox-title" data-testid="wl-onebox">
      <h2 id="wl-onebox-title">{t('onebox.title')}</h2>
      <p className="wl-intro">{t('onebox.intro')}</p>
      <ul className="wl-list">
        {rows.map((r) => (
          <Row key={r.host} host={r.host} stages={r.stages} t={t} />
        ))}
      </ul>
      <form className="wl-row" onSubmit={add} style={{ marginTop: 12 }}>
        <label>
          <span>{t('onebox.hostInput')}</span>
          <input
            data-testid="wl-onebox-host-input"
            value={address}
            placeholder="acme.1b.app"
            onChange={(e) => setAddress(e.target.value)}
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <button type="submit" data-testid="wl-onebox-add">
          {t('onebox.addHost')}
        </button>
      </form>
      {message && (
        <p className="wl-error" role="alert" data-testid="wl-onebox-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
