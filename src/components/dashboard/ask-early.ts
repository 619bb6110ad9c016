/**
 * The dashboard's opening question, asked before the views load (platform/early.ts). Imported
 * first by the page's entry so it runs before React and the views are evaluated.
 */
import { askEarly } from '../../platform/early';
import { dbRevisionItem } from '../../platform/stored';
import { currentQuery } from './stats-store';

/** The opening view's key: its early answer and its figures kept from last time go by it. */
export const OPENING = `dashboard:${JSON.stringify(currentQuery())}`;

askEarly(OPENING, 'dashboardStats', currentQuery(), () => dbRevisionItem.getValue());
