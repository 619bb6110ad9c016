import { defineConfig } from 'wxt';
import { AMOCRM_MATCHES } from './src/adapters/amocrm/facts';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Explicit imports everywhere: code reads the same in the extension, in Node and in tests.
  imports: false,
  manifestVersion: 3,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings and catalog; the database is IndexedDB in the extension's own origin.
    permissions: ['storage'],
    // Content scripts of the CRM hosts carry their own host access; nothing else is asked up front.
    host_permissions: [...AMOCRM_MATCHES],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'whylost@whylost.app', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    // Chromium refuses a content script containing U+FFFF (Dexie's maxString): keep output ASCII.
    esbuild: { charset: 'ascii' },
  }),
});
