// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../core/settings';
import { currencyOf, readOrderContext } from './context';
import { PAGES } from './facts';
import { accountOf, oneboxPage, orderIdFromUrl } from './page';
import { accepted, stageChangesOf } from './request';
import { normalizeStage, parseStageList, refusalStagesFor, stageMatcher } from './stages';

describe('OneBox page detection', () => {
  it.each(PAGES.flatMap((p) => p.examples.map((path) => [p.kind, path] as const)))('%s ← %s', (kind, path) => {
    for (const host of ['acme.1b.app', 'acme.crm-onebox.com', 'crm.acme.com.ua']) {
      expect(oneboxPage(new URL(`https://${host}${path}`))).toBe(kind);
    }
  });

  it('ignores other pages; reads the order id and the account', () => {
    expect(oneboxPage(new URL('https://acme.1b.app/admin/shop/orders/'))).toBeNull();
    expect(oneboxPage(new URL('https://acme.1b.app/admin/contacts/5/'))).toBeNull();
    expect(orderIdFromUrl(new URL('https://acme.1b.app/admin/shop/orders/31337/'))).toBe('31337');
    expect(accountOf('acme.1b.app')).toBe('acme');
    expect(accountOf('Crm.Acme.com.ua')).toBe('crm.acme.com.ua');
  });
});

describe('refusal stages', () => {
  it('compares names ignoring case, spacing, quotes and apostrophe forms', () => {
    expect(normalizeStage('  Закрито   БЕЗ оплати ')).toBe('закрито без оплати');
    expect(normalizeStage('«Не цільовий»')).toBe('не цільовий');
    expect(normalizeStage('Об’єкт скасовано')).toBe(normalizeStage("Об'єкт скасовано"));
    const m = stageMatcher(['Відмова', '34']);
    expect(m.isRefusal({ id: '15', name: 'ВІДМОВА' })).toBe(true);
    expect(m.isRefusal({ id: '34', name: 'Закрито без оплати' })).toBe(true);
    expect(m.isRefusal({ id: '12', name: 'В роботі' })).toBe(false);
    expect(m.isRefusal({ id: '15', name: null })).toBe(false);
  });

  it("takes the host's own row, else the '*' row", () => {
    const rows = [...defaultSettings('x').onebox, { host: 'acme.1b.app', stages: ['Не цільовий'] }];
    expect(refusalStagesFor(rows, 'ACME.1b.app')).toEqual(['Не цільовий']);
    expect(refusalStagesFor(rows, 'other.1b.app')).toContain('Відмова');
    expect(refusalStagesFor([], 'acme.1b.app')).toEqual([]);
  });

  it('reads the stage box: one per line, blanks and repeats dropped', () => {
    expect(parseStageList(' Відмова \n\nвідмова\n  Не   цільовий\r\nОтказ')).toEqual(['Відмова', 'Не цільовий', 'Отказ']);
  });
});

describe('stage-change requests', () => {
  const base = 'https://acme.1b.app/admin/shop/orders/1001/';
  it('reads a form post, a JSON list (API v2 order/set) and a JSON object', () => {
    expect(stageChangesOf('POST', '/admin/shop/orders/1001/stage/', 'orderid=1001&workflowid=2&statusid=15', base)).toEqual([
      { orderId: '1001', statusId: '15', workflowId: '2' },
    ]);
    expect(
      stageChangesOf('post', 'https://acme.1b.app/api/v2/order/set/', JSON.stringify([{ id: 7, statusid: 34, workflowid: 3 }, { id: 8, name: 'x' }]), base),
    ).toEqual([{ orderId: '7', statusId: '34', workflowId: '3' }]);
    expect(stageChangesOf('PUT', '/admin/shop/orders/55/', '{"statusId":"16"}', base)).toEqual([{ orderId: '55', statusId: '16', workflowId: null }]);
    const form = new URLSearchParams({ statusid: '15' });
    expect(stageChangesOf('POST', '/admin/shop/orders/1001/stage/', form, base)).toEqual([{ orderId: '1001', statusId: '15', workflowId: null }]);
  });

  it('ignores reads, other origins, other addresses and bodies without a status', () => {
    expect(stageChangesOf('GET', '/admin/shop/orders/1001/?statusid=15', null, base)).toEqual([]);
    expect(stageChangesOf('POST', 'https://evil.example/order/', 'statusid=15', base)).toEqual([]);
    expect(stageChangesOf('POST', '/admin/contacts/5/', 'statusid=15', base)).toEqual([]);
    expect(stageChangesOf('POST', '/admin/shop/orders/1001/comment/', 'text=hi', base)).toEqual([]);
    expect(stageChangesOf('POST', '/admin/shop/orders/1001/', '{broken', base)).toEqual([]);
  });

  it('counts a move as done only when the answer accepts it', () => {
    expect(accepted(200, '{"status":1}')).toBe(true);
    expect(accepted(200, '{"status":0,"errorArray":["required"]}')).toBe(false);
    expect(accepted(200, '<div>ok</div>')).toBe(true);
    expect(accepted(200, null)).toBe(true);
    expect(accepted(500, '{"status":1}')).toBe(false);
  });
});

describe('order context', () => {
  const html = `
    <span class="ob-header__user" data-user-id="7">Олена Коваль</span>
    <h1 class="ob-order__name"> Кондиціонер   для офісу </h1>
    <section class="ob-workflow" data-workflow-id="2"><span class="ob-workflow__name">Продажі</span>
      <button class="ob-workflow__current" data-status-id="12">В роботі</button>
      <ul><li class="ob-workflow__stage" data-status-id="12">В роботі</li><li class="ob-workflow__stage" data-status-id="15">Відмова</li></ul></section>
    <span class="ob-order__sum-value">12&nbsp;500,00</span> <span class="ob-order__sum-currency">грн</span>
    <span class="ob-order__responsible" data-user-id="9">Тарас Мельник</span>`;

  it('reads what the card shows', () => {
    document.body.innerHTML = html;
    const url = new URL('https://acme.1b.app/admin/shop/orders/1001/');
    expect(readOrderContext(document, url, { id: '15', name: 'Відмова' })).toEqual({
      crm: 'onebox',
      host: 'acme.1b.app',
      account: 'acme',
      entityType: 'order',
      entityTypeId: null,
      leadId: '1001',
      title: 'Кондиціонер для офісу',
      url: url.href,
      amount: 12500,
      currency: 'UAH',
      pipeline: { id: '2', name: 'Продажі' },
      fromStage: { id: '12', name: 'В роботі' },
      toStage: { id: '15', name: 'Відмова' },
      manager: { id: '9', name: 'Тарас Мельник' },
      native: null,
    });
    // Manual tagging: the current stage, no move.
    expect(readOrderContext(document, url, null)).toMatchObject({ fromStage: null, toStage: { id: '12', name: 'В роботі' } });
    expect(readOrderContext(document, new URL('https://acme.1b.app/admin/shop/orders/'), null)).toBeNull();
  });

  it('maps shown currencies', () => {
    expect(currencyOf('₴')).toBe('UAH');
    expect(currencyOf('USD')).toBe('USD');
    expect(currencyOf('лей')).toBe('лей');
    expect(currencyOf(null)).toBeNull();
  });
});
