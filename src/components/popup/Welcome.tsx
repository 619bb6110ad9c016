/**
 * What a new user sees before anything is recorded: the three steps that make the first record.
 * Shared by the popup and the dashboard.
 */
import type { Translate } from '../../core/i18n';

export function Welcome({ t, team = false }: { t: Translate; team?: boolean }) {
  return (
    <section className="wl-welcome" data-testid="wl-welcome">
      <h2>{t('stats.welcome.title')}</h2>
      <ol>
        <li>{t('stats.welcome.step1')}</li>
        <li>{t('stats.welcome.step2')}</li>
        <li>{t('stats.welcome.step3')}</li>
      </ol>
      {team && <p>{t('stats.welcome.team')}</p>}
    </section>
  );
}
