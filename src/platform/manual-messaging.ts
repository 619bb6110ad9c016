/**
 * The one message the background sends to a tab: "open the panel for the lead on this page"
 * (manual tagging). Typed with @webext-core/messaging, parsed with zod on both ends.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import {
  ManualTagRequestSchema,
  ManualTagResultSchema,
  type ManualTagRequest,
  type ManualTagResult,
} from '../core/manual';

interface ManualProtocol {
  manualTag(data: ManualTagRequest): ManualTagResult;
}

const messaging = defineExtensionMessaging<ManualProtocol>();

/** Background: asks one frame of a tab. Rejects when no WhyLost content script is there. */
export async function sendManualTag(tabId: number, frameId: number, request: ManualTagRequest): Promise<ManualTagResult> {
  const raw: unknown = await messaging.sendMessage('manualTag', request, { tabId, frameId });
  const parsed = ManualTagResultSchema.safeParse(raw);
  return parsed.success ? parsed.data : { handled: false, reason: 'failed', message: 'malformed answer from the page' };
}

/** Content script: answers the background's request. */
export function onManualTag(handler: (request: ManualTagRequest) => Promise<ManualTagResult>): () => void {
  return messaging.onMessage('manualTag', async ({ data }) => {
    const parsed = ManualTagRequestSchema.safeParse(data);
    return parsed.success ? handler(parsed.data) : ({ handled: false, reason: 'failed', message: 'malformed request' } as const);
  });
}
