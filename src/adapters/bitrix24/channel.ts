/**
 * Message types between the Bitrix24 main-world script and the content script (shapes in
 * bridge-messages.ts). Kept apart so the main-world bundle carries no schema library.
 */
export const UP = { context: 'context', close: 'close', undo: 'undo', hooks: 'hooks', configRequest: 'config?' } as const;
export const DOWN = { hello: 'hello', config: 'config', release: 'hold-release', cancel: 'hold-cancel' } as const;
