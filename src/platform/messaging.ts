/**
 * The typed message channel (@webext-core/messaging) with zod on both ends:
 * `serve` parses every request where it arrives; `call` parses every response.
 */
import type { Browser } from 'wxt/browser';
import {
  describeZodError,
  failure,
  PROTOCOL,
  type MessageName,
  type RequestOf,
  type ResponseOf,
  type ValueOf,
} from '../core/protocol';
import { messaging } from './early';

export type Sender = Browser.runtime.MessageSender;

/**
 * Sends `name` and validates the answer. `sent`: the raw answer to this question already asked
 * from the page's first lines (early.ts), validated here instead of asking again.
 */
export async function call<K extends MessageName>(name: K, data: RequestOf<K>, sent?: Promise<unknown>): Promise<ResponseOf<K>> {
  let raw: unknown;
  try {
    raw = await (sent ?? messaging.sendMessage(name, data as never));
  } catch (error) {
    return failure('storage', error instanceof Error ? error.message : String(error)) as ResponseOf<K>;
  }
  const parsed = PROTOCOL[name].response.safeParse(raw);
  if (!parsed.success) {
    return failure('invalid-message', `bad ${name} response: ${describeZodError(parsed.error)}`) as ResponseOf<K>;
  }
  return parsed.data as ResponseOf<K>;
}

/** Like `call`, but throws on failure: for extension pages where an error boundary shows it. */
export async function request<K extends MessageName>(name: K, data: RequestOf<K>, sent?: Promise<unknown>): Promise<ValueOf<K>> {
  const res = await call(name, data, sent);
  if (!res.ok) throw new Error(res.error.message);
  return (res as { value: ValueOf<K> }).value;
}

type Parsed<K extends MessageName> = import('zod').output<(typeof PROTOCOL)[K]['request']>;

export function serve<K extends MessageName>(
  name: K,
  handler: (data: Parsed<K>, sender: Sender) => Promise<ResponseOf<K>> | ResponseOf<K>,
): () => void {
  return messaging.onMessage(name, (async ({ data, sender }: { data: unknown; sender: unknown }) => {
    const parsed = PROTOCOL[name].request.safeParse(data);
    if (!parsed.success) {
      const message = `dropped malformed ${name} message: ${describeZodError(parsed.error)}`;
      console.warn('[WhyLost]', message);
      return failure('invalid-message', message) as ResponseOf<K>;
    }
    return handler(parsed.data as Parsed<K>, sender as Sender);
  }) as never) as () => void;
}
