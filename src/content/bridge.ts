/**
 * Isolated-world side of the bridge: receives "up" messages from the adapter's main-world
 * script, drops anything malformed (with a log), and sends "down" requests.
 */
import { BRIDGE_TAG, BridgeEnvelopeSchema, type BridgeEnvelope } from '../core/bridge';
import type { CrmId } from '../core/primitives';
import { describeZodError } from '../core/protocol';
import type { BridgeMessage } from '../adapters/types';

export function listenBridge(crm: CrmId, signal: AbortSignal, listener: (message: BridgeMessage) => void): void {
  window.addEventListener(
    'message',
    (event) => {
      if (event.source !== window) return;
      const data = event.data as { tag?: unknown } | null;
      if (!data || data.tag !== BRIDGE_TAG) return;
      const parsed = BridgeEnvelopeSchema.safeParse(data);
      if (!parsed.success) {
        console.warn('[WhyLost] dropped malformed bridge message:', describeZodError(parsed.error));
        return;
      }
      if (parsed.data.dir !== 'up' || parsed.data.crm !== crm) return;
      listener({ crm, type: parsed.data.type, payload: parsed.data.payload });
    },
    { signal },
  );
}

export function sendBridge(crm: CrmId, type: string, payload?: unknown): void {
  const envelope: BridgeEnvelope = { tag: BRIDGE_TAG, dir: 'down', crm, type, payload: payload ?? null };
  window.postMessage(envelope, window.location.origin);
}
