import { defineContentScript } from 'wxt/utils/define-content-script';
import { ONEBOX_MATCHES } from '../src/adapters/onebox/facts';
import { oneboxAdapter } from '../src/adapters/onebox';
import { runContent } from '../src/content/runtime';

export default defineContentScript({
  matches: ONEBOX_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'manual',
  main: (ctx) => runContent(ctx, oneboxAdapter),
});
