/**
 * All interface texts. A new area adds its file and one line here.
 */
import { options } from './options';
import { panel } from './panel';
import { popup } from './popup';
import { sharing } from './sharing';

export const AREAS = [panel, popup, options, sharing] as const;
