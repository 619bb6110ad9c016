/**
 * The popup's first lines (a classic script, no React): its last live figures, if still exact,
 * shown while the popup's own code loads (src/platform/shell.ts).
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { showShell } from '../src/platform/shell';

export default defineUnlistedScript(() => {
  const container = document.getElementById('wl-shell');
  if (container) void showShell('popup', container).catch(() => undefined);
});
