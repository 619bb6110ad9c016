/**
 * Catalog hygiene (seed 000: every reason must be used and carry a meaningful comment): reasons
 * unused for N days, the share of "Other", short comments, closes waiting too long for a reason,
 * follow-ups that are due. Every figure opens its leads.
 */
import type { Lang } from '../../../core/primitives';
import { fmtCount, fmtDate, fmtShare, reasonName } from '../format';
import { drillDown, useStats } from '../stats-store';
import type { DashboardSectionProps } from './index';
import { Section, useShownStats } from './common';

function DaysInput({ value, onChange, testId, label }: { value: number; onChange(n: number): void; testId: string; label: string }) {
  return (
    <input
      type="number"
      className="wl-days"
      min={0}
      max={3650}
      aria-label={label}
      data-testid={testId}
      value={value}
      onChange={(e) => {
        const n = Number(e.target.value);
        if (Number.isInteger(n) && n >= 0 && n <= 3650) onChange(Math.max(n, testId === 'wl-unused-days' ? 1 : 0));
      }}
    />
  );
}

/** A share of the counted closes (of "Other", of short comments) that opens its leads. */
function ShareCard(props: { testId: string; title: string; hint?: string; part: { count: number; of: number }; lang: Lang; onOpen(): void }) {
  const { count, of } = props.part;
  return (
    <button type="button" className="wl-card" data-testid={props.testId} data-count={count} title={props.hint} onClick={props.onOpen}>
      <h3>{props.title}</h3>
      <span className="wl-num">{fmtShare(props.lang, of ? count / of : 0)}</span>
      <small>
        {fmtCount(props.lang, count)} / {fmtCount(props.lang, of)}
      </small>
    </button>
  );
}

export function HygieneSection({ config }: DashboardSectionProps) {
  const { t, lang } = config;
  const stats = useShownStats();
  const unusedDays = useStats((s) => s.unusedDays);
  const pendingDays = useStats((s) => s.pendingDays);
  const set = useStats((s) => s.set);
  if (!stats) return null;
  const h = stats.hygiene;
  return (
    <Section id="wl-hygiene" title={t('stats.hygiene.title')} hint={t('stats.hygiene.hint')}>
      <div className="wl-cards">
        <div className="wl-card">
          <h3>
            {t('stats.hygiene.unused')} <DaysInput value={unusedDays} onChange={(n) => set({ unusedDays: n })} testId="wl-unused-days" label={t('stats.hygiene.days')} />{' '}
            {t('stats.hygiene.days')}
          </h3>
          {h.unused.length === 0 ? (
            <p>{t('stats.hygiene.allUsed')}</p>
          ) : (
            <ul className="wl-unused" data-testid="wl-hygiene-unused">
              {h.unused.map((u) => (
                <li key={u.reasonId} data-reason-id={u.reasonId}>
                  {reasonName(config, u.reasonId)} <small>{u.lastUsed === null ? t('stats.hygiene.never') : t('stats.hygiene.lastUsed', { date: fmtDate(lang, u.lastUsed) })}</small>
                </li>
              ))}
            </ul>
          )}
        </div>
        <ShareCard
          testId="wl-hygiene-other"
          title={t('stats.hygiene.other')}
          hint={t('stats.hygiene.otherHint')}
          part={h.other}
          lang={lang}
          onOpen={() => drillDown({ subset: 'counted', reasonId: 'other' }, reasonName(config, 'other'))}
        />
        <ShareCard
          testId="wl-hygiene-short"
          title={t('stats.hygiene.short', { min: h.shortComments.minLength })}
          part={h.shortComments}
          lang={lang}
          onOpen={() => drillDown({ subset: 'short-comment' }, t('stats.subset.short-comment'))}
        />
        <div className="wl-card">
          <h3>
            {t('stats.hygiene.pendingOld')} <DaysInput value={pendingDays} onChange={(n) => set({ pendingDays: n })} testId="wl-pending-days" label={t('stats.hygiene.days')} />{' '}
            {t('stats.hygiene.days')}
          </h3>
          <button
            type="button"
            className="wl-num wl-link"
            data-testid="wl-hygiene-pending-old"
            data-count={h.pendingOld}
            onClick={() => drillDown({ subset: 'pending-old' }, t('stats.subset.pending-old', { days: h.pendingDays }))}
          >
            {fmtCount(lang, h.pendingOld)}
          </button>
          <small>{t('stats.hygiene.whatever')}</small>
        </div>
        <button
          type="button"
          className="wl-card"
          data-testid="wl-hygiene-followups"
          data-count={h.followUpsDue}
          onClick={() => drillDown({ subset: 'follow-up-due' }, t('stats.subset.follow-up-due'))}
        >
          <h3>{t('stats.hygiene.followUps')}</h3>
          <span className="wl-num">{fmtCount(lang, h.followUpsDue)}</span>
          <small>{t('stats.hygiene.whatever')}</small>
        </button>
      </div>
    </Section>
  );
}
