/**
 * The popup's shell starts watching its inputs before the popup reads them (platform/shell.ts).
 * Imported by the page's entry before the views, like ask-early.ts.
 */
import { watchShellInputs } from '../../platform/shell';
import { relayStorage } from '../../platform/storage-relay';

// Rendered out of sight by the background (background/remake.ts): storage is lent first.
relayStorage();
watchShellInputs('popup');
