/**
 * All interface texts. A new area adds its file and one line here.
 */
import { options } from './options';
import { panel } from './panel';
import { popup } from './popup';
import { stats } from './stats';

export const AREAS = [panel, popup, options, stats] as const;
