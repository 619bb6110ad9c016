import { describe, expect, it } from 'vitest';
import { registrationsFor } from './extra-hosts';

describe('registrationsFor', () => {
  it('registers the isolated and main-world scripts of the CRM, in all frames, for the host only', () => {
    const regs = registrationsFor([{ host: 'crm.example.com', scheme: 'https', crm: 'bitrix24' }]);
    expect(regs).toEqual([
      expect.objectContaining({ id: 'wl-extra-bitrix24-crm.example.com', js: ['content-scripts/bitrix24.js'], matches: ['https://crm.example.com/*'], allFrames: true }),
      expect.objectContaining({ id: 'wl-extra-bitrix24-main-crm.example.com', js: ['content-scripts/bitrix24-main.js'], world: 'MAIN', runAt: 'document_start' }),
    ]);
  });
});
