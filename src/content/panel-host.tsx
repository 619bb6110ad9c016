/**
 * Mounts the panel as <whylost-panel> with an open shadow root (styles isolated both ways),
 * fixed at the side of the viewport so the CRM layout never shifts, above the CRM's modals.
 * Focus returns to where it was in the CRM when the panel closes.
 */
import { useSyncExternalStore } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { useStore } from 'zustand';
import { Panel, type PanelProps } from '../components/panel/Panel';
import css from '../components/panel/panel.css?inline';
import type { PanelStore } from '../components/panel/store';

export const PANEL_TAG = 'whylost-panel';

type Env = Omit<PanelProps, 'items' | 'onSave' | 'onLater' | 'segment'> & {
  /** Shown above the panel: stored settings were invalid, defaults are in use. */
  notice?: string | null;
  segmentFor(items: PanelProps['items']): PanelProps['segment'];
  save(session: number, answer: Parameters<PanelProps['onSave']>[0]): Promise<string | null>;
  later(): void;
};

/** Bumped when settings or the catalog change, so an open panel re-renders with them. */
interface ConfigChanges {
  subscribe(listener: () => void): () => void;
  version(): number;
}

function PanelView({ store, env, changes }: { store: PanelStore; env: () => Env; changes: ConfigChanges }) {
  useSyncExternalStore(changes.subscribe, changes.version);
  const session = useStore(store, (s) => s.sessions[0]);
  if (!session) return null;
  const e = env();
  const segment = e.segmentFor(session.items);
  return (
    <>
      {e.notice && (
        <p data-testid="wl-notice" role="status" style={NOTICE_STYLE}>
          {e.notice}
        </p>
      )}
      <Panel
        // A segment rule changed while the panel was open: start over with that segment's reasons.
        key={`${session.items[0]?.id}|${segment}`}
        items={session.items}
        catalog={e.catalog}
        rules={e.rules}
        lang={e.lang}
        t={e.t}
        segment={segment}
        onSave={(answer) => e.save(0, answer)}
        onLater={e.later}
      />
    </>
  );
}

const NOTICE_STYLE = {
  margin: '0 0 8px',
  padding: '8px 12px',
  maxWidth: '380px',
  borderRadius: '8px',
  background: '#fff4e6',
  color: '#7a2e00',
  font: '13px/1.4 system-ui, sans-serif',
  boxShadow: '0 2px 8px rgba(0,0,0,.15)',
} as const;

export class PanelHost {
  private ui: ShadowRootContentScriptUi<Root> | null = null;
  private mounting: Promise<void> | null = null;
  private returnFocus: Element | null = null;
  private configVersion = 0;
  private readonly configListeners = new Set<() => void>();
  private readonly changes: ConfigChanges = {
    subscribe: (listener) => {
      this.configListeners.add(listener);
      return () => this.configListeners.delete(listener);
    },
    version: () => this.configVersion,
  };

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
          root.render(<PanelView store={this.store} env={this.env} changes={this.changes} />);
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

  /** Settings or catalog changed: an open panel shows the new labels, reasons, rules and language. */
  configChanged(): void {
    this.configVersion++;
    this.configListeners.forEach((listener) => listener());
  }

  hide(): void {
    this.ui?.remove();
    const back = this.returnFocus;
    this.returnFocus = null;
    if (back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }
}
