import { describe, expect, it } from 'vitest';
import { categoryOfStage, classify, entityKindOf, isFailureSemantics, readStageInfos, tableOf } from './stages';

const dealInfos = {
  category_0: [
    { id: 'NEW', name: 'Новая', sort: 10, semantics: 'process' },
    { id: 'WON', name: 'Сделка успешна', sort: 20, semantics: 'success' },
    { id: 'LOSE', name: 'Сделка провалена', sort: 30, semantics: 'failure' },
    { id: 'APOLOGY', name: 'Анализ причины провала', sort: 40, semantics: 'apology' },
  ],
  category_3: [
    { id: 'C3:NEW', name: 'Заявка', semantics: 'process' },
    { id: 'C3:REFUSED', name: 'Отказ клиента', semantics: 'failure' },
  ],
};
const leadInfos = [
  { id: 'NEW', name: 'Не обработан', semantics: 'process' },
  { id: 'JUNK', name: 'Некачественный лид', semantics: 'failure' },
  { id: '1', name: 'Спам', semantics: 'apology' },
];
/** Smart-process stage models: numeric id, the stage id in statusId. */
const smartStages = [
  { id: 101, name: 'Новый', semantics: 'process', statusId: 'DT128_9:NEW', categoryId: 9 },
  { id: 104, name: 'Провал', semantics: 'failure', statusId: 'DT128_9:FAIL', categoryId: 9 },
  { id: 105, name: 'Отказ заказчика', semantics: 'failure', statusId: 'DT128_9:1', categoryId: 9 },
];

describe('Bitrix24 stage semantics', () => {
  it('treats failure, apology, F and the kanban type LOOSE as lost — nothing else', () => {
    for (const s of ['failure', 'apology', 'F', 'f', 'LOOSE']) expect(isFailureSemantics(s), s).toBe(true);
    for (const s of ['process', 'success', 'P', 'S', 'WIN', 'PROGRESS', '', null, undefined, 3]) expect(isFailureSemantics(s), String(s)).toBe(false);
  });

  it('reads stage infos as an array, per pipeline, and as smart-process stage models', () => {
    const deals = readStageInfos(dealInfos);
    expect(deals.find((s) => s.id === 'C3:REFUSED')).toEqual({ id: 'C3:REFUSED', name: 'Отказ клиента', semantics: 'failure', categoryId: '3' });
    expect(readStageInfos(leadInfos).map((s) => s.id)).toEqual(['NEW', 'JUNK', '1']);
    expect(readStageInfos(smartStages)[2]).toEqual({ id: 'DT128_9:1', name: 'Отказ заказчика', semantics: 'failure', categoryId: '9' });
    expect(readStageInfos(undefined)).toEqual([]);
    expect(readStageInfos({ category_0: 'nonsense', x: [null, 5, {}] })).toEqual([]);
  });

  it('classifies by the page data, not by the stage id', () => {
    const table = tableOf(readStageInfos(dealInfos), readStageInfos(smartStages));
    // A renamed failure stage is lost; a process stage that happens to be called LOSE elsewhere is not.
    expect(classify('C3:REFUSED', table)).toMatchObject({ failure: true, fallback: false, info: { name: 'Отказ клиента' } });
    expect(classify('APOLOGY', table)).toMatchObject({ failure: true, fallback: false });
    expect(classify('DT128_9:1', table)).toMatchObject({ failure: true, fallback: false });
    expect(classify('NEW', table)).toMatchObject({ failure: false, fallback: false });
    const odd = tableOf([{ id: 'LOSE', name: 'Потеряли контакт — перезвонить', semantics: 'process', categoryId: '0' }]);
    expect(classify('LOSE', odd)).toMatchObject({ failure: false, fallback: false });
  });

  it('takes the semantics an event carries over the table', () => {
    const table = tableOf(readStageInfos(dealInfos));
    expect(classify('NEW', table, 'failure').failure).toBe(true);
    expect(classify('LOSE', table, 'process').failure).toBe(false);
  });

  it('falls back to the system ids only for stages the page says nothing about, and says so', () => {
    const empty = tableOf();
    for (const id of ['JUNK', 'LOSE', 'C5:LOSE', 'APOLOGY', 'C5:APOLOGY', 'DT128_9:FAIL']) expect(classify(id, empty), id).toEqual({ failure: true, fallback: true, info: null });
    for (const id of ['NEW', 'C5:WON', 'DT128_9:SUCCESS', '1', 'JUNKY', 'XLOSE']) expect(classify(id, empty).failure, id).toBe(false);
  });

  it('finds the pipeline of a stage and the entity of a type id', () => {
    expect(categoryOfStage('deal', 'LOSE')).toBe('0');
    expect(categoryOfStage('deal', 'C12:LOSE')).toBe('12');
    expect(categoryOfStage('smart', 'DT128_9:FAIL')).toBe('9');
    expect(categoryOfStage('lead', 'JUNK')).toBeNull();
    expect([entityKindOf(1), entityKindOf('2'), entityKindOf(128), entityKindOf(1032), entityKindOf(3), entityKindOf('x')]).toEqual(['lead', 'deal', 'smart', 'smart', null, null]);
  });
});
