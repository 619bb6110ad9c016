/**
 * The dashboard page: filters on top, then one section per view (see ./sections/index.ts).
 */
import { loadPageConfig, useLive } from '../../platform/live';
import { DASHBOARD_SECTIONS } from './sections';

export function Dashboard() {
  const state = useLive(loadPageConfig);
  if (state.status === 'loading') return <main className="wl-dashboard" aria-busy="true" />;
  if (state.status === 'error') {
    return (
      <main className="wl-dashboard">
        <p className="wl-error" role="alert">
          {state.message}
        </p>
      </main>
    );
  }
  const config = state.value;
  return (
    <main className="wl-dashboard">
      <h1>WhyLost</h1>
      {DASHBOARD_SECTIONS.map(({ id, Component }) => (
        <Component key={id} config={config} />
      ))}
    </main>
  );
}
