/**
 * amoCRM / Kommo adapter. Paths watched: the lead card's status dropdown (card.ts), a kanban
 * card dropped on «Closed - lost» (kanban.ts), the list's bulk «Изменить этап» (list.ts), and
 * the web UI's own status-change requests (request-watch.ts, from the main-world script) —
 * each reporting status 143 «Закрыто и не реализовано» with the lead's context; amoCRM's own
 * loss reason is added where the account uses them (native.ts).
 */
import type { CrmAdapter } from '../types';
import { watchCard } from './card';
import { readCardContext } from './context';
import { ANCHORS, SEL, STATUS_LOST } from './facts';
import { watchKanban } from './kanban';
import { watchList } from './list';
import { watchNativeReason } from './native';
import { amoPage, leadIdFromUrl, pipelineIdFromUrl } from './page';
import { watchRequests } from './request-watch';
import { createWatch } from './watch';

export const amocrmAdapter: CrmAdapter = {
  crm: 'amocrm',
  anchors: ANCHORS,
  page: (url) => amoPage(url),

  start(rt, page) {
    const w = createWatch(rt);
    const pipelineId = pipelineIdFromUrl(rt.url);
    const card = page === 'lead-card' ? watchCard(w) : null;
    if (page === 'kanban') watchKanban(w, pipelineId);
    if (page === 'list') watchList(w, pipelineId);
    watchNativeReason(w, page);
    watchRequests(w, page, { pipelineId, cardBefore: () => card?.before() ?? null });
  },

  readContext(url, doc) {
    if (!leadIdFromUrl(url)) return null;
    const view = doc.querySelector<HTMLElement>(SEL.statusView);
    return readCardContext(doc, url, null, { statusId: view?.dataset.statusId ?? STATUS_LOST });
  },
};
