/**
 * What the popup and the dashboard mark as they render, for the benchmark and the browser tests:
 * each mark once per page, in the performance timeline (timed from navigation start) and, for
 * the figures, on the root element (waited on from outside the page).
 */

/** Marks `name` the first time it is reached. */
export function markOnce(name: string): void {
  if (!performance.getEntriesByName(name).length) performance.mark(name);
}

/** A render with figures: `wl-ready` the first time (kept or live), `wl-live` the first time they are live. */
export function markFigures(live: boolean): void {
  const root = document.documentElement;
  if (!root.dataset.wlReady) {
    root.dataset.wlReady = '1';
    markOnce('wl-ready');
  }
  if (live && !root.dataset.wlLive) {
    root.dataset.wlLive = '1';
    markOnce('wl-live');
  }
}
