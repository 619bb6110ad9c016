/**
 * All interface texts. A new area adds its file and one line here.
 */
import { options } from './options';
import { panel } from './panel';
import { popup } from './popup';
import { settingsPage } from './settings-page';

export const AREAS = [panel, popup, options, settingsPage] as const;
