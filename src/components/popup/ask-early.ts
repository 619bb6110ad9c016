/**
 * The popup's opening question, asked before the views load (platform/early.ts). Imported first
 * by the page's entry so it runs before React and the views are evaluated.
 */
import { askEarly } from '../../platform/early';
import { dbRevisionItem } from '../../platform/stored';
import { presetRange, type PeriodPreset } from '../../core/stats-periods';

export const OPENING_PERIOD: PeriodPreset = '30d';

/** The key of a period's figures: its early answer and its figures kept from last time go by it. */
export const popupKey = (period: PeriodPreset) => `popup:${period}`;

const now = Date.now();
askEarly(popupKey(OPENING_PERIOD), 'popupStats', presetRange(OPENING_PERIOD, now), () => dbRevisionItem.getValue(), now);
