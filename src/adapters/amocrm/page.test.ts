import { describe, expect, it } from 'vitest';
import { PAGES } from './facts';
import { accountOf, amoPage, leadIdFromUrl, pipelineIdFromUrl } from './page';

describe('amoCRM page detection', () => {
  it.each(PAGES.flatMap((p) => p.examples.map((path) => [p.kind, path] as const)))('%s ← %s', (kind, path) => {
    for (const host of ['acme.amocrm.ru', 'acme.amocrm.com', 'acme.kommo.com']) {
      expect(amoPage(new URL(`https://${host}${path}`))).toBe(kind);
    }
  });

  it('ignores other pages and other hosts', () => {
    expect(amoPage(new URL('https://acme.amocrm.ru/contacts/list/'))).toBeNull();
    expect(amoPage(new URL('https://acme.amocrm.ru/leads/add/'))).toBeNull();
    expect(amoPage(new URL('https://amocrm.ru.evil.example/leads/detail/1'))).toBeNull();
  });

  it('reads the lead id and the account', () => {
    expect(leadIdFromUrl(new URL('https://acme.amocrm.ru/leads/detail/31337'))).toBe('31337');
    expect(leadIdFromUrl(new URL('https://acme.amocrm.ru/leads/pipeline/3'))).toBeNull();
    expect(accountOf('acme.amocrm.ru')).toBe('acme');
  });

  it('reads the pipeline a kanban or list page shows', () => {
    expect(pipelineIdFromUrl(new URL('https://acme.amocrm.ru/leads/pipeline/3'))).toBe('3');
    expect(pipelineIdFromUrl(new URL('https://acme.kommo.com/leads/list/pipeline/7/?skip_filter=Y'))).toBe('7');
    expect(pipelineIdFromUrl(new URL('https://acme.amocrm.ru/leads/list/'))).toBeNull();
    expect(pipelineIdFromUrl(new URL('https://acme.amocrm.ru/leads/detail/3'))).toBeNull();
  });
});
