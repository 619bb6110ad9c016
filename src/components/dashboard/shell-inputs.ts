/**
 * The dashboard's shell starts watching its inputs before the page reads them (platform/shell.ts).
 * Imported by the page's entry first, before its start-up values are asked for.
 */
import { watchShellInputs } from '../../platform/shell';
import { relayStorage } from '../../platform/storage-relay';

// Rendered out of sight by the background (background/remake.ts): storage is lent first.
relayStorage();
watchShellInputs('dashboard');
