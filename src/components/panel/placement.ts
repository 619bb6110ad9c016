/**
 * Where the panel goes. CRMs open their own dialogs in the middle of the window (amoCRM asks
 * its loss reason there right after a close, Bitrix24 its failure popup), so the panel keeps
 * that centre clear: beside the control that closed the lead (right of it, else left of it) when
 * that stays out of the centre, otherwise as a side sheet at the right edge, level with the
 * control when there is one. Always inside the viewport. Pure: sizes in, position out.
 */
export interface Box {
  top: number;
  left: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

export type Placement = { placement: 'beside-right' | 'beside-left' | 'sheet'; top: number; left: number };

/** Half the width of the centre band kept clear for the CRM's own dialogs (amoCRM's modal is 440 px). */
export const CENTRE_HALF_WIDTH = 220;

export function placePanel(input: {
  anchor: Box | null;
  viewport: { width: number; height: number };
  panel: { width: number; height: number };
  gap?: number;
  margin?: number;
}): Placement {
  const { anchor, viewport, panel, gap = 12, margin = 16 } = input;
  const sheetLeft = Math.max(margin, viewport.width - panel.width - margin);
  const visible =
    anchor && anchor.width + anchor.height > 0 && anchor.bottom > 0 && anchor.top < viewport.height && anchor.right > 0 && anchor.left < viewport.width;
  if (!anchor || !visible) return { placement: 'sheet', top: margin, left: sheetLeft };

  const top = Math.min(Math.max(anchor.top, margin), Math.max(margin, viewport.height - panel.height - margin));
  const centre = { left: viewport.width / 2 - CENTRE_HALF_WIDTH, right: viewport.width / 2 + CENTRE_HALF_WIDTH };
  const clearOfCentre = (left: number) => left + panel.width <= centre.left || left >= centre.right;

  const right = anchor.right + gap;
  if (right + panel.width + margin <= viewport.width && clearOfCentre(right)) return { placement: 'beside-right', top, left: right };
  const left = anchor.left - gap - panel.width;
  if (left >= margin && clearOfCentre(left)) return { placement: 'beside-left', top, left };
  return { placement: 'sheet', top, left: sheetLeft };
}
