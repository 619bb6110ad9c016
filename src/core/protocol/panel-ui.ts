/**
 * The panel's code is not in the always-injected content script: on a CRM page's first need
 * (the manager starts working on the page, or a close is detected) the content script asks the
 * background to inject it into its frame.
 */
import { z } from 'zod';
import { EmptySchema, message } from './common';

export const PANEL_UI_MESSAGES = {
  loadPanelUi: message(() => EmptySchema, () => z.null()),
} as const;
