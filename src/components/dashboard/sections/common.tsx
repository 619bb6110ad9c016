/** What the statistics sections share: the latest answer, a section frame, labels of values. */
import type { ReactNode } from 'react';
import type { Translate } from '../../../core/i18n';
import type { DashboardStats } from '../../../core/protocol';
import { resetFilters, useStats } from '../stats-store';

/** The latest statistics, or null while the first answer is on its way. */
export function useReadyStats(): DashboardStats | null {
  const result = useStats((s) => s.result);
  return result.status === 'ready' ? result.value : null;
}

/** Statistics to show: something stored, and something under the filters (else Summary says why). */
export function useShownStats(): DashboardStats | null {
  const stats = useReadyStats();
  return stats && stats.stored > 0 && stats.matched > 0 ? stats : null;
}

export function Section({ id, title, hint, actions, children }: { id: string; title: string; hint?: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="wl-section" id={id} aria-labelledby={`${id}-title`} data-testid={id}>
      <header className="wl-section-head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </header>
      {hint && <p className="wl-hint">{hint}</p>}
      {children}
    </section>
  );
}

export function managerLabel(t: Translate, label: string): string {
  return label || t('stats.unknownManager');
}

export function segmentLabel(t: Translate, key: string): string {
  return key ? t(`stats.segment.${key as 'inbound-b2b'}`) : t('stats.none');
}

export function noneLabel(t: Translate, label: string): string {
  return label || t('stats.none');
}

export function ResetButton({ t, className, testId }: { t: Translate; className?: string; testId?: string }) {
  return (
    <button type="button" className={className} data-testid={testId} onClick={resetFilters}>
      {t('stats.filter.reset')}
    </button>
  );
}
