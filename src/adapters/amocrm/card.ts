/**
 * Lead card: the status dropdown set to «Закрыто и не реализовано» (143), in any pipeline. The
 * dropdown is moved under <body> while open, so the listener sits on the document, in the
 * capture phase, before amoCRM redraws the status view.
 */
import { readCardContext, readCardStatus } from './context';
import { SEL, STATUS_LOST } from './facts';
import { leadIdFromUrl } from './page';
import type { Watch } from './watch';

export type CardStatus = ReturnType<typeof readCardStatus>;

/** Watches the card; returns the status seen before the manager's latest action (for closes seen only as requests). */
export function watchCard(w: Watch): { before(): CardStatus | null } {
  const { signal } = w.rt;
  let before: CardStatus | null = null;
  // Before any action of the manager (a click, a key), note the status still shown: a close made
  // through a path we only see as a request is reported after amoCRM has redrawn the view, and a
  // save of a lead that was already lost repeats lead[STATUS]=143 without closing anything.
  const remember = () => {
    const now = readCardStatus(document);
    if (now.stage) before = now;
  };
  document.addEventListener('pointerdown', remember, { capture: true, signal });
  document.addEventListener('keydown', remember, { capture: true, signal });

  document.addEventListener(
    'change',
    (event) => {
      const radio = event.target;
      if (!(radio instanceof HTMLInputElement) || !radio.matches(SEL.statusRadio) || !radio.checked) return;
      const url = new URL(location.href);
      if (radio.value !== STATUS_LOST) {
        const leadId = leadIdFromUrl(url);
        if (leadId) w.reopened(leadId);
        return;
      }
      const lead = readCardContext(document, url, w.globals(), { statusId: radio.value, radio });
      if (lead) w.report({ via: 'card', leads: [lead], anchor: document.querySelector(SEL.statusView) });
    },
    { capture: true, signal },
  );
  return { before: () => before };
}
