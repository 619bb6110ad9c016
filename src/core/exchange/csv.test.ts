import { describe, expect, it } from 'vitest';
import { ANNA, makeRecord } from '../../../test/support/exchange-data';
import { DEFAULT_CATALOG } from '../catalog';
import { translator } from '../i18n';
import { BOM, csvParts, defaultSeparator, neutralize, quote } from './csv';

const ru = { lang: 'ru' as const, t: translator('ru'), catalog: DEFAULT_CATALOG, timeZone: 'Europe/Moscow' };

/** Splits CSV text into rows of cells (RFC 4180 quoting), for checking what Excel would see. */
function parse(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') row.push(cell), rows.push(row), (row = []), (cell = ''), i++;
    else cell += ch;
  }
  return rows;
}

describe('CSV export', () => {
  it('starts with the UTF-8 BOM, uses ; for ru/uk and , for en, ends lines with CRLF', () => {
    expect(defaultSeparator('ru')).toBe(';');
    expect(defaultSeparator('uk')).toBe(';');
    expect(defaultSeparator('en')).toBe(',');
    const text = csvParts([makeRecord(ANNA, 0)], { ...ru, separator: ';' }).join('');
    expect(text.startsWith(BOM)).toBe(true);
    expect(new TextEncoder().encode(text).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(text.slice(1).split('\r\n')[0]!.startsWith('ID записи;Дата закрытия;Статус;Причина;')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
  });

  it('writes one row per record with readable labels in the reader’s language', () => {
    const rec = makeRecord(ANNA, 0, { reasonId: 'price', detectedAt: Date.UTC(2026, 10, 2, 9, 30), amount: 85000.5 });
    const [head, row] = parse(csvParts([rec], { ...ru, separator: ';' }).join('').slice(1), ';');
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('Причина')).toBe('Дорого');
    expect(cell('Тип')).toBe('отказ');
    expect(cell('Статус')).toBe('причина указана');
    expect(cell('Дата закрытия')).toBe('2026-11-02 12:30'); // Moscow time
    expect(cell('Сумма')).toBe('85000,5'); // decimal comma where ; separates
    expect(cell('Комментарий')).toBe(rec.comment);
    expect(cell('Кто записал')).toBe('Анна Петрова');
    expect(row).toHaveLength(head!.length);
  });

  it('shows a reason unknown to the catalog as "unknown reason (id)"', () => {
    const [head, row] = parse(csvParts([makeRecord(ANNA, 0, { reasonId: 'team-only' })], { ...ru, separator: ';' }).join('').slice(1), ';');
    expect(row![head!.indexOf('Причина')]).toBe('неизвестная причина (team-only)');
  });

  it('quotes separators, quotes and line breaks, and neutralises formulas', () => {
    const rec = makeRecord(ANNA, 0, {
      comment: '=HYPERLINK("http://evil";"клик")',
      title: '+7 999 123-45-67',
      competitor: '@SUM(1;2)',
      currency: '-1+1',
      account: '\tcmd',
    });
    const sep = ',';
    const text = csvParts([rec], { ...ru, lang: 'en', t: translator('en'), separator: sep }).join('');
    const [head, row] = parse(text.slice(1), sep);
    const cell = (name: string) => row![head!.indexOf(name)];
    expect(cell('Comment')).toBe(`'=HYPERLINK("http://evil";"клик")`);
    expect(cell('Lead')).toBe(`'+7 999 123-45-67`);
    expect(cell('Competitor')).toBe(`'@SUM(1;2)`);
    expect(cell('Currency')).toBe(`'-1+1`);
    expect(cell('Account')).toBe(`'\tcmd`);
    // No cell of the file starts a formula.
    for (const c of row!) expect(c).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('neutralize and quote, one by one', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx']) expect(neutralize(s)).toBe(`'${s}`);
    expect(neutralize('Дорого = плохо')).toBe('Дорого = плохо');
    expect(quote('a;b', ';')).toBe('"a;b"');
    expect(quote('a;b', ',')).toBe('a;b');
    expect(quote('say "hi"', ',')).toBe('"say ""hi"""');
    expect(quote('two\nlines', ',')).toBe('"two\nlines"');
  });
});
