/**
 * Where the panel goes: beside the control that closed the lead (right of it, else left of it),
 * top-aligned with it and kept inside the viewport; as a side sheet at the right edge when there
 * is no anchor, it is off screen, or there is no room beside it. Pure: sizes in, position out.
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

export function placePanel(input: {
  anchor: Box | null;
  viewport: { width: number; height: number };
  panel: { width: number; height: number };
  gap?: number;
  margin?: number;
}): Placement {
  const { anchor, viewport, panel, gap = 12, margin = 16 } = input;
  const sheet: Placement = { placement: 'sheet', top: margin, left: Math.max(margin, viewport.width - panel.width - margin) };
  const visible =
    anchor && anchor.width + anchor.height > 0 && anchor.bottom > 0 && anchor.top < viewport.height && anchor.right > 0 && anchor.left < viewport.width;
  if (!anchor || !visible) return sheet;
  const top = Math.min(Math.max(anchor.top, margin), Math.max(margin, viewport.height - panel.height - margin));
  if (anchor.right + gap + panel.width + margin <= viewport.width) return { placement: 'beside-right', top, left: anchor.right + gap };
  if (anchor.left - gap - panel.width >= margin) return { placement: 'beside-left', top, left: anchor.left - gap - panel.width };
  return sheet;
}
