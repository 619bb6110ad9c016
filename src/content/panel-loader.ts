/**
 * The panel, loaded when needed. The always-injected content script carries no React and no
 * panel: on the page's first sign of work (a pointer or key press) or at the first close it asks
 * the background to inject the panel's script into this frame, which registers itself under
 * PANEL_UI_GLOBAL in the content scripts' shared isolated world.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { PANEL_UI_GLOBAL } from '../adapters/panel-script';
import type { PanelStore } from '../components/panel/store';
import { call } from '../platform/messaging';
import type { PanelEnv } from './panel-host';

export interface PanelApi {
  show(anchor?: Element | null): Promise<void>;
  hide(): void;
  configChanged(): void;
}

export interface PanelUiModule {
  createHost(ctx: ContentScriptContext, store: PanelStore, env: () => PanelEnv): PanelApi;
}

type WithPanelUi = { [PANEL_UI_GLOBAL]?: PanelUiModule };

export function lazyPanel(
  ctx: ContentScriptContext,
  store: PanelStore,
  env: () => PanelEnv,
  /** The panel could not be loaded: the close stays pending; say so on the page. */
  unavailable: (message: string) => void,
): PanelApi & { prefetch(): void } {
  let host: PanelApi | null = null;
  let loading: Promise<PanelApi> | null = null;

  const load = (): Promise<PanelApi> =>
    (loading ??= (async () => {
      const global = globalThis as WithPanelUi;
      if (!global[PANEL_UI_GLOBAL]) {
        const res = await call('loadPanelUi', {});
        if (!res.ok) throw new Error(res.error.message);
      }
      const ui = global[PANEL_UI_GLOBAL];
      if (!ui) throw new Error('the panel script did not register');
      return (host = ui.createHost(ctx, store, env));
    })().catch((error: unknown) => {
      loading = null; // the next close tries again
      throw error;
    }));

  return {
    prefetch: () => void load().catch(() => undefined),
    async show(anchor) {
      try {
        const panel = await load();
        // The close may have been answered elsewhere or undone while the panel was loading.
        if (store.getState().sessions.length) await panel.show(anchor);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.error('[WhyLost] the panel could not be loaded:', message);
        unavailable(message);
      }
    },
    hide: () => host?.hide(),
    configChanged: () => host?.configChanged(),
  };
}
