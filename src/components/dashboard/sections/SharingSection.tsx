/**
 * Team sharing on the dashboard: export what the filters select (JSON for the team lead, CSV
 * for Excel), import several managers' files at once with a result line per file, the team
 * view (mine / team, owners with counts, remove one imported manager), and the catalog file.
 * Every text from a file (names, file names, problems) is rendered as text, never as HTML.
 */
import { useRef, useState, type ChangeEvent } from 'react';
import { LOCALES } from '../../../core/i18n-core';
import { csvParts, CSV_SEPARATORS, defaultSeparator, type CsvSeparator } from '../../../core/exchange/csv';
import { catalogFileText, exchangeFileName, recordsFileParts } from '../../../core/exchange/json';
import { describeRefusal, problem, type ImportProblem } from '../../../core/exchange/problems';
import type { CatalogOutcome, DataCounts, ImportOutcome } from '../../../core/protocol/exchange';
import { appVersion, download, eachFile, fetchRecords, uploadFile } from '../../../platform/exchange';
import { useLive } from '../../../platform/live';
import { call, request } from '../../../platform/messaging';
import { useFilter } from '../filter-store';
import { useImporting } from '../stats-store';
import type { DashboardSectionProps } from './index';
import './sharing.css';

type Status = { kind: 'working' | 'ok' | 'error'; text: string } | null;

function StatusLine({ status, testId }: { status: Status; testId: string }) {
  if (!status) return null;
  const cls = status.kind === 'error' ? 'wl-error' : status.kind === 'ok' ? 'wl-ok' : 'wl-working';
  return (
    <p className={cls} role={status.kind === 'error' ? 'alert' : 'status'} data-testid={testId} data-state={status.kind}>
      {status.text}
    </p>
  );
}

const failed = (message: string): ImportProblem => problem('storage', { detail: message });

function ownerLabel(config: DashboardSectionProps['config'], owner: { id: string; name: string }): string {
  const name = owner.name || config.t('sharing.team.unnamed', { id: owner.id.slice(0, 8) });
  return owner.id === config.settings.identity.id ? config.t('sharing.team.you', { name }) : name;
}

function me(config: DashboardSectionProps['config']) {
  return { id: config.settings.identity.id, name: config.settings.identity.name };
}

function ExportBlock({ config }: DashboardSectionProps) {
  const { t, lang, catalog } = config;
  const filter = useFilter((s) => s.filter);
  const [separator, setSeparator] = useState<CsvSeparator>(defaultSeparator(lang));
  const [status, setStatus] = useState<Status>(null);
  const owner = me(config);
  const who = owner.name || owner.id.slice(0, 8);

  const run = async (kind: 'json' | 'csv') => {
    setStatus({ kind: 'working', text: t('sharing.export.working') });
    try {
      const records = await fetchRecords(filter);
      const now = Date.now();
      const file = exchangeFileName(kind === 'json' ? 'records' : 'csv', who, now);
      if (kind === 'json') {
        const parts = recordsFileParts({ exportedAt: now, exportedBy: owner, app: appVersion() }, { filter, catalog, records });
        download(file, parts, 'application/json');
      } else {
        download(file, csvParts(records, { separator, lang, t, catalog }), 'text/csv;charset=utf-8');
      }
      setStatus({ kind: 'ok', text: t('sharing.export.done', { count: records.length, file }) });
    } catch (error) {
      setStatus({ kind: 'error', text: t('sharing.export.failed', { message: error instanceof Error ? error.message : String(error) }) });
    }
  };

  return (
    <div className="wl-block" data-testid="wl-export">
      <h3>{t('sharing.export.title')}</h3>
      <p className="wl-intro">
        {t('sharing.export.note', { scope: filter.scope === 'mine' ? t('sharing.scope.mine') : t('sharing.scope.team') })}
      </p>
      {!owner.name && <p className="wl-note">{t('sharing.export.noName', { who: t('sharing.team.unnamed', { id: who }) })}</p>}
      <div className="wl-row">
        <button type="button" className="wl-primary" data-testid="wl-export-json" onClick={() => void run('json')}>
          {t('sharing.export.json')}
        </button>
        <button type="button" className="wl-primary" data-testid="wl-export-csv" onClick={() => void run('csv')}>
          {t('sharing.export.csv')}
        </button>
        <label>
          <span>{t('sharing.export.separator')}</span>
          <select data-testid="wl-csv-separator" value={separator} onChange={(e) => setSeparator(e.target.value as CsvSeparator)}>
            {CSV_SEPARATORS.map((s) => (
              <option key={s} value={s}>
                {t(s === ';' ? 'sharing.export.semicolon' : 'sharing.export.comma')}
              </option>
            ))}
          </select>
        </label>
      </div>
      <StatusLine status={status} testId="wl-export-status" />
    </div>
  );
}

type Line = { key: string; file: string; outcome: ImportOutcome | null };

async function importOne(file: File): Promise<ImportOutcome> {
  const up = await uploadFile(file);
  if (!up.ok) return { status: 'refused', problem: up.problem };
  const res = await call('exchange.importRecords', { uploadId: up.uploadId });
  return res.ok ? res.value : { status: 'refused', problem: failed(res.error.message) };
}

function ImportLine({ line, config }: { line: Line; config: DashboardSectionProps['config'] }) {
  const { t } = config;
  const o = line.outcome;
  let text: string;
  if (!o) text = t('sharing.import.reading', { file: line.file });
  else if (o.status === 'refused') text = describeRefusal(t, line.file, o.problem);
  else {
    text = t('sharing.import.done', { file: line.file, who: ownerLabel(config, o.exportedBy), added: o.added, updated: o.updated, unchanged: o.unchanged });
    if (o.unknownReasons.length) text += ' ' + t('sharing.import.unknownReasons', { ids: o.unknownReasons.join(', ') });
  }
  return (
    <li
      data-testid="wl-import-result"
      data-file={line.file}
      data-outcome={o ? o.status : 'working'}
      className={o?.status === 'refused' ? 'wl-error' : o ? 'wl-ok' : 'wl-working'}
    >
      {text}
    </li>
  );
}

function ImportBlock({ config, onBusy }: DashboardSectionProps & { onBusy(busy: boolean): void }) {
  const { t } = config;
  const [lines, setLines] = useState<Line[]>([]);

  const onFiles = (e: ChangeEvent<HTMLInputElement>) => {
    const files = [...(e.target.files ?? [])];
    e.target.value = ''; // the same files may be chosen again (an idempotent re-import)
    if (!files.length) return;
    const batch = `${Date.now()}`;
    const keyOf = (i: number) => `${batch}-${i}`;
    setLines(files.map((f, i) => ({ key: keyOf(i), file: f.name, outcome: null })));
    onBusy(true);
    void eachFile(files, importOne, (i, outcome) =>
      setLines((ls) => ls.map((l) => (l.key === keyOf(i) ? { ...l, outcome } : l))),
    ).finally(() => onBusy(false));
  };

  return (
    <div className="wl-block">
      <h3>{t('sharing.import.title')}</h3>
      <label className="wl-file">
        <span>{t('sharing.import.label')}</span>
        <input type="file" multiple accept=".json,application/json" data-testid="wl-import" onChange={onFiles} />
      </label>
      {lines.length > 0 && (
        <ul className="wl-results" data-testid="wl-import-results" aria-live="polite">
          {lines.map((l) => (
            <ImportLine key={l.key} line={l} config={config} />
          ))}
        </ul>
      )}
    </div>
  );
}

function TeamBlock({ config, paused }: DashboardSectionProps & { paused: boolean }) {
  const { t } = config;
  const scope = useFilter((s) => s.filter.scope);
  const setFilter = useFilter((s) => s.set);
  // Counting scans every record (no owner index yet): while files are being imported, each one
  // would trigger a scan competing with the import, so the last counts stay until it ends.
  const last = useRef<DataCounts | null>(null);
  const counts = useLive(async () => {
    if (paused && last.current) return last.current;
    last.current = await request('exchange.counts', {});
    return last.current;
  }, [paused]);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  const myId = config.settings.identity.id;

  const remove = async (owner: { id: string; name: string }) => {
    setConfirming(null);
    const res = await call('exchange.removeOwner', { ownerId: owner.id });
    setStatus(
      res.ok
        ? { kind: 'ok', text: t('sharing.team.removed', { count: res.value.removed, name: ownerLabel(config, owner) }) }
        : { kind: 'error', text: t('data.failed', { message: res.error.message }) },
    );
  };

  return (
    <div className="wl-block" data-testid="wl-team">
      <h3>{t('sharing.team.title')}</h3>
      <fieldset className="wl-scope">
        <legend>{t('sharing.scope.label')}</legend>
        {(['mine', 'team'] as const).map((s) => (
          <label key={s}>
            <input type="radio" name="wl-scope" data-testid={`wl-scope-${s}`} checked={scope === s} onChange={() => setFilter({ scope: s })} />
            {t(`sharing.scope.${s}`)}
          </label>
        ))}
      </fieldset>
      <p className="wl-intro">{t('sharing.team.intro')}</p>
      {counts.status === 'error' && <p className="wl-error">{counts.message}</p>}
      {counts.status === 'ready' &&
        (counts.value.owners.length === 0 ? (
          <p className="wl-empty">{t('sharing.team.none')}</p>
        ) : (
          <ul className="wl-list" data-testid="wl-owners">
            {counts.value.owners.map((o) => (
              <li key={o.id} data-testid="wl-owner" data-owner-id={o.id} data-mine={o.id === myId ? 'true' : 'false'}>
                <span data-testid="wl-owner-name">{ownerLabel(config, o)}</span>
                <span className="wl-count" data-testid="wl-owner-count" data-count={o.count}>
                  {t('sharing.team.count', { count: o.count })}
                </span>
                {o.id !== myId &&
                  (confirming === o.id ? (
                    <span className="wl-confirm" data-testid="wl-owner-confirm" role="alertdialog">
                      {t('sharing.team.confirm', { count: o.count, name: ownerLabel(config, o) })}
                      <button type="button" className="wl-danger" data-testid="wl-owner-remove-confirm" onClick={() => void remove(o)}>
                        {t('sharing.team.confirmYes')}
                      </button>
                      <button type="button" onClick={() => setConfirming(null)}>
                        {t('sharing.cancel')}
                      </button>
                    </span>
                  ) : (
                    <button type="button" data-testid="wl-owner-remove" onClick={() => setConfirming(o.id)}>
                      {t('sharing.team.remove')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        ))}
      <StatusLine status={status} testId="wl-team-status" />
    </div>
  );
}

function catalogText(config: DashboardSectionProps['config'], file: string, o: Exclude<CatalogOutcome, { status: 'refused' }>): string {
  const { t, lang } = config;
  if (o.status === 'applied' || o.status === 'same') {
    const text = t(o.status === 'applied' ? 'sharing.catalog.applied' : 'sharing.catalog.same', { file, revision: o.revision });
    return o.status === 'applied' && o.dropped.length ? `${text} ${t('sharing.catalog.dropped', { ids: o.dropped.join(', ') })}` : text;
  }
  const date = new Date(o.fileUpdatedAt).toLocaleDateString(LOCALES[lang]);
  const ask = t(o.verdict === 'older' ? 'sharing.catalog.askOlder' : 'sharing.catalog.askConflict', { file, date, fileRevision: o.fileRevision, localRevision: o.localRevision });
  return o.dropped.length ? `${ask} ${t('sharing.catalog.dropped', { ids: o.dropped.join(', ') })}` : ask;
}

function CatalogBlock({ config }: DashboardSectionProps) {
  const { t, catalog } = config;
  const [status, setStatus] = useState<Status>(null);
  const [asking, setAsking] = useState<{ uploadId: string; file: string } | null>(null);
  const owner = me(config);

  const exportCatalog = () => {
    const now = Date.now();
    const file = exchangeFileName('catalog', owner.name || owner.id.slice(0, 8), now);
    download(file, [catalogFileText({ exportedAt: now, exportedBy: owner, app: appVersion() }, catalog)], 'application/json');
  };

  const answer = async (uploadId: string, file: string, replace: boolean) => {
    const res = await call('exchange.importCatalog', { uploadId, replace });
    if (!res.ok) return setStatus({ kind: 'error', text: describeRefusal(t, file, failed(res.error.message)) });
    const o = res.value;
    if (o.status === 'refused') return setStatus({ kind: 'error', text: describeRefusal(t, file, o.problem) });
    setAsking(o.status === 'ask' ? { uploadId, file } : null);
    setStatus({ kind: o.status === 'ask' ? 'working' : 'ok', text: catalogText(config, file, o) });
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setAsking(null);
    const up = await uploadFile(file);
    if (!up.ok) return setStatus({ kind: 'error', text: describeRefusal(t, file.name, up.problem) });
    await answer(up.uploadId, file.name, false);
  };

  const keep = async () => {
    if (asking) await call('exchange.dropUpload', { uploadId: asking.uploadId });
    setAsking(null);
    setStatus({ kind: 'ok', text: t('sharing.catalog.kept') });
  };

  return (
    <div className="wl-block" data-testid="wl-catalog-sharing">
      <h3>{t('sharing.catalog.title')}</h3>
      <p className="wl-intro">{t('sharing.catalog.intro')}</p>
      <div className="wl-row">
        <button type="button" className="wl-primary" data-testid="wl-export-catalog" onClick={exportCatalog}>
          {t('sharing.catalog.export', { revision: catalog.revision })}
        </button>
        <label className="wl-file">
          <span>{t('sharing.catalog.import')}</span>
          <input type="file" accept=".json,application/json" data-testid="wl-import-catalog" onChange={(e) => void onFile(e)} />
        </label>
      </div>
      <StatusLine status={status} testId="wl-catalog-result" />
      {asking && (
        <div className="wl-row">
          <button type="button" className="wl-danger" data-testid="wl-catalog-replace" onClick={() => void answer(asking.uploadId, asking.file, true)}>
            {t('sharing.catalog.replace')}
          </button>
          <button type="button" data-testid="wl-catalog-keep" onClick={() => void keep()}>
            {t('sharing.catalog.keep')}
          </button>
        </div>
      )}
    </div>
  );
}

export function SharingSection({ config }: DashboardSectionProps) {
  const { t } = config;
  const { importing, setImporting } = useImporting();
  return (
    <section className="wl-section wl-sharing" aria-labelledby="wl-sharing-title" data-testid="wl-sharing">
      <h2 id="wl-sharing-title">{config.t('sharing.title')}</h2>
      <p className="wl-intro">{t('sharing.intro')}</p>
      <TeamBlock config={config} paused={importing} />
      <ExportBlock config={config} />
      <ImportBlock config={config} onBusy={setImporting} />
      <CatalogBlock config={config} />
    </section>
  );
}
