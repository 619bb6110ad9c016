/**
 * The panel's script, injected into a CRM frame when needed (see panel-loader.ts): registers the
 * panel host for the frame's content script to use.
 */
import { PANEL_UI_GLOBAL } from '../adapters/panel-script';
import type { PanelUiModule } from './panel-loader';
import { PanelHost } from './panel-host';

export function installPanelUi(): void {
  const module: PanelUiModule = { createHost: (ctx, store, env) => new PanelHost(ctx, store, env) };
  (globalThis as { [PANEL_UI_GLOBAL]?: PanelUiModule })[PANEL_UI_GLOBAL] = module;
}
