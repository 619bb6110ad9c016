/**
 * The popup's shell starts watching its inputs before the popup reads them (platform/shell.ts).
 * Imported by the page's entry before the views, like ask-early.ts.
 */
import { watchShellInputs } from '../../platform/shell';

watchShellInputs('popup');
