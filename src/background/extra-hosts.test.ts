import { describe, expect, it } from 'vitest';
import { coveredByPatterns } from '../core/hosts';
import { planSync, registrationsFor } from './extra-hosts';

describe('registrationsFor', () => {
  it('registers the isolated and main-world scripts of the CRM, in all frames, for the host only', () => {
    const regs = registrationsFor([{ host: 'crm.example.com', scheme: 'https', crm: 'bitrix24' }]);
    expect(regs).toEqual([
      expect.objectContaining({ id: 'wl-extra-bitrix24-crm.example.com', js: ['content-scripts/bitrix24.js'], matches: ['https://crm.example.com/*'], allFrames: true }),
      expect.objectContaining({ id: 'wl-extra-bitrix24-main-crm.example.com', js: ['content-scripts/bitrix24-main.js'], world: 'MAIN', runAt: 'document_start' }),
    ]);
  });
});

describe('syncing registrations', () => {
  const wanted = registrationsFor([{ host: 'crm.example.com', scheme: 'https', crm: 'bitrix24' }]);

  it('keeps what is already registered, adds what is missing, drops what is gone or changed', () => {
    expect(planSync([], wanted)).toEqual({ unregister: [], register: wanted });
    expect(planSync(wanted, wanted)).toEqual({ unregister: [], register: [] });
    const stale = { ...wanted[0]!, matches: ['http://crm.example.com/*'] };
    const other = { id: 'wl-extra-onebox-gone.example.org', matches: ['https://gone.example.org/*'], js: ['content-scripts/onebox.js'] };
    const foreign = { id: 'someone-else', matches: ['https://x.example/*'] };
    expect(planSync([stale, wanted[1]!, other, foreign], wanted)).toEqual({ unregister: [stale.id, other.id], register: [wanted[0]] });
  });

  it('skips hosts the manifest already covers (a cloud portal added by mistake)', () => {
    const patterns = ['https://*.bitrix24.ru/*', 'https://*.amocrm.ru/*'];
    expect(coveredByPatterns(patterns, 'acme.bitrix24.ru', 'https')).toBe(true);
    expect(coveredByPatterns(patterns, 'bitrix24.ru', 'https')).toBe(true);
    expect(coveredByPatterns(patterns, 'acme.bitrix24.ru', 'http')).toBe(false);
    expect(coveredByPatterns(patterns, 'crm.example.com', 'https')).toBe(false);
    expect(coveredByPatterns(patterns, 'evilbitrix24.ru', 'https')).toBe(false);
    expect(coveredByPatterns(['<all_urls>'], 'crm.example.com', 'https')).toBe(true);
  });
});
