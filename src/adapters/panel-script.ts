/**
 * The panel's script (entrypoints/panel-ui.content.ts, registered at run time): built to this
 * file, injected into a CRM frame by the background when the frame's content script asks.
 */
export const PANEL_UI_SCRIPT = '/content-scripts/panel-ui.js';

/** The global the panel's script sets in the content scripts' isolated world. */
export const PANEL_UI_GLOBAL = '__whylostPanelUi';
