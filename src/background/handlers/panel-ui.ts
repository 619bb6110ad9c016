/**
 * Injects the panel's script into the frame of the content script that asks (scripting API:
 * the CRM hosts' access comes with the manifest, own-domain portals' with the permission the
 * user granted when adding them).
 */
import { browser } from 'wxt/browser';
import { PANEL_UI_SCRIPT } from '../../adapters/panel-script';
import { failure } from '../../core/protocol';
import { serve } from '../../platform/messaging';

export function registerPanelUiHandlers(): void {
  serve('loadPanelUi', async (_req, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined || sender.id !== browser.runtime.id) {
      return failure('forbidden', 'only a content script in a CRM tab loads the panel');
    }
    try {
      await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: [PANEL_UI_SCRIPT] });
      return { ok: true, value: null };
    } catch (error) {
      return failure('unavailable', error instanceof Error ? error.message : String(error));
    }
  });
}
