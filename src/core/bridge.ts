/**
 * The envelope of messages between an adapter's main-world script (which can read page globals
 * and see the page's requests) and its isolated content script. The page can read and forge
 * these, so the isolated side treats them as untrusted input: shape-checked here, and at most
 * able to start a pending record for the page they came from.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CrmIdSchema } from './primitives';

import { BRIDGE_TAG } from './bridge-tag';

export { BRIDGE_TAG };

export const BridgeEnvelopeSchema = lazySchema(() => z.object({
  tag: z.literal(BRIDGE_TAG),
  /** up: main world → content script; down: content script → main world. */
  dir: z.enum(['up', 'down']),
  crm: CrmIdSchema,
  type: z.string().min(1).max(50),
  payload: z.unknown(),
}));
export type BridgeEnvelope = z.infer<typeof BridgeEnvelopeSchema>;
