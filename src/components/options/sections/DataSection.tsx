/**
 * Your data, in the options page: how many records (yours, other managers', waiting), a full
 * backup file (records + settings + catalog, the exchange format of docs/export-format.md),
 * restore from it (validated first, then all or nothing), and delete everything after typing
 * the word shown.
 */
import { useState, type ChangeEvent } from 'react';
import { LOCALES } from '../../../core/i18n-core';
import { backupFileParts, exchangeFileName } from '../../../core/exchange/json';
import { describeRefusal, problem } from '../../../core/exchange/problems';
import { EMPTY_FILTER } from '../../../core/filters';
import { appVersion, download, fetchRecords, uploadFile } from '../../../platform/exchange';
import { useLive } from '../../../platform/live';
import { call, request } from '../../../platform/messaging';
import type { SectionProps } from './index';
import './data.css';

type Status = { kind: 'ok' | 'error' | 'working'; text: string } | null;
type Pending = { uploadId: string; file: string; text: string };

export function DataSection({ config }: SectionProps) {
  const { t, settings, catalog, lang } = config;
  const counts = useLive(() => request('exchange.counts', {}));
  const [status, setStatus] = useState<Status>(null);
  const [restoring, setRestoring] = useState<Pending | null>(null);
  const [typed, setTyped] = useState('');
  const word = t('data.delete.word');
  const c = counts.status === 'ready' ? counts.value : null;

  const backup = async () => {
    setStatus(null);
    try {
      const records = await fetchRecords({ ...EMPTY_FILTER, scope: 'team' });
      const now = Date.now();
      const me = { id: settings.identity.id, name: settings.identity.name };
      const file = exchangeFileName('backup', me.name || me.id.slice(0, 8), now);
      download(file, backupFileParts({ exportedAt: now, exportedBy: me, app: appVersion() }, { settings, catalog, records }), 'application/json');
      setStatus({ kind: 'ok', text: t('data.backup.done', { count: records.length, file }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('data.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  const onRestoreFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setRestoring(null);
    setStatus(null);
    const up = await uploadFile(file);
    if (!up.ok) return setStatus({ kind: 'error', text: describeRefusal(t, file.name, up.problem) });
    const res = await call('exchange.checkBackup', { uploadId: up.uploadId });
    const o = res.ok ? res.value : { status: 'refused' as const, problem: problem('storage', { detail: res.error.message }) };
    if (o.status === 'refused') return setStatus({ kind: 'error', text: describeRefusal(t, file.name, o.problem) });
    setRestoring({
      uploadId: up.uploadId,
      file: file.name,
      text: t('data.restore.check', {
        file: file.name,
        date: new Date(o.exportedAt).toLocaleString(LOCALES[lang]),
        who: o.exportedBy.name || o.exportedBy.id,
        records: o.records,
        revision: o.catalogRevision,
        current: c?.total ?? 0,
      }),
    });
  };

  const restore = async (p: Pending) => {
    setRestoring(null);
    const res = await call('exchange.restoreBackup', { uploadId: p.uploadId });
    const o = res.ok ? res.value : { status: 'refused' as const, problem: problem('storage', { detail: res.error.message }) };
    setStatus(
      o.status === 'restored'
        ? { kind: 'ok', text: t('data.restore.done', { records: o.records, file: p.file }) }
        : { kind: 'error', text: describeRefusal(t, p.file, o.problem) },
    );
  };

  const cancelRestore = async (p: Pending) => {
    setRestoring(null);
    await call('exchange.dropUpload', { uploadId: p.uploadId });
  };

  const deleteAll = async () => {
    setTyped('');
    const res = await call('exchange.deleteAll', { confirmed: true });
    setStatus(res.ok ? { kind: 'ok', text: t('data.delete.done', { count: res.value.removed }) } : { kind: 'error', text: t('data.failed', { message: res.error.message }) });
  };

  const tile = (id: string, label: string, value: number | undefined) => (
    <div className="wl-tile">
      <span className="wl-num" data-testid={`wl-data-${id}`}>
        {value ?? '…'}
      </span>
      <span className="wl-cap">{label}</span>
    </div>
  );

  return (
    <section className="wl-section" aria-labelledby="wl-data-title" data-testid="wl-data">
      <h2 id="wl-data-title">{t('data.title')}</h2>
      {counts.status === 'error' && <p className="wl-error">{counts.message}</p>}
      <div className="wl-tiles">
        {tile('total', t('data.total'), c?.total)}
        {tile('mine', t('data.mine'), c?.mine)}
        {tile('others', t('data.others'), c ? c.total - c.mine : undefined)}
        {tile('pending', t('data.pending'), c?.pending)}
      </div>

      <h3>{t('data.backup.title')}</h3>
      <p className="wl-intro">{t('data.backup.intro')}</p>
      <div className="wl-row">
        <button type="button" className="wl-primary" data-testid="wl-backup" onClick={() => void backup()}>
          {t('data.backup.download')}
        </button>
        <label>
          <span>{t('data.restore.label')}</span>
          <input type="file" accept=".json,application/json" data-testid="wl-restore" onChange={(e) => void onRestoreFile(e)} />
        </label>
      </div>
      {restoring && (
        <div className="wl-confirm" role="alertdialog" data-testid="wl-restore-check">
          <p>{restoring.text}</p>
          <div className="wl-row">
            <button type="button" className="wl-danger" data-testid="wl-restore-confirm" onClick={() => void restore(restoring)}>
              {t('data.restore.confirm')}
            </button>
            <button type="button" onClick={() => void cancelRestore(restoring)}>
              {t('sharing.cancel')}
            </button>
          </div>
        </div>
      )}

      <h3>{t('data.delete.title')}</h3>
      <p className="wl-intro">{t('data.delete.intro', { total: c?.total ?? 0 })}</p>
      <div className="wl-row">
        <label>
          <span>{t('data.delete.type', { word })}</span>
          <input data-testid="wl-delete-word" value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} />
        </label>
        <button type="button" className="wl-danger" data-testid="wl-delete-all" disabled={typed.trim() !== word} onClick={() => void deleteAll()}>
          {t('data.delete.button')}
        </button>
      </div>
      {status && (
        <p className={status.kind === 'error' ? 'wl-error' : 'wl-ok'} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="wl-data-status">
          {status.text}
        </p>
      )}
    </section>
  );
}
