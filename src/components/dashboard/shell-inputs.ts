/**
 * The dashboard's shell starts watching its inputs before the page reads them (platform/shell.ts).
 * Imported by the page's entry first, before its start-up values are asked for.
 */
import { watchShellInputs } from '../../platform/shell';

watchShellInputs('dashboard');
