/**
 * How long figures kept from last time may be shown: the kept answers (last-answers.ts) and the
 * popup's shell (shell.ts). A module of its own so the shell's script stays light.
 */

/** Older than this, kept figures are not shown: time windows such as "30 days" have moved. */
export const KEPT_MAX_AGE_MS = 60 * 60_000;
