import { describe, expect, it } from 'vitest';
import { isStatusRequestPath } from './facts';
import { MAX_LEADS_PER_REQUEST, parseStatusRequest } from './requests';

const form = (pairs: [string, string][]) => new URLSearchParams(pairs).toString();

describe('amoCRM status-change requests', () => {
  it('reads a card save, as jQuery posts it', () => {
    const body = 'ID=1001&lead%5BSTATUS%5D=143&lead%5BPIPELINE_ID%5D=3&lead%5BPRICE%5D=85000&CFV%5B555%5D=x';
    expect(parseStatusRequest('/ajax/leads/detail/', body)).toEqual([{ leadId: '1001', statusId: '143', pipelineId: '3', lossReasonId: null }]);
    expect(parseStatusRequest('/ajax/leads/detail', form([['ID', '7'], ['lead[STATUS]', '143'], ['lead[LOSS_REASON_ID]', '9001']]))).toEqual([
      { leadId: '7', statusId: '143', pipelineId: null, lossReasonId: '9001' },
    ]);
  });

  it('reads every lead of a bulk change', () => {
    const body = form([
      ['parties[id][]', '1001'], ['parties[id][]', '1002'], ['parties[id][]', '1001'],
      ['STATUS_ID', '143'], ['PIPELINE_ID', '3'], ['LOSS_REASON_ID', '9003'], ['close_tasks', '0'],
    ]);
    expect(parseStatusRequest('/ajax/leads/multiple/change_status/?x=1', body)).toEqual([
      { leadId: '1001', statusId: '143', pipelineId: '3', lossReasonId: '9003' },
      { leadId: '1002', statusId: '143', pipelineId: '3', lossReasonId: '9003' },
    ]);
    expect(parseStatusRequest('/ajax/leads/multiple/change_status/', form([['parties[id][0]', '5'], ['parties[id][1]', '6'], ['STATUS_ID', '22']])).map((c) => c.leadId)).toEqual(['5', '6']);
  });

  it('drops what is not a status change, and anything that is not an id', () => {
    expect(parseStatusRequest('/ajax/leads/detail/', form([['ID', '1001'], ['lead[NAME]', 'x']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/leads/detail/', form([['ID', '1001 OR 1=1'], ['lead[STATUS]', '143']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/leads/detail/', form([['ID', '1001'], ['lead[STATUS]', '<b>']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/leads/multiple/change_status/', form([['parties[id][]', 'abc'], ['STATUS_ID', '143']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/leads/multiple/change_status/', form([['parties[id][]', '1']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/contacts/detail/', form([['ID', '1'], ['lead[STATUS]', '143']]))).toEqual([]);
    expect(parseStatusRequest('/ajax/leads/detail/', '{"ID":1}')).toEqual([]);
  });

  it('bounds a bulk change', () => {
    const pairs: [string, string][] = Array.from({ length: MAX_LEADS_PER_REQUEST + 50 }, (_, i) => ['parties[id][]', String(i + 1)]);
    expect(parseStatusRequest('/ajax/leads/multiple/change_status/', form([...pairs, ['STATUS_ID', '143']]))).toHaveLength(MAX_LEADS_PER_REQUEST);
  });

  it('knows which paths to watch', () => {
    expect(isStatusRequestPath('/ajax/leads/detail/')).toBe(true);
    expect(isStatusRequestPath('/ajax/leads/multiple/change_status/')).toBe(true);
    expect(isStatusRequestPath('/ajax/leads/sum/')).toBe(false);
    expect(isStatusRequestPath('/api/v4/leads/1')).toBe(false);
  });
});
