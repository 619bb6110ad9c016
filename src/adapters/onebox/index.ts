/**
 * OneBox adapter. OneBox has no system "lost" stage: a close is the open order reaching one of
 * the refusal stages configured for this host (./stages.ts). Paths watched on the order card:
 *  - the visible current stage changing (a MutationObserver on the workflow block only);
 *  - the stage-change requests the page sends, once answered as accepted (main-world script).
 * Both can see one move: the first report wins, the other is dropped here and in the runtime.
 * A move between two refusal stages is not a new close.
 */
import { z } from 'zod';
import { lazySchema } from '../../core/lazy-schema';
import type { Named } from '../../core/primitives';
import type { AdapterRuntime, CrmAdapter } from '../types';
import { currentStage, readOrderContext, stageById } from './context';
import { ANCHORS, SEL } from './facts';
import { oneboxPage, orderIdFromUrl } from './page';
import { normalizeStage, refusalStagesFor, stageMatcher } from './stages';

const StageRequestSchema = lazySchema(() => z.object({
  changes: z
    .array(z.object({ orderId: z.string().max(100).nullable(), statusId: z.string().min(1).max(100), workflowId: z.string().max(100).nullable() }))
    .max(500),
}));
const HooksSchema = lazySchema(() => z.object({ xhr: z.boolean(), fetch: z.boolean() }));

/** The same move reported by both paths within this time is one close. */
const REPEAT_MS = 15_000;
/** The main-world script answers at once; no answer in this time means the request watch is missing. */
const HOOKS_WAIT_MS = 8_000;
/** How often the workflow block is looked up again (the page may re-render it). */
const REATTACH_MS = 1_000;

const same = (a: Named | null | undefined, b: Named | null | undefined): boolean =>
  Boolean(a && b && (a.id === b.id || (a.name !== null && b.name !== null && normalizeStage(a.name) === normalizeStage(b.name))));

export const oneboxAdapter: CrmAdapter = {
  crm: 'onebox',
  anchors: ANCHORS,
  page: (url) => oneboxPage(url),

  start(rt, page) {
    if (page !== 'order-card') return;
    watchOrderCard(rt);
  },

  readContext(url, doc) {
    return readOrderContext(doc, url, null);
  },
};

function watchOrderCard(rt: AdapterRuntime): void {
  const isRefusal = (stage: Named | null): boolean =>
    Boolean(stage && stageMatcher(refusalStagesFor(rt.settings().onebox, rt.url.hostname)).isRefusal(stage));
  /** The stage last seen on the page (undefined: not rendered yet) and the one before it. */
  let seen: Named | null | undefined;
  let before: Named | null = null;
  let fired: { to: Named; at: number } | null = null;

  const fire = (to: Named, from: Named | null, via: 'card' | 'request', workflowId: string | null = null) => {
    if (!isRefusal(to) || isRefusal(from)) return;
    if (fired && same(fired.to, to) && Date.now() - fired.at < REPEAT_MS) return;
    const lead = readOrderContext(document, new URL(location.href), to, from);
    if (!lead) return;
    if (workflowId && lead.pipeline?.id !== workflowId) lead.pipeline = { id: workflowId, name: null };
    fired = { to, at: Date.now() };
    rt.close({ via, leads: [lead], anchor: document.querySelector(SEL.stageCurrent) });
  };

  // 1. The visible stage.
  const onVisible = () => {
    const now = currentStage(document);
    if (seen === undefined) {
      seen = now;
      return;
    }
    if (!now || (seen && now.id === seen.id && now.name === seen.name)) return;
    const from = seen;
    before = seen;
    seen = now;
    fire(now, from, 'card');
  };
  const observer = new MutationObserver(onVisible);
  let observed: Element | null = null;
  const attach = () => {
    const box = document.querySelector(SEL.workflow);
    if (box === observed) return;
    observer.disconnect();
    observed = box;
    if (box) observer.observe(box, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-status-id'] });
    onVisible();
  };
  attach();
  const timer = setInterval(attach, REATTACH_MS);

  // 2. The page's stage-change requests.
  let hooksAnswered = false;
  rt.onBridge((m) => {
    if (m.type === 'hooks') {
      hooksAnswered = true;
      const hooks = HooksSchema.safeParse(m.payload);
      if (!hooks.success || !hooks.data.xhr) rt.hookMissing('request-watch:xhr');
      else if (!hooks.data.fetch) rt.hookMissing('request-watch:fetch');
      return;
    }
    if (m.type !== 'stage-request') return;
    const parsed = StageRequestSchema.safeParse(m.payload);
    if (!parsed.success) return;
    const open = orderIdFromUrl(new URL(location.href));
    for (const change of parsed.data.changes) {
      if (change.orderId && change.orderId !== open) continue;
      const to = stageById(document, change.statusId);
      // The page may already show the new stage (then the visible-stage path has seen it).
      const from = seen && seen.id !== to.id ? seen : before;
      fire(to, from, 'request', change.workflowId);
    }
  });
  rt.toBridge('hooks?');
  const hooksTimer = setTimeout(() => hooksAnswered || rt.hookMissing('request-watch'), HOOKS_WAIT_MS);

  rt.signal.addEventListener(
    'abort',
    () => {
      clearInterval(timer);
      clearTimeout(hooksTimer);
      observer.disconnect();
    },
    { once: true },
  );
}
