/**
 * All interface texts. A new area adds its file and one line here.
 */
import { detector } from './detector';
import { manual } from './manual';
import { onebox } from './onebox';
import { options } from './options';
import { panel } from './panel';
import { popup } from './popup';
import { settingsPage } from './settings-page';
import { sharing } from './sharing';
import { stats } from './stats';

export const AREAS = [detector, panel, popup, options, onebox, manual, settingsPage, sharing, stats] as const;
