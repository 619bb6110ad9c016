/**
 * Raw vs corrected, per month (seed 004): closes as the managers made them, the leads returned
 * to work, and — where the user enters how many leads came in — the qualification and loss
 * rates before and after the correction.
 */
import { useEffect, useState } from 'react';
import { ratesOf, type Inflow } from '../../../core/stats-rates';
import { nextMonth } from '../../../core/stats-periods';
import { loadInflow, setInflow, watchInflow } from '../../../platform/inflow';
import { fmtCount, fmtMonth, fmtRate } from '../format';
import { drillDown } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { Section, useShownStats } from './common';

/** Months listed: the latest ones of the period. */
const MONTHS = 24;

function useInflow(): Inflow | null {
  const [inflow, set] = useState<Inflow | null>(null);
  useEffect(() => {
    let alive = true;
    void loadInflow().then((v) => alive && set(v));
    const stop = watchInflow(set);
    return () => {
      alive = false;
      stop();
    };
  }, []);
  return inflow;
}

function InflowInput({ month, value, label }: { month: string; value: number | undefined; label: string }) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  useEffect(() => setText(value === undefined ? '' : String(value)), [value]);
  const commit = () => {
    const trimmed = text.trim();
    const n = trimmed === '' ? null : Number(trimmed);
    if (n !== null && (!Number.isInteger(n) || n < 0)) return setText(value === undefined ? '' : String(value));
    if (n !== (value ?? null)) void setInflow(month, n);
  };
  return (
    <input
      type="number"
      min={0}
      step={1}
      inputMode="numeric"
      aria-label={`${label} ${month}`}
      data-testid="wl-inflow"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => e.key === 'Enter' && commit()}
    />
  );
}

export function CorrectedSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useShownStats();
  const inflow = useInflow();
  if (!stats || !inflow) return null;
  const rows = stats.corrected.filter((r) => r.junk + r.loss > 0 || inflow.months[r.month] !== undefined).slice(-MONTHS);
  const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
  return (
    <Section id="wl-corrected" title={t('stats.corrected.title')} hint={t('stats.corrected.hint')}>
      {rows.length === 0 ? (
        <p className="wl-hint">{t('stats.corrected.none')}</p>
      ) : (
        <div className="wl-tablewrap">
          <table className="wl-table wl-bymonth">
            <thead>
              <tr>
                <th scope="col">{t('stats.corrected.month')}</th>
                <th scope="col">{t('stats.corrected.cameIn')}</th>
                <th scope="col">{t('stats.corrected.junk')}</th>
                <th scope="col">{t('stats.corrected.loss')}</th>
                <th scope="col">{t('stats.corrected.reopened')}</th>
                <th scope="col">
                  {t('stats.corrected.qualification')}
                  <small>{t('stats.corrected.rawToCorrected')}</small>
                </th>
                <th scope="col">
                  {t('stats.corrected.lossRate')}
                  <small>{t('stats.corrected.rawToCorrected')}</small>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const cameIn = inflow.months[r.month];
                const rates = ratesOf(r, cameIn);
                const reopened = r.reopenedJunk + r.reopenedLoss;
                const month = fmtMonth(lang, r.start);
                return (
                  <tr key={r.month} data-testid="wl-month-row" data-month={r.month}>
                    <th scope="row">{month}</th>
                    <td>
                      <InflowInput month={r.month} value={cameIn} label={t('stats.corrected.cameIn')} />
                    </td>
                    <td data-testid="wl-month-junk">{arrow(fmtCount(lang, r.junk), fmtCount(lang, r.junk - r.reopenedJunk))}</td>
                    <td data-testid="wl-month-loss">{arrow(fmtCount(lang, r.loss), fmtCount(lang, r.loss - r.reopenedLoss))}</td>
                    <td>
                      <button
                        type="button"
                        className="wl-link"
                        data-testid="wl-month-reopened"
                        disabled={!reopened}
                        onClick={() => drillDown({ subset: 'reopened', from: r.start, to: nextMonth(r.start) }, `${t('stats.subset.reopened')} · ${month}`)}
                      >
                        {fmtCount(lang, reopened)}
                      </button>
                    </td>
                    <td data-testid="wl-qualification">
                      {rates ? (
                        <>
                          <span data-testid="wl-qualification-raw">{fmtRate(lang, rates.qualification.raw)}</span> →{' '}
                          <b data-testid="wl-qualification-corrected">{fmtRate(lang, rates.qualification.corrected)}</b>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                    <td data-testid="wl-loss-rate">
                      {rates ? (
                        <>
                          <span data-testid="wl-loss-rate-raw">{fmtRate(lang, rates.lossRate.raw)}</span> →{' '}
                          <b data-testid="wl-loss-rate-corrected">{fmtRate(lang, rates.lossRate.corrected)}</b>
                          {rates.inconsistent && (
                            <span className="wl-warn" role="note" title={t('stats.corrected.inconsistent')}>
                              {' '}
                              ⚠
                            </span>
                          )}
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <p className="wl-hint">{t('stats.corrected.filterNote')}</p>
    </Section>
  );
}
