import { defineContentScript } from 'wxt/utils/define-content-script';
import { ONEBOX_MATCHES } from '../src/adapters/onebox/facts';
import { runOneboxMainWorld } from '../src/adapters/onebox/main-world';

export default defineContentScript({
  matches: ONEBOX_MATCHES,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => runOneboxMainWorld(),
});
