import { describe, expect, it } from 'vitest';
import { entriesOf, parseStageRequest } from './requests';

describe('Bitrix24 stage-change requests', () => {
  it('reads the progress bar save (list.ajax.php SAVE_PROGRESS)', () => {
    const body = 'ACTION=SAVE_PROGRESS&VALUE=C3%3ALOSE&TYPE=DEAL&ID=1003&sessid=abc';
    expect(parseStageRequest('/bitrix/components/bitrix/crm.deal.list/list.ajax.php?sessid=abc', body)).toEqual({
      kind: 'save-progress', typeName: 'DEAL', ids: ['1003'], stageId: 'C3:LOSE',
    });
    expect(parseStageRequest('https://a.bitrix24.ru/bitrix/components/bitrix/crm.lead.list/list.ajax.php', 'ACTION=SAVE&VALUE=JUNK&TYPE=LEAD&ID=5')).toBeNull();
    expect(parseStageRequest('/other/list.ajax.php', body)).toBeNull();
  });

  it('reads kanban moves, one or several cards', () => {
    expect(parseStageRequest('/bitrix/components/bitrix/crm.kanban/ajax.old.php?action=status', 'action=status&entity_id=1002&prev_entity_id=0&status=LOSE&entity_type=DEAL')).toEqual({
      kind: 'kanban-status', typeName: 'DEAL', ids: ['1002'], stageId: 'LOSE',
    });
    expect(parseStageRequest('/bitrix/components/bitrix/crm.kanban/ajax.php', 'action=status&entity_id%5B%5D=1&entity_id%5B%5D=2&status=JUNK')).toMatchObject({ ids: ['1', '2'], typeName: null });
    expect(parseStageRequest('/bitrix/components/bitrix/crm.kanban/ajax.old.php', 'action=status&entity_id=3%2C4&status=JUNK')).toMatchObject({ ids: ['3', '4'] });
    expect(parseStageRequest('/bitrix/components/bitrix/crm.kanban/ajax.old.php?action=modifyStage', 'columnId=NEW')).toBeNull();
  });

  it('reads the list bulk stage change, form-encoded or JSON', () => {
    const url = '/bitrix/services/main/ajax.php?action=crm.api.autorun.setstage.prepare';
    const form = 'params%5BgridId%5D=G&params%5BentityTypeId%5D=1&params%5BentityIds%5D%5B0%5D=503&params%5BentityIds%5D%5B1%5D=504&params%5BstageId%5D=JUNK';
    const expected = { kind: 'bulk-stage', entityTypeId: '1', ids: ['503', '504'], stageId: 'JUNK' };
    expect(parseStageRequest(url, form)).toEqual(expected);
    expect(parseStageRequest(url, JSON.stringify({ params: { gridId: 'G', entityTypeId: 1, entityIds: [503, 504], stageId: 'JUNK' } }))).toEqual(expected);
    expect(parseStageRequest('/bitrix/services/main/ajax.php?action=crm.api.autorun.setstage.process', form)).toBeNull();
  });

  it('reads the smart-process item update from any body type', () => {
    const url = '/bitrix/services/main/ajax.php?action=crm.controller.item.update';
    const expected = { kind: 'item-update', entityTypeId: '128', ids: ['7'], stageId: 'DT128_9:1' };
    expect(parseStageRequest(url, 'entityTypeId=128&id=7&fields%5BstageId%5D=DT128_9%3A1')).toEqual(expected);
    const fd = new FormData();
    fd.set('entityTypeId', '128');
    fd.set('id', '7');
    fd.set('fields[stageId]', 'DT128_9:1');
    expect(parseStageRequest(url, fd)).toEqual(expected);
    expect(parseStageRequest(url, new URLSearchParams({ entityTypeId: '128', id: '7', 'fields[stageId]': 'DT128_9:1' }))).toEqual(expected);
    expect(parseStageRequest(url, 'entityTypeId=128&id=7&fields%5Btitle%5D=x')).toBeNull();
  });

  it('survives odd bodies', () => {
    expect(entriesOf(null)).toEqual([]);
    expect(entriesOf('{not json')).toEqual([]);
    expect(entriesOf(new Blob(['x']))).toEqual([]);
    expect(parseStageRequest('::::', 'ACTION=SAVE_PROGRESS')).toBeNull();
  });
});
