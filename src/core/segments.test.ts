import { describe, expect, it } from 'vitest';
import { lead } from '../../test/support/records';
import { chooseSegment, MAX_REMEMBERED, pipelineKey, readLastSegments, rememberSegment, segmentFor } from './segments';
import type { SegmentRule } from './settings';

const rule = (over: Partial<SegmentRule>): SegmentRule => ({ crm: null, host: null, pipelineId: null, stageId: null, segment: 'outbound-b2b', ...over });
const base = { segmentRules: [] as SegmentRule[], defaultSegment: 'inbound-b2b' as const };
const T = Date.UTC(2026, 0, 5);

describe('chooseSegment', () => {
  const l = lead(); // amocrm, demo.amocrm.ru, pipeline 3, from stage 21
  const remembered = { [pipelineKey(l)]: { segment: 'inbound-b2c' as const, at: T } };

  it('falls back to the default segment', () => {
    expect(chooseSegment(l, base)).toEqual({ segment: 'inbound-b2b', source: 'default' });
  });

  it('takes the most specific matching rule', () => {
    const settings = { ...base, segmentRules: [rule({ crm: 'amocrm', segment: 'outbound-b2c' }), rule({ pipelineId: '3', segment: 'outbound-b2b' }), rule({ pipelineId: '9' })] };
    expect(chooseSegment(l, settings)).toEqual({ segment: 'outbound-b2b', source: 'rule' });
    expect(segmentFor(l, { ...base, segmentRules: [rule({ stageId: '21', segment: 'inbound-b2c' }), rule({ pipelineId: '3' })] })).toBe('inbound-b2c');
  });

  it('a remembered choice beats the default and host/CRM-wide rules, but not a pipeline or stage rule', () => {
    expect(chooseSegment(l, base, remembered)).toEqual({ segment: 'inbound-b2c', source: 'remembered' });
    expect(chooseSegment(l, { ...base, segmentRules: [rule({ host: 'demo.amocrm.ru' })] }, remembered).source).toBe('remembered');
    expect(chooseSegment(l, { ...base, segmentRules: [rule({ pipelineId: '3' })] }, remembered)).toEqual({ segment: 'outbound-b2b', source: 'rule' });
    expect(chooseSegment(l, { ...base, segmentRules: [rule({ stageId: '21' })] }, remembered).source).toBe('rule');
  });

  it('remembers per pipeline of one portal', () => {
    expect(chooseSegment(lead({ pipeline: { id: '7', name: null } }), base, remembered).source).toBe('default');
    expect(chooseSegment(lead({ host: 'other.amocrm.ru' }), base, remembered).source).toBe('default');
    expect(pipelineKey(lead({ pipeline: null }))).toBe('amocrm|demo.amocrm.ru|-');
  });
});

describe('remembered segments', () => {
  it('records the newest choice and keeps at most MAX_REMEMBERED pipelines, newest first', () => {
    let memory = rememberSegment({}, lead(), 'outbound-b2b', T);
    memory = rememberSegment(memory, lead(), 'outbound-b2c', T + 1);
    expect(memory).toEqual({ 'amocrm|demo.amocrm.ru|3': { segment: 'outbound-b2c', at: T + 1 } });
    for (let i = 0; i < MAX_REMEMBERED + 5; i++) memory = rememberSegment(memory, lead({ pipeline: { id: `p${i}`, name: null } }), 'inbound-b2c', T + 10 + i);
    expect(Object.keys(memory)).toHaveLength(MAX_REMEMBERED);
    expect(memory['amocrm|demo.amocrm.ru|3']).toBeUndefined();
    expect(memory[`amocrm|demo.amocrm.ru|p${MAX_REMEMBERED + 4}`]).toBeDefined();
  });

  it('reads stored memory entry by entry, dropping what is malformed', () => {
    expect(readLastSegments(null)).toEqual({});
    expect(readLastSegments([1, 2])).toEqual({});
    expect(
      readLastSegments({ good: { segment: 'outbound-b2b', at: T }, badSegment: { segment: 'martian', at: T }, badTime: { segment: 'inbound-b2b', at: 5 } }),
    ).toEqual({ good: { segment: 'outbound-b2b', at: T } });
  });
});
