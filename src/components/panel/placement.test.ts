import { describe, expect, it } from 'vitest';
import { CENTRE_HALF_WIDTH, placePanel, type Box } from './placement';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height, right: left + width, bottom: top + height });
const viewport = { width: 1280, height: 800 };
const panel = { width: 400, height: 500 };

describe('placePanel', () => {
  it('goes right of the control that closed the lead, top-aligned, when that keeps the centre clear', () => {
    const wide = { width: 2400, height: 900 };
    expect(placePanel({ anchor: box(90, 66, 350, 54), viewport: wide, panel })).toEqual({ placement: 'beside-right', top: 66, left: 452 });
  });

  it('goes left of it when the right side is out of room or in the centre', () => {
    const wide = { width: 2400, height: 900 };
    expect(placePanel({ anchor: box(1900, 100, 150, 40), viewport: wide, panel })).toEqual({ placement: 'beside-left', top: 100, left: 1488 });
    // At 1280 px the same spot would be in the centre: a sheet instead.
    expect(placePanel({ anchor: box(1100, 100, 150, 40), viewport, panel }).placement).toBe('sheet');
  });

  it('keeps the centre of the window clear for the CRM’s own dialogs: a side sheet level with the control', () => {
    // amoCRM card status control at 1280 px: right of it would cover amoCRM's loss-reason modal.
    const placed = placePanel({ anchor: box(90, 66, 350, 54), viewport, panel });
    expect(placed).toEqual({ placement: 'sheet', top: 66, left: 864 });
    const modal = { left: 640 - CENTRE_HALF_WIDTH, right: 640 + CENTRE_HALF_WIDTH };
    expect(placed.left).toBeGreaterThan(modal.left);
  });

  it('stays inside the viewport vertically', () => {
    expect(placePanel({ anchor: box(90, 700, 350, 40), viewport, panel }).top).toBe(284);
    expect(placePanel({ anchor: box(90, 5, 350, 40), viewport, panel }).top).toBe(16);
    expect(placePanel({ anchor: box(90, 100, 350, 40), viewport, panel: { width: 400, height: 900 } }).top).toBe(16);
  });

  it('is a side sheet at the top without an anchor, or with an off-screen or empty one', () => {
    const sheet = { placement: 'sheet', top: 16, left: 864 };
    expect(placePanel({ anchor: null, viewport, panel })).toEqual(sheet);
    expect(placePanel({ anchor: box(90, -200, 350, 40), viewport, panel })).toEqual(sheet);
    expect(placePanel({ anchor: box(0, 0, 0, 0), viewport, panel })).toEqual(sheet);
  });
});
