import { defineConfig } from 'wxt';

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
    // storage: settings and catalog (the database is IndexedDB in the extension's own origin);
    // scripting: content scripts for own-domain portals the user adds; contextMenus: «Записать отказ».
    permissions: ['storage', 'scripting', 'contextMenus'],
    // The CRM cloud hosts come with the content scripts' matches; nothing else is granted up front.
    // Own-domain portals (on-premise Bitrix24, OneBox) are asked for one by one when the user adds them.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Manual tagging (src/background/manual.ts): listed, and changeable, in the browser's shortcut settings.
    commands: { 'tag-lost': { suggested_key: { default: 'Alt+Shift+L' }, description: '__MSG_cmdTagLost__' } },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'whylost@whylost.app', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    // Chromium refuses a content script containing U+FFFF (Dexie's maxString): keep output ASCII.
    esbuild: { charset: 'ascii' },
  }),
});
