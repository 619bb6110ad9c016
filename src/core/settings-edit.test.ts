import { describe, expect, it } from 'vitest';
import { defaultSettings } from './settings';
import {
  commentRulesDraft,
  commentRulesFromDraft,
  identityFromCrm,
  identityTyped,
  readPlaceholders,
  ruleFromDraft,
  type RuleDraft,
} from './settings-edit';

const rule = (over: Partial<RuleDraft> = {}): RuleDraft => ({ crm: '', host: '', pipelineId: '', stageId: '', segment: 'outbound-b2b', ...over });

describe('segment rules from the form', () => {
  it('turns empty fields into "any" and lower-cases the host', () => {
    expect(ruleFromDraft(rule({ crm: 'amocrm', host: ' Demo.amoCRM.ru ', pipelineId: ' 7 ' }), [])).toEqual({
      ok: true,
      value: { crm: 'amocrm', host: 'demo.amocrm.ru', pipelineId: '7', stageId: null, segment: 'outbound-b2b' },
    });
  });

  it('refuses a rule without conditions, a bad host, over-long ids and a second rule with the same conditions', () => {
    const codes = (d: RuleDraft, existing = [] as ReturnType<typeof defaultSettings>['segmentRules']) => {
      const res = ruleFromDraft(d, existing);
      return res.ok ? [] : res.problems.map((p) => p.code);
    };
    expect(codes(rule())).toEqual(['rule-empty']);
    expect(codes(rule({ host: 'crm example' }))).toEqual(['host-invalid']);
    expect(codes(rule({ stageId: 'x'.repeat(101) }))).toEqual(['rule-id-too-long']);
    const existing = [{ crm: 'amocrm' as const, host: null, pipelineId: '7', stageId: null, segment: 'inbound-b2c' as const }];
    expect(codes(rule({ crm: 'amocrm', pipelineId: '7' }), existing)).toEqual(['rule-duplicate']);
    expect(codes(rule({ crm: 'amocrm', pipelineId: '7', stageId: '30' }), existing)).toEqual([]);
  });
});

describe('comment rules from the form', () => {
  const defaults = defaultSettings('x').comments;

  it('round-trips the stored rules', () => {
    expect(commentRulesFromDraft(commentRulesDraft(defaults))).toEqual({ ok: true, value: defaults });
  });

  it('reads placeholders one per line, trimmed, without blanks or repeats', () => {
    expect(readPlaceholders(' - \n\nнет\r\nНЕТ\n уточню ')).toEqual(['-', 'нет', 'уточню']);
  });

  it('refuses numbers out of range or not whole, and over-long placeholders, naming the bounds', () => {
    const draft = { ...commentRulesDraft(defaults), minLength: '0', softAttemptThreshold: '2.5', placeholders: 'x'.repeat(51) };
    expect(commentRulesFromDraft(draft)).toEqual({
      ok: false,
      problems: [
        { code: 'min-length-range', min: 1, max: 500 },
        { code: 'threshold-range', min: 1, max: 50 },
        { code: 'placeholder-too-long', text: 'x'.repeat(51), max: 50 },
      ],
    });
    expect(commentRulesFromDraft({ ...draft, minLength: '501', softAttemptThreshold: '3', placeholders: '' })).toMatchObject({
      ok: false,
      problems: [{ code: 'min-length-range' }],
    });
    const many = Array.from({ length: 201 }, (_, i) => `p${i}`).join('\n');
    expect(commentRulesFromDraft({ ...draft, minLength: '5', softAttemptThreshold: '3', placeholders: many })).toMatchObject({
      ok: false,
      problems: [{ code: 'placeholders-too-many', max: 200 }],
    });
  });
});

describe('identity', () => {
  const empty = defaultSettings('id-1').identity;

  it('takes the CRM user name while the name is empty, never over a name', () => {
    expect(identityFromCrm(empty, ' Анна Петрова ')).toEqual({ id: 'id-1', name: 'Анна Петрова', fromCrm: true });
    expect(identityFromCrm({ ...empty, name: 'Анна П.' }, 'Анна Петрова')).toBeNull();
    expect(identityFromCrm({ ...empty, name: 'Анна Петрова', fromCrm: true }, 'Иван Иванов')).toBeNull();
    expect(identityFromCrm(empty, null)).toBeNull();
    expect(identityFromCrm(empty, '   ')).toBeNull();
  });

  it('a typed name is the user’s; saving the CRM’s name unchanged keeps it the CRM’s; clearing lets the CRM fill it again', () => {
    const fromCrm = { id: 'id-1', name: 'Анна Петрова', fromCrm: true };
    expect(identityTyped(fromCrm, 'Анна П.')).toEqual({ id: 'id-1', name: 'Анна П.', fromCrm: false });
    expect(identityTyped(fromCrm, ' Анна Петрова ')).toBe(fromCrm);
    const cleared = identityTyped(fromCrm, '');
    expect(cleared).toEqual({ id: 'id-1', name: '', fromCrm: false });
    expect(identityFromCrm(cleared, 'Анна Петрова')).toEqual(fromCrm);
  });
});
