import { describe, expect, it } from 'vitest';
import { answerProblems, commentProblem } from './answer-rules';
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
});
