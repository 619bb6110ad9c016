import { describe, expect, it } from 'vitest';
import { answerProblems, commentProblem, normaliseAnswer, visibleLength } from './answer-rules';
import { DEFAULT_CATALOG } from './catalog';
import { EMPTY_ANSWER } from './rejection';
import { defaultSettings } from './settings';

const rules = defaultSettings('x').comments;
const codes = (answer: Partial<typeof EMPTY_ANSWER>, r = rules) =>
  answerProblems({ ...EMPTY_ANSWER, ...answer }, DEFAULT_CATALOG, r).map((p) => p.code);

describe('answerProblems', () => {
  it('requires a reason', () => {
    expect(codes({ comment: 'Клиент купил у соседей дешевле' })).toEqual(['reason-required']);
  });

  it('accepts a reason with a meaningful comment', () => {
    expect(codes({ reasonId: 'price', comment: 'Бюджет 50 тыс., наша цена 80 тыс.' })).toEqual([]);
  });

  it.each(['-', '.', '...', 'нет', 'no', 'НЕТ', ' - ', '…', 'n/a'])('refuses the placeholder %j', (comment) => {
    expect(codes({ reasonId: 'price', comment })).toEqual(['comment-placeholder']);
  });

  it('refuses a row of one character and a comment under the minimum length', () => {
    expect(codes({ reasonId: 'price', comment: 'ааааааааааааа' })).toEqual(['comment-repeated']);
    expect(codes({ reasonId: 'price', comment: 'дорого' })).toEqual(['comment-too-short']);
  });

  it('counts characters, not UTF-16 units', () => {
    const p = commentProblem('ёжик 🦔🦔🦔🦔', true, 'price', { ...rules, minLength: 10 });
    expect(p).toEqual({ code: 'comment-too-short', minLength: 10, length: 9 });
  });

  it('with per-reason comments, still requires one for "other" and for reasons that ask for it', () => {
    const perReason = { ...rules, required: 'per-reason' as const };
    expect(codes({ reasonId: 'price' }, perReason)).toEqual([]);
    expect(codes({ reasonId: 'other' }, perReason)).toEqual(['comment-required']);
    expect(codes({ reasonId: 'too-small' }, perReason)).toEqual(['comment-required']);
    // An optional comment that is given must still be meaningful.
    expect(codes({ reasonId: 'price', comment: '-' }, perReason)).toEqual(['comment-placeholder']);
  });

  it('asks the competitor for "competitor" and refuses unknown reasons', () => {
    expect(codes({ reasonId: 'competitor', comment: 'Ушли к ним из-за сроков поставки' })).toEqual(['competitor-required']);
    expect(codes({ reasonId: 'competitor', comment: 'Ушли к ним из-за сроков поставки', competitor: 'Рога и копыта' })).toEqual([]);
    expect(codes({ reasonId: 'nope', comment: 'a meaningful comment here' })).toEqual(['reason-unknown']);
  });

  it('says whether a missing comment is needed by the rules or by the reason itself', () => {
    const problems = (reasonId: string, r = rules) => answerProblems({ ...EMPTY_ANSWER, reasonId }, DEFAULT_CATALOG, r);
    expect(problems('price')).toEqual([{ code: 'comment-required', reasonId: 'price', minLength: 10, because: 'always' }]);
    expect(problems('other')).toEqual([{ code: 'comment-required', reasonId: 'other', minLength: 10, because: 'reason' }]);
    expect(problems('not-target', { ...rules, required: 'per-reason', minLength: 20 })).toEqual([
      { code: 'comment-required', reasonId: 'not-target', minLength: 20, because: 'reason' },
    ]);
  });

  it('asks an excuse for the attempts so far, and below the threshold for a follow-up date', () => {
    const comment = 'Секретарь просит прислать КП на почту';
    const excuse = { reasonId: 'excuse-send-email', comment };
    expect(codes(excuse)).toEqual(['attempts-required']);
    expect(answerProblems({ ...EMPTY_ANSWER, ...excuse, attempts: 1 }, DEFAULT_CATALOG, rules)).toEqual([
      { code: 'follow-up-required', attempts: 1, threshold: 3 },
    ]);
    expect(codes({ ...excuse, attempts: 1, followUpAt: Date.UTC(2026, 5, 1) })).toEqual([]);
    expect(codes({ ...excuse, attempts: 3 })).toEqual([]);
    expect(codes({ ...excuse, attempts: 2 }, { ...rules, softAttemptThreshold: 2 })).toEqual([]);
    // A firm reason asks for neither.
    expect(codes({ reasonId: 'price', comment })).toEqual([]);
  });

  it('refuses a secondary reason that repeats the main one, is unknown, or is an outcome', () => {
    const base = { reasonId: 'price', comment: 'Бюджет 50 тыс., наша цена 80 тыс.' };
    expect(codes({ ...base, secondaryReasonIds: ['timing', 'no-decision'] })).toEqual([]);
    expect(codes({ ...base, secondaryReasonIds: ['price'] })).toEqual(['secondary-invalid']);
    expect(codes({ ...base, secondaryReasonIds: ['nope'] })).toEqual(['secondary-invalid']);
    expect(codes({ ...base, secondaryReasonIds: ['closed-by-mistake'] })).toEqual(['secondary-invalid']);
  });
});

describe('normaliseAnswer', () => {
  it('drops extras that do not belong to the chosen reason and trims', () => {
    const a = { ...EMPTY_ANSWER, reasonId: 'price', comment: '  Дорого для них: 80 против 50  ', competitor: 'Рога', attempts: 2, followUpAt: Date.UTC(2026, 5, 1), secondaryReasonIds: ['price', 'timing', 'timing'] };
    expect(normaliseAnswer(a, DEFAULT_CATALOG, rules)).toEqual({
      ...a,
      comment: 'Дорого для них: 80 против 50',
      competitor: null,
      attempts: null,
      followUpAt: null,
      secondaryReasonIds: ['timing'],
    });
  });

  it('keeps the follow-up of an excuse only below the threshold', () => {
    const excuse = { ...EMPTY_ANSWER, reasonId: 'excuse-call-later', comment: 'Просили перезвонить после отпуска', followUpAt: Date.UTC(2026, 5, 1) };
    expect(normaliseAnswer({ ...excuse, attempts: 1 }, DEFAULT_CATALOG, rules).followUpAt).toBe(Date.UTC(2026, 5, 1));
    expect(normaliseAnswer({ ...excuse, attempts: 3 }, DEFAULT_CATALOG, rules).followUpAt).toBeNull();
    expect(normaliseAnswer({ ...EMPTY_ANSWER, reasonId: 'competitor', competitor: '  Рога и копыта ' }, DEFAULT_CATALOG, rules).competitor).toBe('Рога и копыта');
  });
});

describe('visibleLength', () => {
  it('counts code points of the trimmed text, as spreading it does, lone surrogates included', () => {
    const cases = ['', '  ', 'ёжик', ' 😀 ', 'a😀b😀', 'e\u0301', '\uD800', '\uDC00\uD800', 'x\uD83D', '\uD83D\uDE00\uD83D', '\t дорого \n'];
    for (const text of cases) expect(visibleLength(text)).toBe([...text.trim()].length);
    expect(visibleLength(' 😀 ')).toBe(1);
    expect(visibleLength('\uD83D\uDE00\uD83D')).toBe(2);
  });
});
