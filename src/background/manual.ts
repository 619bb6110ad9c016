/**
 * Manual tagging, browser side: the keyboard command (manifest `commands`, listed in the browser's
 * shortcut settings) and the context-menu item «Записать отказ по этому лиду» ask the tab's content
 * script to open the panel (src/content/manual.ts). The item shows on the pages of enabled CRMs
 * only, titled in the language setting, and follows settings changes.
 */
import { browser, type Browser } from 'wxt/browser';
import { areaTranslator, resolveLang } from '../core/i18n-core';
import { manual } from '../core/messages/manual';
import { MANUAL_COMMAND, MANUAL_MENU_ID, menuPatterns, type ManualTagRequest, type ManualTagResult } from '../core/manual';
import { sendManualTag } from '../platform/manual-messaging';
import { loadSettings, settingsItem } from '../platform/stored';

type Tab = Browser.tabs.Tab;
type MenuClick = Browser.contextMenus.OnClickData;
type MenuProperties = Browser.contextMenus.CreateProperties;

/** Asks the frame (the top one when that frame has no WhyLost script) to open the panel. */
export async function requestManualTag(tabId: number, frameId: number, source: ManualTagRequest['source']): Promise<ManualTagResult> {
  try {
    return await sendManualTag(tabId, frameId, { source });
  } catch (error) {
    if (frameId !== 0) return requestManualTag(tabId, 0, source);
    return { handled: false, reason: 'no-crm-page', message: error instanceof Error ? error.message : String(error) };
  }
}

export function onCommand(command: string, tab?: Tab): Promise<ManualTagResult> | undefined {
  if (command !== MANUAL_COMMAND || tab?.id === undefined) return undefined;
  return requestManualTag(tab.id, 0, 'command');
}

export function onMenuClick(info: MenuClick, tab?: Tab): Promise<ManualTagResult> | undefined {
  if (info.menuItemId !== MANUAL_MENU_ID || tab?.id === undefined) return undefined;
  return requestManualTag(tab.id, info.frameId ?? 0, 'context-menu');
}

let shown: MenuProperties | null = null;
let syncing: Promise<void> = Promise.resolve();

/** Re-creates the menu item from the settings (language, enabled CRMs, own-domain portals). */
export function syncMenu(): Promise<void> {
  syncing = syncing
    .then(async () => {
      const { settings } = await loadSettings();
      const lang = resolveLang(settings.language, browser.i18n?.getUILanguage?.());
      const patterns = menuPatterns(browser.runtime.getManifest().content_scripts ?? [], settings);
      await browser.contextMenus.removeAll();
      shown = null;
      if (!patterns.length) return;
      const item: MenuProperties = {
        id: MANUAL_MENU_ID,
        // Only this area's texts: the background does not carry the interface's (~190 KB of script).
        title: areaTranslator(lang, [manual] as const)('manual.menu'),
        contexts: ['page', 'frame', 'selection', 'link', 'editable', 'image'],
        documentUrlPatterns: patterns,
      };
      await new Promise<void>((done, fail) =>
        browser.contextMenus.create(item, () => (browser.runtime.lastError ? fail(new Error(browser.runtime.lastError.message)) : done())),
      );
      shown = item;
    })
    .catch((error: unknown) => console.error('[WhyLost] could not set up the context menu', error));
  return syncing;
}

export function startManualTagging(): void {
  // Listeners first, synchronously: a click or key press may be what woke the service worker.
  browser.commands.onCommand.addListener((command, tab) => void onCommand(command, tab));
  browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClick(info, tab));
  void syncMenu();
  settingsItem.watch(() => void syncMenu());

  /*
   * For the end-to-end tests (automation cannot click a native context menu): the same handler the
   * click runs, with the click data the browser would pass, and the item as last created. Reachable
   * only from the extension's own service worker (or a debugger attached to it), and it can do
   * nothing a user's click could not.
   */
  (globalThis as { whylostManual?: unknown }).whylostManual = {
    clickMenu: async (tabId: number, frameId = 0) =>
      onMenuClick({ menuItemId: MANUAL_MENU_ID, frameId, editable: false, pageUrl: (await browser.tabs.get(tabId)).url ?? '' }, await browser.tabs.get(tabId)),
    menu: async () => {
      await syncing;
      return shown;
    },
  };
}
