import { describe, expect, it } from 'vitest';
import { crmOfScript, manualLead, menuPatterns, pageLeadId } from './manual';
import { defaultSettings } from './settings';

describe('manual tagging', () => {
  it('falls back to the page: its path as the lead id, its title, no stage', () => {
    const lead = manualLead('amocrm', null, { url: 'https://acme.amocrm.ru/contacts/detail/55?tab=1', title: '  Иван  Петров — amoCRM ' });
    expect(lead).toMatchObject({
      crm: 'amocrm',
      host: 'acme.amocrm.ru',
      leadId: '/contacts/detail/55?tab=1',
      title: 'Иван Петров — amoCRM',
      url: 'https://acme.amocrm.ru/contacts/detail/55?tab=1',
      toStage: { id: 'manual', name: null },
      entityType: 'lead',
    });
  });

  it("keeps what the adapter read and fills the rest; a bad partial is dropped for the page's own", () => {
    const page = { url: 'https://acme.1b.app/admin/shop/orders/7/', title: 'Замовлення' };
    expect(manualLead('onebox', { leadId: '7', entityType: 'order', title: null, toStage: { id: '12', name: 'В роботі' } }, page)).toMatchObject({
      crm: 'onebox',
      leadId: '7',
      entityType: 'order',
      title: 'Замовлення',
      toStage: { id: '12', name: 'В роботі' },
    });
    expect(manualLead('onebox', { leadId: '', amount: Number.NaN }, page).leadId).toBe('/admin/shop/orders/7/');
  });

  it('keeps long page ids short and distinct', () => {
    const a = pageLeadId(new URL(`https://x.amocrm.ru/${'a'.repeat(150)}?q=1`));
    const b = pageLeadId(new URL(`https://x.amocrm.ru/${'a'.repeat(150)}?q=2`));
    expect(a.length).toBeLessThanOrEqual(100);
    expect(a).not.toBe(b);
  });

  it('shows the menu on the pages of enabled CRMs only, own-domain portals included', () => {
    const scripts = [
      { js: ['content-scripts/amocrm.js'], matches: ['https://*.amocrm.ru/*'] },
      { js: ['content-scripts/amocrm-main.js'], matches: ['https://*.amocrm.ru/*'] },
      { js: ['content-scripts/onebox.js'], matches: ['https://*.1b.app/*'] },
    ];
    const s = defaultSettings('x');
    s.extraHosts = [{ host: 'crm.acme.ua', scheme: 'https', crm: 'onebox' }];
    expect(menuPatterns(scripts, s)).toEqual(['https://*.amocrm.ru/*', 'https://*.1b.app/*', 'https://crm.acme.ua/*']);
    s.crms.onebox.enabled = false;
    expect(menuPatterns(scripts, s)).toEqual(['https://*.amocrm.ru/*']);
    expect(crmOfScript('content-scripts/amocrm-main.js')).toBeNull();
    expect(crmOfScript('content-scripts/onebox.js')).toBe('onebox');
  });
});
