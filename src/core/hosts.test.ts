import { describe, expect, it } from 'vitest';
import { originPattern, readHostInput } from './hosts';

describe('readHostInput', () => {
  it.each([
    ['crm.example.com', 'crm.example.com', 'https'],
    ['  https://CRM.Example.com/crm/deal/details/5/ ', 'crm.example.com', 'https'],
    ['http://bitrix.local-company.ru:8080/', 'bitrix.local-company.ru', 'http'],
    ['portal.example.com.', 'portal.example.com', 'https'],
  ])('%j → %s (%s)', (input, host, scheme) => {
    expect(readHostInput(input)).toEqual({ ok: true, host, scheme });
  });

  it.each([
    ['', 'empty'],
    ['not a host', 'invalid'],
    ['ftp://files.example.com', 'invalid'],
    ['localhost', 'ip-or-local'],
    ['10.0.0.5', 'ip-or-local'],
  ])('refuses %j (%s)', (input, problem) => {
    expect(readHostInput(input)).toEqual({ ok: false, problem });
  });

  it('makes the origin pattern', () => {
    expect(originPattern('crm.example.com', 'https')).toBe('https://crm.example.com/*');
  });
});
