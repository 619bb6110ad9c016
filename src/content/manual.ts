/**
 * Manual tagging in the content script, the same for every adapter: on the background's request
 * (keyboard command or context-menu item), open the panel for the lead the adapter reads on this
 * page — or for the page itself (address and title) where it reads none. Works on every page of an
 * enabled CRM host, watched or not.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { CloseEvent, CrmAdapter } from '../adapters/types';
import { manualLead, type ManualTagResult } from '../core/manual';
import type { LeadContext } from '../core/rejection';
import { onManualTag } from '../platform/manual-messaging';
import { loadSettingsForContent } from '../platform/stored';

export function startManual(
  ctx: ContentScriptContext,
  adapter: CrmAdapter,
  close: (event: CloseEvent) => void,
): void {
  const stop = onManualTag(async (): Promise<ManualTagResult> => {
    // Read now, not from the runtime's copy: a switch-off just made must hold for this very request.
    const { settings } = await loadSettingsForContent();
    if (!settings.crms[adapter.crm].enabled) return { handled: false, reason: 'disabled' };
    const url = new URL(location.href);
    let partial: Partial<LeadContext> | null = null;
    try {
      partial = adapter.readContext(url, document);
    } catch (error) {
      console.warn('[WhyLost] could not read the lead for manual tagging', error);
    }
    const lead = manualLead(adapter.crm, partial, { url: url.href, title: document.title });
    close({ via: 'manual', leads: [lead], anchor: null });
    return { handled: true, leadId: lead.leadId, fromPage: !partial };
  });
  ctx.onInvalidated(stop);
}
