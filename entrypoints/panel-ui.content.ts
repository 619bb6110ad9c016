import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMOCRM_MATCHES } from '../src/adapters/amocrm/facts';
import { BITRIX_MATCHES } from '../src/adapters/bitrix24/facts';
import { ONEBOX_MATCHES } from '../src/adapters/onebox/facts';
import { installPanelUi } from '../src/content/panel-ui';

// Not in the manifest's content scripts: injected into a CRM frame by the background when that
// frame's content script needs the panel. The matches become host permissions for the CRM clouds
// (the pages its content scripts run on anyway); own-domain portals have the permission the user granted.
export default defineContentScript({
  registration: 'runtime',
  matches: [...AMOCRM_MATCHES, ...BITRIX_MATCHES, ...ONEBOX_MATCHES],
  cssInjectionMode: 'manual',
  main: () => installPanelUi(),
});
