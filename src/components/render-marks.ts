/**
 * What the popup and the dashboard mark as they render, for the benchmark and the browser tests:
 * each mark once per page, in the performance timeline (timed from navigation start) and, for
 * the figures, on the root element (waited on from outside the page).
 */

/** Marks `name` the first time it is reached. */
export function markOnce(name: string): void {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

/**
 * Figures on screen: `wl-ready` the first time (kept, live, or the popup's shell of last
 * time: platform/shell.ts), `wl-rendered` the first time the page itself rendered them, and
 * `wl-live` the first time they are live.
 */
export function markFigures(live: boolean, byShell = false): void {
  const root = document.documentElement;
  if (!root.dataset.wlReady) {
    root.dataset.wlReady = '1';
    markOnce('wl-ready');
  }
  if (!byShell) markOnce('wl-rendered');
  if (live && !root.dataset.wlLive) {
    root.dataset.wlLive = '1';
    markOnce('wl-live');
  }
}
