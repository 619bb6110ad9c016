/**
 * Main-world side of the bridge. Runs in the CRM page's own JavaScript world: no extension
 * APIs here, only page globals and window.postMessage.
 */
import type { BridgeEnvelope } from '../core/bridge';
import { BRIDGE_TAG } from '../core/bridge-tag';
import type { CrmId } from '../core/primitives';

export function bridgeUp(crm: CrmId, type: string, payload: unknown): void {
  const envelope: BridgeEnvelope = { tag: BRIDGE_TAG, dir: 'up', crm, type, payload };
  window.postMessage(envelope, window.location.origin);
}

/** Requests from the content script ("down" messages) of one CRM. */
export function onBridgeDown(crm: CrmId, listener: (type: string, payload: unknown) => void): void {
  window.addEventListener('message', (event) => {
    if (event.source !== window) return;
    const data = event.data as Partial<BridgeEnvelope> | null;
    if (!data || data.tag !== BRIDGE_TAG || data.dir !== 'down' || data.crm !== crm || typeof data.type !== 'string') return;
    listener(data.type, data.payload);
  });
}

/** Calls `read` until it returns a value (page globals appear late in single-page apps). */
export function whenAvailable<T>(read: () => T | null | undefined, then: (value: T) => void, timeoutMs = 30_000): void {
  const started = Date.now();
  const tick = () => {
    let value: T | null | undefined;
    try {
      value = read();
    } catch {
      value = null;
    }
    if (value !== null && value !== undefined) then(value);
    else if (Date.now() - started < timeoutMs) setTimeout(tick, 200);
  };
  tick();
}
