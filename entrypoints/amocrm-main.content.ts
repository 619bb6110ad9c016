import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMOCRM_MATCHES } from '../src/adapters/amocrm/facts';
import { runAmoMainWorld } from '../src/adapters/amocrm/main-world';

export default defineContentScript({
  matches: AMOCRM_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => runAmoMainWorld(),
});
