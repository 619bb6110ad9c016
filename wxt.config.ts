import { defineConfig } from 'wxt';
import type { IndexHtmlTransformContext, Plugin } from 'vite';

/**
 * A page's entry loads its views with a dynamic import (platform/page-entry.ts), so that its
 * start-up reads go out before the views' code is evaluated. Vite preloads only static imports
 * from the HTML: without this, the views' chunks are requested only once the entry has run, one
 * more round of extension-resource fetches (~25 ms in Chromium traces). This lists them in the
 * HTML as module preloads, fetched together with the entry.
 */
function preloadViews(): Plugin {
  return {
    name: 'whylost:preload-views',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html: string, ctx: IndexHtmlTransformContext) {
        const { chunk, bundle } = ctx;
        if (!chunk || !bundle) return [];
        const files = new Set<string>();
        const styles = new Set<string>();
        const visit = (name: string) => {
          const c = bundle[name];
          if (!c || c.type !== 'chunk' || files.has(name)) return;
          files.add(name);
          c.viteMetadata?.importedCss.forEach((css) => styles.add(css));
          c.imports.forEach(visit);
        };
        chunk.dynamicImports.forEach(visit);
        // Already in the HTML: the entry (a view may import from it) and its static imports.
        [chunk.fileName, ...chunk.imports].forEach((name) => files.delete(name));
        chunk.viteMetadata?.importedCss.forEach((css) => styles.delete(css));
        // The views' styles too: Vite's loader would otherwise fetch them, and wait, after the entry ran.
        return [
          ...[...files].map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
          ...[...styles].map((file) => ({ tag: 'link', attrs: { rel: 'stylesheet', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const })),
        ];
      },
    },
  };
}

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
    // Chromium: offscreen and alarms remake the statistics pages' shells out of sight
    // (src/background/remake.ts); neither shows the user a warning. Firefox has no offscreen documents.
    permissions: ['storage', 'scripting', 'contextMenus', ...(browser === 'firefox' ? [] : ['offscreen', 'alarms'])],
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
    plugins: [preloadViews()],
    build: {
      rollupOptions: {
        // zod ships comments placed where Rollup cannot read them as annotations; Rollup drops
        // them and says so for every bundle (14 warnings a build). Nothing of ours is affected.
        onwarn(warning, warn) {
          if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('/node_modules/zod/')) return;
          warn(warning);
        },
      },
    },
  }),
  hooks: {
    // Extension pages are not content scripts: their code keeps its text as UTF-8. Escaped, every
    // Cyrillic letter of the interface texts took six bytes instead of two: the pages' shared
    // chunk went 556 → 458 KB, and a warm popup showed its figures 10–15 ms sooner (paired A/B,
    // docs/benchmarks.md "Stop 17, second session"). The background and content scripts stay ASCII.
    'vite:build:extendConfig'(entrypoints, config) {
      if (entrypoints.length && entrypoints.every((e) => e.inputPath.endsWith('.html'))) config.esbuild = { ...(config.esbuild || {}), charset: 'utf8' };
    },
  },
});
