import { describe, expect, it } from 'vitest';
import { defaultSettings, readSettings, SettingsSchema } from './settings';
import { segmentFor } from './segments';

describe('readSettings', () => {
  it('gives defaults for nothing stored, without a problem', () => {
    const read = readSettings(undefined, 'id-1');
    expect(read.problem).toBeNull();
    expect(read.settings.identity.id).toBe('id-1');
    expect(SettingsSchema.safeParse(read.settings).success).toBe(true);
  });

  it('falls back to defaults and names the problem for an invalid value', () => {
    const bad = { ...defaultSettings('id-1'), comments: { ...defaultSettings('id-1').comments, minLength: -3 } };
    const read = readSettings(bad, 'id-2');
    expect(read.settings).toEqual(defaultSettings('id-2'));
    expect(read.problem).toMatch(/^comments\.minLength: /);
  });

  it('keeps a valid stored value', () => {
    const stored = { ...defaultSettings('id-1'), language: 'uk' as const };
    expect(readSettings(stored, 'other').settings.language).toBe('uk');
  });
});

describe('segmentFor', () => {
  const lead = { crm: 'amocrm' as const, host: 'a.amocrm.ru', pipeline: { id: '7', name: null }, fromStage: { id: '55', name: null } };
  it('uses the default without rules and the most specific matching rule otherwise', () => {
    const s = defaultSettings('x');
    expect(segmentFor(lead, s)).toBe('inbound-b2b');
    const rules = [
      { crm: 'amocrm' as const, host: null, pipelineId: null, stageId: null, segment: 'outbound-b2c' as const },
      { crm: null, host: null, pipelineId: '7', stageId: null, segment: 'outbound-b2b' as const },
      { crm: null, host: null, pipelineId: '8', stageId: null, segment: 'inbound-b2c' as const },
    ];
    expect(segmentFor(lead, { ...s, segmentRules: rules })).toBe('outbound-b2b');
    expect(segmentFor({ ...lead, pipeline: { id: '9', name: null } }, { ...s, segmentRules: rules })).toBe('outbound-b2c');
  });
});
