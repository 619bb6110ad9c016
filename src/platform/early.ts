/**
 * A page's opening question, sent from the first lines of its script. A sleeping background
 * takes ~50–100 ms to start and load its statistics, and a page takes ~100–150 ms to load its
 * own code (React, the views) before it would ask: asking first lets the two happen at once.
 * The answer is kept raw and validated by `call()` when the page takes it (messaging.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { MessageName, ProtocolMap, RequestOf } from '../core/protocol';

/** The one sender of this page (messaging.ts sends through it too). */
export const messaging = defineExtensionMessaging<ProtocolMap>();

export interface Early {
  /** The raw answer, for `call(name, data, early.answer)`. */
  answer: Promise<unknown>;
  /**
   * The database revision read just before asking: the answer is at least this new, so it can
   * be kept under it (platform/last-answers.ts).
   */
  revision: Promise<number>;
  /** When it was asked (Date.now()): what "now" the question was made with. */
  at: number;
}

const asked = new Map<string, Early & { name: MessageName }>();

/**
 * Sends `name` now; the page takes the answer later by `key` (what the question is, in words).
 * `at`: the clock reading `data` was made with, if it was made with one.
 */
export function askEarly<K extends MessageName>(key: string, name: K, data: RequestOf<K>, revision: () => Promise<number>, at = Date.now()): void {
  const rev = revision();
  const answer = messaging.sendMessage(name, data as never) as Promise<unknown>;
  // Taken or not, a failure must not be reported as unhandled: the taker sees it.
  answer.catch(() => undefined);
  rev.catch(() => undefined);
  asked.set(key, { name, answer, revision: rev, at });
}

/** The early answer to `name` asked under `key`, once; null when none was asked. */
export function takeEarly(key: string, name: MessageName): Early | null {
  const early = asked.get(key);
  if (!early || early.name !== name) return null;
  asked.delete(key);
  return early;
}
