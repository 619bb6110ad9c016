/**
 * amoCRM / Kommo adapter. Paths watched: the lead card's status dropdown set to «Закрыто и не
 * реализовано» (143). The dropdown is moved under <body> while open, so the listener sits on
 * the document, in the capture phase, before amoCRM redraws the status view.
 */
import { z } from 'zod';
import type { CrmAdapter } from '../types';
import { readCardContext, type PageGlobals } from './context';
import { ANCHORS, SEL, STATUS_LOST } from './facts';
import { amoPage, leadIdFromUrl } from './page';

const GlobalsSchema = z.object({
  user: z.object({ id: z.string().nullable(), name: z.string().nullable() }),
  account: z.string().nullable(),
});

export const amocrmAdapter: CrmAdapter = {
  crm: 'amocrm',
  anchors: ANCHORS,
  page: (url) => amoPage(url),

  start(rt, page) {
    let globals: PageGlobals | null = null;
    rt.onBridge((m) => {
      if (m.type !== 'context') return;
      const parsed = GlobalsSchema.safeParse(m.payload);
      if (parsed.success) globals = parsed.data;
    });
    rt.toBridge('context?');

    if (page === 'lead-card') {
      document.addEventListener(
        'change',
        (event) => {
          const radio = event.target;
          if (!(radio instanceof HTMLInputElement) || !radio.matches(SEL.statusRadio) || !radio.checked) return;
          if (radio.value !== STATUS_LOST) return;
          const lead = readCardContext(document, new URL(location.href), globals, { statusId: radio.value, radio });
          if (lead) rt.close({ via: 'card', leads: [lead], anchor: document.querySelector(SEL.statusView) });
        },
        { capture: true, signal: rt.signal },
      );
    }
  },

  readContext(url, doc) {
    if (!leadIdFromUrl(url)) return null;
    const view = doc.querySelector<HTMLElement>(SEL.statusView);
    return readCardContext(doc, url, null, { statusId: view?.dataset.statusId ?? STATUS_LOST });
  },
};
