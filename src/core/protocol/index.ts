/**
 * The one message protocol between content scripts, extension pages and the background
 * (which owns the database). Each message has a request and a response schema: requests are
 * parsed where they arrive (the background), responses where they return. Each area keeps its
 * messages in its own file; a new area adds a file and one line here.
 */
import type { z } from 'zod';
import { EDIT_MESSAGES } from './edits';
import { EXCHANGE_MESSAGES } from './exchange';
import { HEALTH_MESSAGES } from './health';
import { NATIVE_MESSAGES } from './native';
import { PANEL_UI_MESSAGES } from './panel-ui';
import { OPTIONS_MESSAGES } from './options';
import { RECORD_MESSAGES } from './records';
import { STATS_MESSAGES } from './stats';

export * from './common';
export * from './records';
export * from './stats';

export const PROTOCOL = {
  ...RECORD_MESSAGES,
  ...HEALTH_MESSAGES,
  ...EDIT_MESSAGES,
  ...NATIVE_MESSAGES,
  ...PANEL_UI_MESSAGES,
  ...OPTIONS_MESSAGES,
  ...EXCHANGE_MESSAGES,
  ...STATS_MESSAGES,
} as const;

export type MessageName = keyof typeof PROTOCOL;
export type RequestOf<K extends MessageName> = z.input<(typeof PROTOCOL)[K]['request']>;
export type ResponseOf<K extends MessageName> = z.output<(typeof PROTOCOL)[K]['response']>;
export type ValueOf<K extends MessageName> = Extract<ResponseOf<K>, { ok: true }>['value'];

/** The map @webext-core/messaging types its functions with. */
export type ProtocolMap = { [K in MessageName]: (data: RequestOf<K>) => ResponseOf<K> };
