/**
 * An extension page's first lines (a classic script, no React): its last live figures, if still
 * exact, shown while the page's own code loads (src/platform/shell.ts). The page is named by its
 * container: `<div id="wl-shell" data-page="…" inert>`. In a page the background renders out of
 * sight to remake its shell (src/background/remake.ts), it gives the page its storage instead.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { isShellPage, showShell } from '../src/platform/shell';
import { relayStorage } from '../src/platform/storage-relay';

export default defineUnlistedScript(() => {
  if (relayStorage()) return;
  const container = document.getElementById('wl-shell');
  const page = container?.dataset.page;
  if (container && isShellPage(page)) void showShell(page, container).catch(() => undefined);
});
