/**
 * The content-script runtime shared by every CRM: runs the adapter on each page (restarting on
 * SPA navigation), turns its close reports into pending records and the panel, and reports
 * detection health. Adapters only observe; everything else happens here.
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AdapterRuntime, CloseEvent, CrmAdapter } from '../adapters/types';
import type { Catalog } from '../core/catalog';
import { areaTranslator, resolveLang, type Translate } from '../core/i18n-core';
import { detector } from '../core/messages/detector';
import { newRecordId, type Lang } from '../core/primitives';
import type { CaptureRequest } from '../core/protocol';
import { leadKeyOf, type Answer, type LeadContext } from '../core/rejection';
import { chooseSegment, type LastSegments } from '../core/segments';
import type { Settings } from '../core/settings';
import { createPanelStore, type OpenSession } from '../components/panel/store';
import { call } from '../platform/messaging';
import { lastSegmentsItem, loadLastSegments, saveLastSegment } from '../platform/last-segments';
import { browserLanguages } from '../platform/browser-lang';
import { loadCatalog, loadSettingsForContent, watchConfig } from '../platform/stored';
import { listenBridge, sendBridge } from './bridge';
import { sameNative, suggestedReason, withNative } from './native';
import { hideHealthChip, showHealthChip } from './health-chip';
import { startManual } from './manual';
import { lazyPanel } from './panel-loader';

/** The same close reported again (DOM and request, a repeated event) within this time opens no second panel. */
const REPEAT_MS = 15_000;
/** How long a page may take to render its anchors before it counts as broken. */
const SETTLE_MS = 6_000;

/** The texts this script shows itself; the panel brings its own. */
type DetectorTranslate = Translate<keyof typeof detector.en>;
const DETECTOR_AREAS = [detector] as const;

interface Config {
  settings: Settings;
  catalog: Catalog;
  lang: Lang;
  t: DetectorTranslate;
  /** The segment last chosen in the panel, per pipeline. */
  memory: LastSegments;
  /** A stored value was invalid and defaults are in use: the panel says so. */
  problems: string[];
}

async function loadConfig(): Promise<Config> {
  const [{ settings, problem }, { catalog, problem: catalogProblem }, memory] = await Promise.all([
    loadSettingsForContent(),
    loadCatalog(),
    loadLastSegments(),
  ]);
  const lang = resolveLang(settings.language, browserLanguages());
  const problems = [problem, catalogProblem].filter((p): p is string => Boolean(p));
  return { settings, catalog, lang, t: areaTranslator(lang, DETECTOR_AREAS), memory, problems };
}

export async function runContent(ctx: ContentScriptContext, adapter: CrmAdapter): Promise<void> {
  let config = await loadConfig();
  const store = createPanelStore();
  const recent = new Map<string, { at: number; item: CaptureRequest }>();

  const panel = lazyPanel(
    ctx,
    store,
    () => ({
      catalog: config.catalog,
      rules: config.settings.comments,
      lang: config.lang,
      settingsProblem: config.problems.length > 0,
      segmentFor: (items) => chooseSegment(items[0]!.context, config.settings, config.memory),
      save,
      later,
    }),
    (message) => showHealthChip(config.t('detector.panelUnavailable', { message }), config.t('health.dismiss'), ctx.signal),
  );
  const unsubscribe = store.subscribe((s, prev) => {
    if (!s.sessions.length && prev.sessions.length) panel.hide();
  });
  ctx.onInvalidated(unsubscribe);

  /** Tags the leads `ids` of a session (all of a batch, or the current one of "one by one"). */
  async function save(session: OpenSession, answer: Answer, ids: string[]): Promise<{ code: string; message: string } | null> {
    const items = session.items.filter((item) => ids.includes(item.id));
    const results = await Promise.all(items.map((item) => call('tag', { id: item.id, answer, capture: item })));
    const saved = items.filter((_, i) => results[i]?.ok).map((item) => item.id);
    const finished = store.getState().resolve(saved);
    finished.forEach((s) => s.hold?.proceed());
    const first = items[0];
    if (saved.length && first && answer.segment && answer.segment !== chooseSegment(first.context, config.settings, config.memory).segment) {
      // The manager switched the segment: remember it for this pipeline.
      config.memory = await saveLastSegment(first.context, answer.segment).catch(() => config.memory);
    }
    const failed = results.find((r) => !r.ok);
    return failed && !failed.ok ? failed.error : null;
  }

  function later(): void {
    const session = store.getState().sessions[0];
    session?.hold?.cancel();
    store.getState().shift();
  }

  function close(event: CloseEvent): void {
    const now = Date.now();
    const items: CaptureRequest[] = [];
    for (const lead of event.leads) {
      const key = `${leadKeyOf(lead)}|${lead.toStage.id}`;
      const seen = recent.get(key);
      if (seen && now - seen.at < REPEAT_MS) {
        if (lead.native) native(lead, lead.native); // a later report (the request) may know the CRM's own reason
        continue;
      }
      const item: CaptureRequest = { id: newRecordId(), via: event.via, detectedAt: now, context: lead };
      recent.set(key, { at: now, item });
      items.push(item);
    }
    if (!items.length) {
      event.hold?.proceed();
      return;
    }
    // Show the panel first (it must be up within 50 ms); the pending writes go out at the same time.
    store.getState().push({ items, hold: event.hold, anchor: event.anchor, suggestedReasonId: suggestedReason(items, config.catalog) });
    void panel.show(event.anchor);
    for (const item of items) {
      void call('capture', item).then((res) => {
        if (res.ok && res.value.id !== item.id) {
          // An earlier record stands for this close: the panel, an undo and a later native reason use its id.
          store.getState().adoptId(item.id, res.value.id);
          for (const [key, entry] of recent) {
            if (entry.item.id === item.id) recent.set(key, { ...entry, item: { ...entry.item, id: res.value.id } });
          }
        }
        if (!res.ok) console.warn('[WhyLost] pending record not written:', res.error.message);
      });
    }
  }

  function withdraw(lead: Parameters<AdapterRuntime['withdraw']>[0]): void {
    for (const [key, { item }] of recent) {
      const c = item.context;
      if (c.leadId !== lead.leadId || c.entityType !== lead.entityType) continue;
      if (lead.toStageId && c.toStage.id !== lead.toStageId) continue;
      recent.delete(key);
      void call('withdraw', { id: item.id });
      store.getState().resolve([item.id]);
    }
  }

  function native(lead: Pick<LeadContext, 'leadId' | 'entityType'>, value: NonNullable<LeadContext['native']>): void {
    for (const [key, entry] of recent) {
      const c = entry.item.context;
      if (c.leadId !== lead.leadId || c.entityType !== lead.entityType || sameNative(c.native, value)) continue;
      const item = { ...entry.item, context: { ...c, native: value } };
      recent.set(key, { ...entry, item });
      store.setState((s) => ({ sessions: withNative(s.sessions, item, value, config.catalog) }));
      void call('setNative', { id: item.id, native: value, capture: item });
    }
  }

  startManual(ctx, adapter, close);

  let page: AbortController | null = null;
  const startPage = (next?: URL) => {
    page?.abort();
    page = new AbortController();
    const signal = AbortSignal.any([page.signal, ctx.signal]);
    hideHealthChip();
    // On SPA navigation the event comes before `location` changes (Navigation API): use its URL.
    const url = next ?? new URL(location.href);
    const kind = adapter.page(url, document);
    if (!kind || !config.settings.crms[adapter.crm].enabled) return;
    const hooksMissing = new Set<string>();
    const bridgeListeners: ((m: Parameters<Parameters<AdapterRuntime['onBridge']>[0]>[0]) => void)[] = [];
    listenBridge(adapter.crm, signal, (m) => bridgeListeners.forEach((l) => l(m)));
    const health = watchHealth(adapter, kind, url, hooksMissing, signal, () => config.t);
    const rt: AdapterRuntime = {
      signal,
      url,
      settings: () => config.settings,
      close,
      withdraw,
      native,
      hookMissing: (name) => {
        hooksMissing.add(name);
        health.check(true);
      },
      onBridge: (listener) => bridgeListeners.push(listener),
      toBridge: (type, payload) => sendBridge(adapter.crm, type, payload),
    };
    // The panel's code comes when the manager starts working on the page (a close follows a
    // click or a key), so the first panel needs no wait; pages only looked at never load it.
    for (const type of ['pointerdown', 'keydown'] as const) {
      window.addEventListener(type, panel.prefetch, { capture: true, once: true, passive: true, signal });
    }
    try {
      adapter.start(rt, kind);
    } catch (error) {
      console.error('[WhyLost] adapter failed to start', error);
      rt.hookMissing('adapter-start');
    }
  };

  const unwatch = watchConfig(async () => {
    const wasEnabled = config.settings.crms[adapter.crm].enabled;
    config = await loadConfig();
    panel.configChanged();
    if (wasEnabled !== config.settings.crms[adapter.crm].enabled) startPage();
  });
  ctx.onInvalidated(unwatch);
  ctx.onInvalidated(lastSegmentsItem.watch(() => void loadLastSegments().then((memory) => (config.memory = memory))));
  ctx.addEventListener(window, 'wxt:locationchange', (event) => startPage(event.newUrl));
  startPage();
}

/**
 * Checks the page's required anchors: reports "ok" as soon as all are there, "broken" when they
 * are still missing after SETTLE_MS (or a hook is missing), and "ok" again if they turn up later.
 * Polls a few selectors instead of observing mutations: an idle CRM page pays nothing per mutation.
 */
function watchHealth(
  adapter: CrmAdapter,
  kind: string,
  url: URL,
  hooksMissing: Set<string>,
  signal: AbortSignal,
  t: () => DetectorTranslate,
): { check(final: boolean): void } {
  const required = adapter.anchors.filter((a) => a.required && a.pages.includes(kind));
  const started = Date.now();
  let reported: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const check = (final: boolean) => {
    if (signal.aborted) return;
    const missing = [...required.filter((a) => !document.querySelector(a.selector)).map((a) => a.name), ...hooksMissing];
    const ok = missing.length === 0;
    const settled = final || ok || Date.now() - started >= SETTLE_MS;
    if (settled && reported !== ok) {
      reported = ok;
      void call('reportHealth', {
        crm: adapter.crm,
        host: url.hostname.toLowerCase(),
        page: kind,
        ok,
        missing,
        url: url.href,
        at: Date.now(),
      });
      if (ok) hideHealthChip();
      else showHealthChip(t()('health.broken', { missing: missing.join(', ') }), t()('health.dismiss'), signal);
    }
    if (!ok || !settled) {
      clearTimeout(timer);
      timer = setTimeout(() => check(false), settled ? 2_000 : 500);
    }
  };
  signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  check(false);
  return { check };
}
