/**
 * The options page: one section per concern (see ./sections/index.ts). Live: re-reads when
 * settings change anywhere.
 */
import { useEffect } from 'react';
import { loadPageConfig, useLive } from '../../platform/live';
import { SECTIONS } from './sections';

export function Options() {
  const state = useLive(loadPageConfig);
  const lang = state.status === 'ready' ? state.value.lang : null;
  const title = state.status === 'ready' ? state.value.t('options.title') : null;
  useEffect(() => {
    // The page follows the language setting: screen readers and spell-checkers with it.
    if (lang) document.documentElement.lang = lang;
    if (title) document.title = title;
  }, [lang, title]);
  if (state.status === 'loading') return <main className="wl-options" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <main className="wl-options">
        <p className="wl-error" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  const config = state.value;
  return (
    <main className="wl-options">
      <h1>{config.t('options.title')}</h1>
      {config.problems.map((p) => (
        <p key={p} className="wl-error" role="alert" data-testid="wl-settings-problem">
          {config.t('options.settingsProblem', { problem: p })}
        </p>
      ))}
      {SECTIONS.map(({ id, Component }) => (
        <Component key={id} config={config} />
      ))}
    </main>
  );
}
