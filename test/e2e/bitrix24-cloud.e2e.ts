/**
 * Bitrix24 on a cloud portal (demo.bitrix24.ru), every path in real Chromium: card progress bar
 * (termination + failure popups), kanban drop zones with «Отменить», list single and bulk, smart-process
 * stage flow, a card in the side-panel iframe. Each leaves exactly one correct record per closed item.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { dealCardFlow, kanbanFlow, leadCardFlow, listFlow, sliderFlow, smartFlow } from './bitrix24-flows';
import { startHarness, type Harness } from './helpers';

const HOST = 'demo.bitrix24.ru';
let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('Bitrix24 cloud portal', () => {
  it('lead card: «Забраковать» with several junk statuses', () => leadCardFlow(h, HOST));
  it('deal card: a cancelled failure popup records nothing, a lost deal one record', () => dealCardFlow(h, HOST));
  it('kanban: drop zone → one record; «Отменить» → withdrawn', () => kanbanFlow(h, HOST));
  it('list: stage bar of one row, and a bulk change of three leads', () => listFlow(h, HOST));
  it('smart process: stage flow to one of two failure stages', () => smartFlow(h, HOST));
  it('side panel: a card opened in the slider iframe', () => sliderFlow(h, HOST));
});
