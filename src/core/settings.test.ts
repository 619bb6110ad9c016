import { describe, expect, it } from 'vitest';
import { defaultSettings, migrateSettings, readSettings, SETTINGS_VERSION, SettingsSchema, type SettingsMigration } from './settings';
import { segmentFor } from './segments';

describe('readSettings', () => {
  it('gives defaults for nothing stored, without a problem', () => {
    const read = readSettings(undefined, 'id-1');
    expect(read.problem).toBeNull();
    expect(read.settings.identity.id).toBe('id-1');
    expect(SettingsSchema.safeParse(read.settings).success).toBe(true);
  });

  it('keeps a valid stored value', () => {
    const stored = { ...defaultSettings('id-1'), language: 'uk' as const };
    expect(readSettings(stored, 'other')).toEqual({ settings: stored, problem: null });
  });

  it('replaces only the invalid part by its default, names it, and keeps the valid parts in force', () => {
    const base = defaultSettings('id-1');
    const stored = {
      ...base,
      comments: { ...base.comments, minLength: -3 },
      segmentRules: [{ crm: 'amocrm', host: null, pipelineId: '7', stageId: null, segment: 'outbound-b2b' }],
      extraHosts: [{ host: 'crm.example.com', scheme: 'https', crm: 'bitrix24' }],
      identity: { id: 'id-1', name: 'Анна', fromCrm: false },
    };
    const read = readSettings(stored, 'id-2');
    expect(read.problem).toMatch(/^comments\.minLength: /);
    expect(read.settings.comments).toEqual(base.comments);
    expect(read.settings.segmentRules).toEqual(stored.segmentRules);
    expect(read.settings.extraHosts).toEqual(stored.extraHosts);
    expect(read.settings.identity).toEqual(stored.identity);
  });

  it('names every invalid part, and a broken identity falls back to the install id', () => {
    const stored = { ...defaultSettings('id-1'), language: 'de', identity: { id: '', name: 'x', fromCrm: false } };
    const read = readSettings(stored, 'install-7');
    expect(read.problem).toContain('language');
    expect(read.problem).toContain('identity.id');
    expect(read.settings.language).toBe('auto');
    expect(read.settings.identity).toEqual({ id: 'install-7', name: '', fromCrm: false });
  });

  it('names at most three broken parts and counts the rest', () => {
    const read = readSettings({ version: 1, language: 'klingon' }, 'id-1');
    expect(read.settings).toEqual(defaultSettings('id-1'));
    expect(read.problem).toMatch(/^language: .*; identity: .*; comments: .*; \+5 more$/);
  });

  it('gives defaults plus a problem for something that is not settings at all', () => {
    for (const raw of ['garbage', 42, [], { language: 'ru' }]) {
      const read = readSettings(raw, 'id-1');
      expect(read.settings).toEqual(defaultSettings('id-1'));
      expect(read.problem, JSON.stringify(raw)).toMatch(/^settings/);
    }
  });

  it('refuses settings saved by a newer version instead of reading them as garbage', () => {
    const read = readSettings({ ...defaultSettings('id-1'), version: SETTINGS_VERSION + 1 }, 'id-1');
    expect(read.settings).toEqual(defaultSettings('id-1'));
    expect(read.problem).toContain('newer WhyLost');
  });
});

describe('migrateSettings', () => {
  it('passes the current format through unchanged', () => {
    const current = defaultSettings('id-1');
    expect(migrateSettings(current)).toEqual({ ok: true, value: current, from: SETTINGS_VERSION });
  });

  // The shape is still v1, so no real migration exists yet. This is what the first one will look
  // like: v1 stored `identity.fromCrm`; a v2 that said where the name came from would read a v1
  // object like this, and readSettings would then validate the result.
  const toV2: SettingsMigration = (v1) => {
    const identity = v1.identity as { id: string; name: string; fromCrm: boolean };
    return { ...v1, identity: { id: identity.id, name: identity.name, source: identity.fromCrm ? 'crm' : identity.name ? 'user' : 'none' } };
  };

  it('runs the migrations from the stored version up to the current one, in order', () => {
    const v1 = { ...defaultSettings('id-1'), identity: { id: 'id-1', name: 'Анна Петрова', fromCrm: true } };
    const res = migrateSettings(v1, { 2: toV2 }, 2);
    expect(res).toEqual({ ok: true, from: 1, value: { ...v1, version: 2, identity: { id: 'id-1', name: 'Анна Петрова', source: 'crm' } } });
    const seen: number[] = [];
    const step = (n: number): SettingsMigration => (v) => (seen.push(n), v);
    expect(migrateSettings(v1, { 2: step(2), 3: step(3), 4: step(4) }, 4)).toMatchObject({ ok: true, value: { version: 4 } });
    expect(seen).toEqual([2, 3, 4]);
  });

  it('says so when a migration is missing or the version is not a number', () => {
    expect(migrateSettings(defaultSettings('x'), {}, 2)).toEqual({ ok: false, problem: 'settings.version: no migration to format 2' });
    expect(migrateSettings({ ...defaultSettings('x'), version: '1' })).toMatchObject({ ok: false, problem: expect.stringContaining('version') });
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
