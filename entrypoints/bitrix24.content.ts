import { defineContentScript } from 'wxt/utils/define-content-script';
import { bitrix24Adapter } from '../src/adapters/bitrix24';
import { BITRIX_MATCHES } from '../src/adapters/bitrix24/facts';
import { runContent } from '../src/content/runtime';

export default defineContentScript({
  matches: BITRIX_MATCHES,
  // Cards open in the side-panel iframe (.slider-panel-iframe).
  allFrames: true,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runContent(ctx, bitrix24Adapter),
});
