import { describe, expect, it } from 'vitest';
import { BITRIX_MATCHES, CLOUD_ZONES, PAGES, isBitrixCloudHost } from './facts';
import { bitrixPage, cardUrl, pageInfo, portalOf } from './page';

const doc = (classes: string[]) => ({ documentElement: { classList: { contains: (c: string) => classes.includes(c) } } }) as unknown as Document;

describe('Bitrix24 page detection', () => {
  it.each(PAGES.flatMap((p) => p.examples.map((path) => [p.kind, path] as const)))('%s ← %s', (kind, path) => {
    for (const host of ['acme.bitrix24.ru', 'acme.bitrix24.com.br', 'crm.example-portal.com']) {
      expect(bitrixPage(new URL(`https://${host}${path}`), doc(['bx-core', 'bx-no-touch']))).toBe(kind);
    }
  });

  it('counts a page as Bitrix only when the core marked it (html.bx-core), on any host', () => {
    expect(bitrixPage(new URL('https://crm.example-portal.com/crm/deal/details/5/'), doc([]))).toBeNull();
    expect(bitrixPage(new URL('https://acme.bitrix24.ru/crm/deal/details/5/'), doc([]))).toBeNull();
  });

  it('ignores other Bitrix pages', () => {
    for (const path of ['/crm/contact/details/5/', '/crm/deal/details/new/', '/stream/', '/crm/deal/kanban/category/x/', '/crm/lead/']) {
      expect(pageInfo(new URL(`https://acme.bitrix24.ru${path}`)), path).toBeNull();
    }
  });

  it('reads entity, id and pipeline from the URL', () => {
    expect(pageInfo(new URL('https://a.bitrix24.ru/crm/deal/details/1001/?IFRAME=Y&IFRAME_TYPE=SIDE_SLIDER'))).toEqual({
      kind: 'card', entityType: 'deal', entityTypeId: null, entityId: '1001', categoryId: null,
    });
    expect(pageInfo(new URL('https://a.bitrix24.ru/crm/type/128/kanban/category/9/'))).toEqual({
      kind: 'kanban', entityType: 'smart', entityTypeId: '128', entityId: null, categoryId: '9',
    });
    expect(pageInfo(new URL('https://a.bitrix24.ru/crm/lead/list/'))).toMatchObject({ kind: 'list', entityType: 'lead', categoryId: null });
    expect(pageInfo(new URL('https://a.bitrix24.ru/crm/type/128/details/7/'))).toMatchObject({ kind: 'item-card', entityTypeId: '128', entityId: '7' });
  });

  it('knows every cloud zone, and nothing that merely contains one', () => {
    expect(BITRIX_MATCHES).toHaveLength(CLOUD_ZONES.length);
    for (const zone of CLOUD_ZONES) expect(isBitrixCloudHost(`acme.bitrix24.${zone}`), zone).toBe(true);
    for (const host of ['bitrix24.ru', 'acme.bitrix24.ru.evil.example', 'acme.bitrix24.org', 'acme-bitrix24.ru']) {
      expect(isBitrixCloudHost(host), host).toBe(false);
    }
  });

  it('links to the card and names the portal', () => {
    expect(cardUrl('https://a.bitrix24.ru', 'lead', null, '5')).toBe('https://a.bitrix24.ru/crm/lead/details/5/');
    expect(cardUrl('https://crm.firm.ru', 'smart', '128', '7')).toBe('https://crm.firm.ru/crm/type/128/details/7/');
    expect(portalOf('Acme.bitrix24.de')).toBe('acme');
    expect(portalOf('crm.firm.ru')).toBe('crm.firm.ru');
  });
});
