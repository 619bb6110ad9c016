/**
 * The built content scripts of each CRM that can run on an own-domain portal, registered at run
 * time for hosts the user adds. Names follow the entrypoints: entrypoints/<name>.content.ts is
 * built to content-scripts/<name>.js.
 */
import type { OwnDomainCrm } from '../core/hosts';

export const OWN_DOMAIN_SCRIPTS: Record<OwnDomainCrm, { isolated: string; main: string | null }> = {
  bitrix24: { isolated: 'content-scripts/bitrix24.js', main: 'content-scripts/bitrix24-main.js' },
  onebox: { isolated: 'content-scripts/onebox.js', main: 'content-scripts/onebox-main.js' },
};
