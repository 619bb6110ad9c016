/**
 * The Bitrix24 paths, each driven like a manager would in the fixture pages and checked in the
 * extension's database: exactly one correct record per closed item (or a withdrawn one after undo).
 * Shared by the cloud-host tests and the own-domain test, which run the same paths on another host.
 */
import { expect } from 'vitest';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { defaultSettings, type Settings } from '../../src/core/settings';
import type { Rejection } from '../../src/core/rejection';
import { eventually, storedRecords, type Harness } from './helpers';
import { dragToZone } from '../support/bitrix24';

export { dragToZone };

/** Long waits: two cores are shared by several test runs. */
export const WAIT = 20_000;
/** The main-world script lets an event arrive this long after a request it saw (EVENT_GRACE_MS) — plus margin. */
const AFTER_FALLBACK_MS = 1_800;

type Root = Page | FrameLocator;

export function panelIn(root: Root) {
  const el = root.locator('whylost-panel');
  return {
    root: el,
    reason: (id: string): Locator => el.locator(`[data-testid="wl-reason"][data-reason-id="${id}"]`),
    items: el.locator('[data-testid="wl-reason"]'),
    comment: el.locator('[data-testid="wl-comment"]'),
    save: el.locator('[data-testid="wl-save"]'),
    later: el.locator('[data-testid="wl-later"]'),
  };
}

export async function answer(root: Root, reasonId: string, comment: string): Promise<void> {
  const p = panelIn(root);
  await p.root.waitFor({ timeout: WAIT });
  await p.reason(reasonId).click();
  await p.comment.fill(comment);
  await p.save.click();
  await p.root.waitFor({ state: 'detached', timeout: WAIT });
}

/** The records of one Bitrix24 entity on one host. */
export async function recordsOf(h: Harness, host: string, entityType: string, leadId: string): Promise<Rejection[]> {
  return (await storedRecords(h.browser)).filter((r) => r.crm === 'bitrix24' && r.host === host && r.entityType === entityType && r.leadId === leadId);
}

/** Waits until the entity has records all in `status`, lets any late duplicate arrive, and returns them. */
export async function settled(h: Harness, host: string, entityType: string, leadId: string, status: Rejection['status']): Promise<Rejection[]> {
  await eventually(() => recordsOf(h, host, entityType, leadId), (r) => r.length > 0 && r.every((x) => x.status === status), WAIT);
  // A second report of the same close (request fallback after the event) could only come within this window.
  await new Promise((resolve) => setTimeout(resolve, AFTER_FALLBACK_MS));
  return recordsOf(h, host, entityType, leadId);
}

const USER = { id: '17', name: 'Ирина Соколова' };
const origin = (h: Harness, host: string) => new URL(h.server.url(host, '/')).origin;

export async function setStrict(h: Harness, strict: boolean): Promise<void> {
  const page = await h.browser.openExtensionPage('popup.html');
  // Extension pages have `chrome`; the test's own types do not describe it.
  type Local = { get(keys: string[]): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> };
  const stored = await page.evaluate(async () => {
    const local = (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local;
    const got = await local.get(['settings', 'installId']);
    return { settings: got.settings as unknown, installId: got.installId as string | undefined };
  });
  const base = (stored.settings as Settings | undefined) ?? defaultSettings(stored.installId ?? 'e2e-identity');
  const settings: Settings = { ...base, crms: { ...base.crms, bitrix24: { ...base.crms.bitrix24, strict } } };
  await page.evaluate(async (s) => (globalThis as unknown as { chrome: { storage: { local: Local } } }).chrome.storage.local.set({ settings: s }), settings);
  await page.close();
}

const kanbanStatusRequests = (h: Harness, host: string, id: string) =>
  h.server.requests.filter((r) => r.host === host && r.path.includes('crm.kanban/ajax.old.php') && new URLSearchParams(r.body).get('entity_id') === id);

// ── the paths ────────────────────────────────────────────────────────────────────────────────

/** Lead card: «Завершить обработку» → «Забраковать» → one of several junk statuses → one record. */
export async function leadCardFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/lead/details/501/'));
  await page.locator('.crm-entity-section-status-step[data-id="CONVERTED"]').click();
  await page.locator('.crm-list-end-deal .webform-small-button-decline').click();
  // Several junk statuses: the failure popup lists them all.
  await expect(page.locator('.crm-list-fail-deal .crm-list-fail-deal-button-label').allTextContents()).resolves.toEqual([
    'Некачественный лид',
    'Спам или неверный номер',
    'Нецелевой запрос',
  ]);
  await page.locator('.crm-list-fail-deal input.crm-list-fail-deal-button[value="1"]').check();
  await page.locator('.crm-list-fail-deal .popup-window-button-accept').click();
  await answer(page, 'wrong-number', 'Номер не обслуживается, почта возвращается');
  const records = await settled(h, host, 'lead', '501', 'tagged');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    crm: 'bitrix24',
    host,
    entityType: 'lead',
    entityTypeId: null,
    leadId: '501',
    title: 'Заявка с сайта: кондиционер в офис',
    url: `${origin(h, host)}/crm/lead/details/501/`,
    amount: 45000,
    pipeline: null,
    fromStage: { id: 'NEW', name: 'Не обработан' },
    toStage: { id: '1', name: 'Спам или неверный номер' },
    manager: USER,
    via: 'card',
    reasonId: 'wrong-number',
  });
  await page.close();
}

/** Deal card: the failure popup cancelled → nothing recorded; then closed as lost → one record. */
export async function dealCardFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/deal/details/1001/'));
  const close = async () => {
    await page.locator('.crm-entity-section-status-step[data-id="WON"]').click();
    await expect(page.locator('.crm-list-end-deal .crm-list-end-deal-text').textContent()).resolves.toBe('Закрытие сделки');
    await page.locator('.crm-list-end-deal .webform-small-button-decline').click();
  };
  await close();
  await page.locator('.crm-list-fail-deal .popup-window-button-link-cancel').click();
  await close();
  await page.locator('.crm-list-fail-deal .popup-window-button-accept').click(); // LOSE is preselected
  await answer(page, 'price', 'Конкурент дал цену на 15% ниже с гарантией 5 лет');
  const records = await settled(h, host, 'deal', '1001', 'tagged');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    title: 'Монтаж кондиционеров, офис на 3 этаже',
    amount: 180000,
    pipeline: { id: '0', name: 'Продажи' },
    fromStage: { id: 'EXECUTING', name: 'В работе' },
    toStage: { id: 'LOSE', name: 'Сделка провалена' },
    manager: USER,
    via: 'card',
  });
  await page.close();
}

/** Kanban: a drop on «Сделка провалена» → one record; a second drop undone with «Отменить» → withdrawn, panel closed. */
export async function kanbanFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/deal/kanban/category/0/?dropZoneTimeout=30000'));
  await dragToZone(page, '1002', 'LOSE');
  await answer(page, 'no-budget', 'Бюджет магазина урезали до следующего года');
  const kept = await settled(h, host, 'deal', '1002', 'tagged');
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({
    title: 'Поставка сплит-систем в магазин',
    amount: 96000,
    url: `${origin(h, host)}/crm/deal/details/1002/`,
    pipeline: { id: '0', name: 'Продажи' },
    fromStage: { id: 'PREPARATION', name: 'Подготовка документов' },
    toStage: { id: 'LOSE', name: 'Сделка провалена' },
    manager: USER,
    via: 'kanban',
  });
  expect(kanbanStatusRequests(h, host, '1002').map((r) => new URLSearchParams(r.body).get('status'))).toEqual(['LOSE']);

  // «Отменить» within the undo window: the card comes back, the rejection is withdrawn.
  await dragToZone(page, '1005', 'LOSE');
  const p = panelIn(page);
  await p.root.waitFor({ timeout: WAIT });
  await eventually(() => recordsOf(h, host, 'deal', '1005'), (r) => r.length === 1, WAIT);
  await page.locator('.main-kanban-dropzone[data-id="LOSE"] .main-kanban-dropzone-cancel-link').click();
  await p.root.waitFor({ state: 'detached', timeout: WAIT });
  await page.locator('.main-kanban-item[data-id="1005"]').waitFor({ state: 'visible', timeout: WAIT });
  const undone = await settled(h, host, 'deal', '1005', 'withdrawn');
  expect(undone).toHaveLength(1);
  expect(undone[0]!.withdrawnAt).not.toBeNull();
  expect(kanbanStatusRequests(h, host, '1005').map((r) => new URLSearchParams(r.body).get('status'))).toEqual(['LOSE', 'EXECUTING']);
  await page.close();
}

/** List: a row's stage bar closed as lost → one record; a bulk change of three leads to junk → one panel, three records. */
export async function listFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/deal/list/'));
  await page.locator('#DEAL_1004 .crm-list-stage-bar-part[data-id="final"]').click();
  await page.locator('.crm-list-end-deal .webform-small-button-decline').click();
  await page.locator('.crm-list-fail-deal input.crm-list-fail-deal-button[value="APOLOGY"]').check();
  await page.locator('.crm-list-fail-deal .popup-window-button-accept').click();
  await answer(page, 'no-decision', 'ЛПР так и не определился, проект заморожен');
  const single = await settled(h, host, 'deal', '1004', 'tagged');
  expect(single).toHaveLength(1);
  expect(single[0]).toMatchObject({
    title: 'Вентиляция кафе',
    pipeline: { id: '0', name: 'Продажи' },
    toStage: { id: 'APOLOGY', name: 'Анализ причины провала' },
    via: 'list',
  });
  await expect(page.locator('#DEAL_1004').getAttribute('class')).resolves.toContain('crm-list-stage-end-bad');

  await page.goto(h.server.url(host, '/crm/lead/list/'));
  for (const id of ['503', '504', '506']) await page.locator(`.main-grid-row[data-id="${id}"] .main-grid-row-checkbox`).check();
  await page.locator('.main-grid-action-stage').selectOption('JUNK');
  await page.locator('.main-grid-action-apply').click();
  const p = panelIn(page);
  await p.root.waitFor({ timeout: WAIT });
  await answer(page, 'not-target', 'Выставочные контакты без запроса на оборудование');
  for (const [id, title] of [['503', 'Форма: расчёт стоимости монтажа'], ['504', 'Чат: сплит-система в квартиру'], ['506', 'Визитка с выставки']] as const) {
    const records = await recordsOf(h, host, 'lead', id);
    expect(records, `lead ${id}`).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'tagged', title, toStage: { id: 'JUNK', name: 'Некачественный лид' }, via: 'list', reasonId: 'not-target' });
  }
  expect(await recordsOf(h, host, 'lead', '505')).toHaveLength(0);
  await page.close();
}

/** Smart process: stage flow «Завершить» → «Провал» → one of two failure stages → one record. */
export async function smartFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/type/128/details/7/'));
  await page.locator('.ui-stageflow-stage[data-stage-id="final"]').click();
  await page.locator('#ui-stageflow-select-semantic-popup .ui-btn-danger').click();
  await page.locator('#ui-stageflow-select-final-stage-popup input[name="ui-stageflow-final-fail-stage-input"][data-stage-id="105"]').check();
  await page.locator('#ui-stageflow-select-final-stage-popup .ui-btn-success').click();
  await answer(page, 'timing', 'Заказчик перенёс внедрение на следующий квартал');
  const records = await settled(h, host, 'smart', '7', 'tagged');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    entityType: 'smart',
    entityTypeId: '128',
    title: 'Внедрение CRM в филиале',
    url: `${origin(h, host)}/crm/type/128/details/7/`,
    pipeline: { id: '9', name: 'Внедрения' },
    fromStage: { id: 'DT128_9:PREPARATION', name: 'Подготовка' },
    toStage: { id: 'DT128_9:1', name: 'Отказ заказчика' },
    manager: USER,
    via: 'stageflow',
  });
  await page.close();
}

/** A deal opened from the kanban in the side panel (iframe) and closed there: the panel and the record come from inside the frame. */
export async function sliderFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/deal/kanban/category/3/'));
  await page.locator('.main-kanban-item[data-id="1003"] a.crm-kanban-item-title').click();
  const frame = page.frameLocator('iframe.slider-panel-iframe');
  await frame.locator('.crm-entity-section-status-step[data-id="C3:WON"]').click();
  await frame.locator('.crm-list-end-deal .webform-small-button-decline').click();
  await frame.locator('.crm-list-fail-deal .popup-window-button-accept').click();
  await answer(frame, 'price', 'Сервис конкурента дешевле на 20% при том же объёме');
  const records = await settled(h, host, 'deal', '1003', 'tagged');
  expect(records).toHaveLength(1);
  expect(records[0]).toMatchObject({
    title: 'Сервис ТЦ «Север»',
    url: `${origin(h, host)}/crm/deal/details/1003/`,
    pipeline: { id: '3', name: 'Сервис' },
    fromStage: { id: 'C3:EXECUTING', name: 'Выезд мастера' },
    toStage: { id: 'C3:LOSE', name: 'Отказ клиента' },
    via: 'card',
  });
  await expect(page.locator('whylost-panel').count()).resolves.toBe(0);
  await page.close();
}

/** Strict mode: a kanban drop is held until the reason is saved; a deferred panel leaves the card where it was. */
export async function strictFlow(h: Harness, host: string): Promise<void> {
  await setStrict(h, true);
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/lead/kanban/?dropZoneTimeout=30000'));
  await dragToZone(page, '502', 'JUNK');
  const p = panelIn(page);
  await p.root.waitFor({ timeout: WAIT });
  // Held: the card has not moved and nothing was saved.
  await expect(page.locator('.main-kanban-column[data-id="IN_PROCESS"] .main-kanban-item[data-id="502"]').isVisible()).resolves.toBe(true);
  expect(kanbanStatusRequests(h, host, '502')).toHaveLength(0);
  await answer(page, 'spam', 'Робот-обзвонщик, одна и та же запись трижды');
  // Released: Bitrix's own move goes on (card captured by the zone, status saved).
  await page.locator('.main-kanban-item[data-id="502"]').waitFor({ state: 'hidden', timeout: WAIT });
  await eventually(async () => kanbanStatusRequests(h, host, '502').length, (n) => n === 1, WAIT);
  const kept = await settled(h, host, 'lead', '502', 'tagged');
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ toStage: { id: 'JUNK', name: 'Некачественный лид' }, fromStage: { id: 'IN_PROCESS', name: 'В работе' }, via: 'kanban' });

  // Deferred: the card stays, nothing is saved, the pending record is withdrawn (the close never happened).
  await dragToZone(page, '507', '2');
  await p.root.waitFor({ timeout: WAIT });
  await p.later.click();
  await p.root.waitFor({ state: 'detached', timeout: WAIT });
  const deferred = await settled(h, host, 'lead', '507', 'withdrawn');
  expect(deferred).toHaveLength(1);
  await expect(page.locator('.main-kanban-column[data-id="IN_PROCESS"] .main-kanban-item[data-id="507"]').isVisible()).resolves.toBe(true);
  expect(kanbanStatusRequests(h, host, '507')).toHaveLength(0);
  await page.close();
  await setStrict(h, false);
}

/** Without Bitrix's events (older or changed portal): the requests alone still give one record per close, and the undo. */
export async function fallbackFlow(h: Harness, host: string): Promise<void> {
  const page = await h.browser.context.newPage();
  await page.goto(h.server.url(host, '/crm/deal/details/1002/?variant=no-events'));
  await page.locator('.crm-entity-section-status-step[data-id="WON"]').click();
  await page.locator('.crm-list-end-deal .webform-small-button-decline').click();
  await page.locator('.crm-list-fail-deal .popup-window-button-accept').click();
  await answer(page, 'price', 'Нашли поставщика дешевле на 12%');
  const card = await settled(h, host, 'deal', '1002', 'tagged');
  expect(card).toHaveLength(1);
  expect(card[0]).toMatchObject({ title: 'Поставка сплит-систем в магазин', toStage: { id: 'LOSE', name: 'Сделка провалена' }, pipeline: { id: '0', name: 'Продажи' }, via: 'card' });

  await page.goto(h.server.url(host, '/crm/deal/kanban/category/0/?variant=no-events&dropZoneTimeout=30000'));
  await dragToZone(page, '1004', 'APOLOGY');
  await answer(page, 'no-decision', 'Собственник кафе отложил ремонт на год');
  const kept = await settled(h, host, 'deal', '1004', 'tagged');
  expect(kept).toHaveLength(1);
  expect(kept[0]).toMatchObject({ title: 'Вентиляция кафе', toStage: { id: 'APOLOGY', name: 'Анализ причины провала' }, via: 'kanban' });

  await dragToZone(page, '1005', 'LOSE');
  await panelIn(page).root.waitFor({ timeout: WAIT });
  await eventually(() => recordsOf(h, host, 'deal', '1005'), (r) => r.length === 1, WAIT);
  await page.locator('.main-kanban-dropzone[data-id="LOSE"] .main-kanban-dropzone-cancel-link').click();
  await panelIn(page).root.waitFor({ state: 'detached', timeout: WAIT });
  expect(await settled(h, host, 'deal', '1005', 'withdrawn')).toHaveLength(1);
  await page.close();
}
