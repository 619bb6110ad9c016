/**
 * Mounts the panel as <whylost-panel> with an open shadow root (styles isolated both ways).
 * The host is a fixed box above everything (so the CRM layout never shifts), placed beside the
 * control that closed the lead or as a side sheet, in the page's light or dark look. Focus
 * returns to the CRM when the panel closes.
 */
import { useLayoutEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { useStore } from 'zustand';
import { Panel, type PanelProps } from '../components/panel/Panel';
import css from '../components/panel/panel.css?inline';
import { placePanel, type Placement } from '../components/panel/placement';
import type { OpenSession, PanelStore } from '../components/panel/store';
import { pageTheme, type Theme } from '../components/panel/theme';
import { saveFailure } from '../components/panel/explain';
import { panelTranslator } from '../components/panel/texts';

export const PANEL_TAG = 'whylost-panel';

/** What the content runtime gives the panel. The panel words everything itself (texts travel with it). */
export type PanelEnv = Pick<PanelProps, 'catalog' | 'rules' | 'lang'> & {
  /** Stored settings were invalid, defaults are in use: the panel says so above itself. */
  settingsProblem: boolean;
  segmentFor(items: OpenSession['items']): PanelProps['segment'];
  /** Resolves with the failure of the first lead not saved, or null when all were. */
  save(session: OpenSession, answer: Parameters<PanelProps['onSave']>[0], ids: string[]): Promise<{ code: string; message: string } | null>;
  later(): void;
};
type Env = PanelEnv;

/** Keeps the panel beside its anchor (re-placed when the panel or the window changes size). */
function Placed({ anchor, children }: { anchor: Element | null | undefined; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [placement, setPlacement] = useState<Placement | null>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const rect = anchor?.isConnected ? anchor.getBoundingClientRect() : null;
      const next = placePanel({
        anchor: rect,
        viewport: { width: document.documentElement.clientWidth || window.innerWidth, height: window.innerHeight },
        panel: { width: el.offsetWidth, height: el.offsetHeight },
      });
      setPlacement((p) => (p && p.top === next.top && p.left === next.left && p.placement === next.placement ? p : next));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    window.addEventListener('resize', update);
    return () => {
      observer.disconnect();
      window.removeEventListener('resize', update);
    };
  }, [anchor]);
  // The host element itself is moved (a fixed box the size of the panel): rules inside the shadow
  // root beat the page's, and the element the CRM sees covers exactly the panel.
  // Until measured (never painted: the layout effect re-renders first) it sits as a side sheet;
  // never hidden, so the panel can take focus as it mounts.
  const at = placement
    ? `top:${Math.round(placement.top)}px !important;left:${Math.round(placement.left)}px !important;`
    : 'top:16px !important;right:16px !important;';
  return (
    <div ref={ref} className="wl-place" data-placement={placement?.placement}>
      <style>{`:host{${at}}`}</style>
      {children}
    </div>
  );
}

/** Bumped when settings or the catalog change, so an open panel re-renders with them. */
interface ConfigChanges {
  subscribe(listener: () => void): () => void;
  version(): number;
}

function PanelView({ store, env, theme, changes }: { store: PanelStore; env: () => Env; theme: () => Theme; changes: ConfigChanges }) {
  useSyncExternalStore(changes.subscribe, changes.version);
  const session = useStore(store, (s) => s.sessions[0]);
  if (!session) return null;
  const e = env();
  const t = panelTranslator(e.lang);
  const segment = e.segmentFor(session.items);
  return (
    <Placed anchor={session.anchor}>
      {e.settingsProblem && (
        <p data-testid="wl-notice" role="status" style={NOTICE_STYLE}>
          {t('config.problemShort')}
        </p>
      )}
      <Panel
        // A segment rule changed while the panel was open: start over with that segment's reasons.
        key={`${session.key}|${segment.segment}`}
        items={session.items}
        total={session.total}
        catalog={e.catalog}
        rules={e.rules}
        lang={e.lang}
        t={t}
        theme={theme()}
        segment={segment}
        initial={session.suggestedReasonId ? { reasonId: session.suggestedReasonId } : undefined}
        onSave={async (answer, ids) => {
          const failure = await e.save(session, answer, ids);
          return failure ? saveFailure(t, failure) : null;
        }}
        onLater={e.later}
      />
    </Placed>
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

function focusable(el: Element | null | undefined): el is HTMLElement {
  return el instanceof HTMLElement && el.isConnected && el !== document.body && (el.tabIndex >= 0 || el.isContentEditable);
}

export class PanelHost {
  private ui: ShadowRootContentScriptUi<Root> | null = null;
  private mounting: Promise<void> | null = null;
  private returnFocus: HTMLElement | null = null;
  private theme: Theme = 'light';
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
  async show(anchor?: Element | null): Promise<void> {
    if (this.ui?.mounted) return;
    if (this.mounting) return this.mounting;
    const active = document.activeElement;
    this.returnFocus = focusable(active) ? active : focusable(anchor) ? anchor : null;
    this.theme = pageTheme(anchor ?? null);
    this.mounting = (async () => {
      this.ui ??= await createShadowRootUi<Root>(this.ctx, {
        name: PANEL_TAG,
        // Inside the shadow root, after WXT's `:host{all:initial !important}`: important rules of the
        // shadow context beat the page's, so the CRM cannot move, hide or resize the layer.
        css: `:host{position:fixed !important;top:16px !important;left:auto !important;right:auto !important;bottom:auto !important;width:auto !important;height:auto !important;z-index:2147483647 !important;display:block !important;margin:0 !important;padding:0 !important;transform:none !important}\n${css}`,
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress', 'input', 'paste'],
        onMount: (container) => {
          const root = createRoot(container);
          root.render(<PanelView store={this.store} env={this.env} theme={() => this.theme} changes={this.changes} />);
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
    if (back?.isConnected) back.focus({ preventScroll: true });
  }

  /** Settings or catalog changed: an open panel shows the new labels, reasons, rules and language. */
  configChanged(): void {
    this.configVersion++;
    this.configListeners.forEach((listener) => listener());
  }
}
