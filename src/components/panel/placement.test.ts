import { describe, expect, it } from 'vitest';
import { placePanel, type Box } from './placement';

const box = (left: number, top: number, width: number, height: number): Box => ({ left, top, width, height, right: left + width, bottom: top + height });
const viewport = { width: 1280, height: 800 };
const panel = { width: 400, height: 500 };

describe('placePanel', () => {
  it('goes right of the control that closed the lead, top-aligned', () => {
    expect(placePanel({ anchor: box(90, 66, 350, 54), viewport, panel })).toEqual({ placement: 'beside-right', top: 66, left: 452 });
  });

  it('goes left of it when there is no room on the right', () => {
    expect(placePanel({ anchor: box(1000, 100, 200, 40), viewport, panel })).toEqual({ placement: 'beside-left', top: 100, left: 588 });
  });

  it('stays inside the viewport vertically', () => {
    expect(placePanel({ anchor: box(90, 700, 350, 40), viewport, panel }).top).toBe(284);
    expect(placePanel({ anchor: box(90, 5, 350, 40), viewport, panel }).top).toBe(16);
    expect(placePanel({ anchor: box(90, 100, 350, 40), viewport, panel: { width: 400, height: 900 } }).top).toBe(16);
  });

  it('is a side sheet without an anchor, with an off-screen or empty one, or with no room either side', () => {
    const sheet = { placement: 'sheet', top: 16, left: 864 };
    expect(placePanel({ anchor: null, viewport, panel })).toEqual(sheet);
    expect(placePanel({ anchor: box(90, -200, 350, 40), viewport, panel })).toEqual(sheet);
    expect(placePanel({ anchor: box(0, 0, 0, 0), viewport, panel })).toEqual(sheet);
    expect(placePanel({ anchor: box(300, 100, 700, 40), viewport, panel })).toEqual(sheet);
  });
});
