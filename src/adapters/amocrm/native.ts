/**
 * amoCRM's own loss reason, where the account has them switched on: chosen in its modal
 * (.modal-loss-reason__header holds the save button; the radios name="lead[LOSS_REASON_ID]"
 * follow it) or in the card's inline control (.pipeline-select-view__loss-reason, whose list
 * applies a reason as soon as it is picked). It usually comes after the close: it is added to
 * the record of the close this page reported. «Без причины» (0) is no reason.
 */
import type { NativeReason } from '../../core/native-reason';
import { text } from './context';
import { NATIVE_NONE, SEL } from './facts';
import { leadIdFromUrl } from './page';
import type { Watch } from './watch';

const ID = /^\d{1,20}$/;

/** A reason radio → {id, name}; null for «Без причины» or a value that is not an id. */
export function nativeOfRadio(radio: HTMLInputElement): NativeReason | null {
  if (!ID.test(radio.value) || radio.value === NATIVE_NONE) return null;
  const label = radio.closest('label');
  return { id: radio.value, name: text(label?.querySelector(SEL.nativeRadioLabel)) ?? label?.getAttribute('title')?.trim() ?? null };
}

/** The name the page shows for a reason id (a radio of its list, or the card's control). */
export function nativeNameOnPage(doc: Document, id: string): string | null {
  if (!ID.test(id)) return null;
  const radio = doc.querySelector<HTMLInputElement>(`${SEL.nativeRadio}[value="${id}"]`);
  const fromRadio = radio ? nativeOfRadio(radio)?.name : null;
  if (fromRadio) return fromRadio;
  const control = doc.querySelector(SEL.nativeControl);
  return control?.getAttribute('data-id') === id ? text(control.querySelector(SEL.nativeLossReasonName)) : null;
}

export function watchNativeReason(w: Watch, page: string): void {
  const { signal } = w.rt;
  const leads = (): string[] => {
    const card = page === 'lead-card' ? leadIdFromUrl(new URL(location.href)) : null;
    return card ? [card] : w.lastClosed();
  };
  const pick = (radio: HTMLInputElement | null | undefined) => {
    const native = radio ? nativeOfRadio(radio) : null;
    if (native) w.native(leads(), native);
  };

  document.addEventListener(
    'click',
    (event) => {
      const accept = event.target instanceof Element ? event.target.closest(SEL.modalAccept) : null;
      const header = accept?.closest(SEL.nativeModalHeader);
      if (header) pick(header.parentElement?.querySelector<HTMLInputElement>(`${SEL.nativeRadio}:checked`));
    },
    { capture: true, signal },
  );
  document.addEventListener(
    'change',
    (event) => {
      const radio = event.target;
      if (radio instanceof HTMLInputElement && radio.type === 'radio' && radio.closest(SEL.nativeControl)) pick(radio);
    },
    { capture: true, signal },
  );
}
