import { defineContentScript } from 'wxt/utils/define-content-script';
import { AMOCRM_MATCHES } from '../src/adapters/amocrm/facts';
import { amocrmAdapter } from '../src/adapters/amocrm';
import { runContent } from '../src/content/runtime';

export default defineContentScript({
  matches: AMOCRM_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runContent(ctx, amocrmAdapter),
});
