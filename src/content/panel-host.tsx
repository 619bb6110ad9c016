/**
 * Mounts the panel as <whylost-panel> with an open shadow root (styles isolated both ways),
 * fixed at the side of the viewport so the CRM layout never shifts, above the CRM's modals.
 * Focus returns to where it was in the CRM when the panel closes.
 */
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { useStore } from 'zustand';
import { Panel, type PanelProps } from '../components/panel/Panel';
import css from '../components/panel/panel.css?inline';
import type { PanelStore } from '../components/panel/store';

export const PANEL_TAG = 'whylost-panel';

type Env = Omit<PanelProps, 'items' | 'onSave' | 'onLater' | 'segment'> & {
  segmentFor(items: PanelProps['items']): PanelProps['segment'];
  save(session: number, answer: Parameters<PanelProps['onSave']>[0]): Promise<string | null>;
  later(): void;
};

function PanelView({ store, env }: { store: PanelStore; env: () => Env }) {
  const session = useStore(store, (s) => s.sessions[0]);
  if (!session) return null;
  const e = env();
  return (
    <Panel
      key={session.items[0]?.id}
      items={session.items}
      catalog={e.catalog}
      rules={e.rules}
      lang={e.lang}
      t={e.t}
      segment={e.segmentFor(session.items)}
      onSave={(answer) => e.save(0, answer)}
      onLater={e.later}
      suggestedReasonId={session.suggestedReasonId}
    />
  );
}

export class PanelHost {
  private ui: ShadowRootContentScriptUi<Root> | null = null;
  private mounting: Promise<void> | null = null;
  private returnFocus: Element | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly store: PanelStore,
    private readonly env: () => Env,
  ) {}

  /** Shows the panel if it is not already up. Resolves when it is in the page. */
  async show(): Promise<void> {
    if (this.ui?.mounted) return;
    if (this.mounting) return this.mounting;
    this.returnFocus = document.activeElement;
    this.mounting = (async () => {
      this.ui ??= await createShadowRootUi<Root>(this.ctx, {
        name: PANEL_TAG,
        // Inside the shadow root, after WXT's `:host{all:initial !important}`: important rules of the
        // shadow context beat the page's, so the CRM cannot move or hide the panel.
        css: `:host{position:fixed !important;top:16px !important;right:16px !important;z-index:2147483647 !important;display:block !important;margin:0 !important}\n${css}`,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'paste'],
        onMount: (container) => {
          const root = createRoot(container);
          root.render(<PanelView store={this.store} env={this.env} />);
          return root;
        },
        onRemove: (root) => root?.unmount(),
      });
      this.ui.mount();
    })();
    try {
      await this.mounting;
    } finally {
      this.mounting = null;
    }
  }

  hide(): void {
    this.ui?.remove();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }
}
