import { defineContentScript } from 'wxt/utils/define-content-script';
import { BITRIX_MATCHES } from '../src/adapters/bitrix24/facts';
import { runBitrixMainWorld } from '../src/adapters/bitrix24/main-world';

export default defineContentScript({
  matches: BITRIX_MATCHES,
  allFrames: true,
  world: 'MAIN',
  runAt: 'document_start',
  main: () => runBitrixMainWorld(),
});
