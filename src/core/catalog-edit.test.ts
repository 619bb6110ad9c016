import { describe, expect, it } from 'vitest';
import { CatalogSchema, DEFAULT_CATALOG, reasonLabel, reasonsForSegment, type Catalog } from './catalog';
import {
  addReason,
  catalogProblems,
  draftOf,
  emptyDraft,
  moveReason,
  resetCatalog,
  setRetired,
  suggestId,
  updateReason,
  type EditResult,
  type ReasonDraft,
} from './catalog-edit';
import { summarize } from './stats';

const NOW = Date.UTC(2026, 5, 1);
const ids = (c: Catalog) => c.reasons.map((r) => r.id);
const ok = (res: EditResult): Catalog => {
  if (!res.ok) throw new Error(`refused: ${JSON.stringify(res.problems)}`);
  return res.catalog;
};
const draft = (over: Partial<ReasonDraft> = {}): ReasonDraft => ({
  ...emptyDraft(),
  id: 'no-licence',
  label: { ru: 'Нет лицензии', uk: '', en: 'No licence' },
  ...over,
});

describe('catalog edits', () => {
  it('adds a reason at the end, active, with only the languages given', () => {
    const next = ok(addReason(DEFAULT_CATALOG, draft({ description: { ru: '  ', uk: '', en: 'Licence needed' } }), NOW));
    const added = next.reasons.at(-1)!;
    expect(added).toEqual({
      id: 'no-licence',
      kind: 'loss',
      label: { ru: 'Нет лицензии', en: 'No licence' },
      description: { en: 'Licence needed' },
      segments: 'all',
      commentRequired: false,
      soft: false,
      asks: [],
      retired: false,
    });
    expect(CatalogSchema.safeParse(next).success).toBe(true);
  });

  it('refuses a new reason with clear problem codes: empty or bad id, a taken id (retired ones too), no name, no segment', () => {
    const refused = (d: ReasonDraft, catalog = DEFAULT_CATALOG) => {
      const res = addReason(catalog, d, NOW);
      return res.ok ? [] : res.problems.map((p) => p.code);
    };
    expect(refused(draft({ id: '', label: { ru: '', uk: '', en: ' ' } }))).toEqual(['id-empty', 'label-empty']);
    expect(refused(draft({ id: 'Нет лицензии' }))).toEqual(['id-invalid']);
    expect(refused(draft({ id: 'price' }))).toEqual(['id-taken']);
    const retired = ok(setRetired(DEFAULT_CATALOG, 'timing', true, NOW));
    expect(refused(draft({ id: 'timing' }), retired)).toEqual(['id-taken']);
    expect(refused(draft({ segments: [] }))).toEqual(['segments-empty']);
    expect(refused(draft({ label: { ru: 'x'.repeat(201), uk: '', en: '' } }))).toEqual(['text-too-long']);
  });

  it('renames without touching the id: records tagged before count under the new name', () => {
    const price = DEFAULT_CATALOG.reasons.find((r) => r.id === 'price')!;
    const renamed = ok(updateReason(DEFAULT_CATALOG, 'price', { ...draftOf(price), id: 'ignored', label: { ...draftOf(price).label, ru: 'Цена выше бюджета' } }, NOW));
    expect(ids(renamed)).toEqual(ids(DEFAULT_CATALOG));
    expect(reasonLabel(renamed, 'price', 'ru', () => '?')).toBe('Цена выше бюджета');
    expect(reasonLabel(renamed, 'price', 'en', () => '?')).toBe('Price too high');
    const records = [{ status: 'tagged' as const, reasonId: 'price' }];
    expect(summarize(records, renamed).byReason).toEqual([{ reasonId: 'price', count: 1 }]);
  });

  it('keeps the kind of an outcome reason and its extra questions (competitor) across edits', () => {
    const mistake = DEFAULT_CATALOG.reasons.find((r) => r.id === 'closed-by-mistake')!;
    const next = ok(updateReason(DEFAULT_CATALOG, mistake.id, { ...draftOf(mistake), kind: 'junk' }, NOW));
    expect(next.reasons.find((r) => r.id === mistake.id)!.kind).toBe('outcome');
    const competitor = DEFAULT_CATALOG.reasons.find((r) => r.id === 'competitor')!;
    const edited = ok(updateReason(DEFAULT_CATALOG, 'competitor', { ...draftOf(competitor), kind: 'junk', segments: ['outbound-b2b'] }, NOW));
    expect(edited.reasons.find((r) => r.id === 'competitor')).toMatchObject({ kind: 'junk', segments: ['outbound-b2b'], asks: ['competitor'] });
  });

  it('retires instead of deleting: gone from the panel, still in the catalog and statistics; restore brings it back', () => {
    const retired = ok(setRetired(DEFAULT_CATALOG, 'timing', true, NOW));
    expect(ids(retired)).toEqual(ids(DEFAULT_CATALOG));
    expect(reasonsForSegment(retired, 'inbound-b2b').map((r) => r.id)).not.toContain('timing');
    expect(summarize([{ status: 'tagged', reasonId: 'timing' }], retired).loss).toBe(1);
    const back = ok(setRetired(retired, 'timing', false, NOW));
    expect(reasonsForSegment(back, 'inbound-b2b').map((r) => r.id)).toContain('timing');
  });

  it('refuses an edit that would leave a segment with no reason to offer', () => {
    let catalog = DEFAULT_CATALOG;
    const offered = reasonsForSegment(catalog, 'outbound-b2c').map((r) => r.id);
    for (const id of offered.slice(0, -1)) catalog = ok(setRetired(catalog, id, true, NOW));
    const res = setRetired(catalog, offered.at(-1)!, true, NOW);
    expect(res).toEqual({ ok: false, problems: [{ code: 'segment-without-reasons', segment: 'outbound-b2c' }] });
    expect(catalogProblems(DEFAULT_CATALOG)).toEqual([]);
  });

  it('moves a reason up and down, clamped at the ends', () => {
    const up = ok(moveReason(DEFAULT_CATALOG, 'no-budget', -1, NOW));
    const i = ids(DEFAULT_CATALOG).indexOf('no-budget');
    expect(ids(up)[i - 1]).toBe('no-budget');
    expect(ids(up)[i]).toBe(ids(DEFAULT_CATALOG)[i - 1]);
    expect(ok(moveReason(DEFAULT_CATALOG, 'spam', -1, NOW))).toBe(DEFAULT_CATALOG); // already first: nothing to store
    expect(ids(ok(moveReason(DEFAULT_CATALOG, 'spam', 1000, NOW))).at(-1)).toBe('spam');
    expect(moveReason(DEFAULT_CATALOG, 'nope', 1, NOW)).toEqual({ ok: false, problems: [{ code: 'not-found', id: 'nope' }] });
  });

  it('bumps revision and updatedAt on every edit, even when the clock is behind the last edit', () => {
    const a = ok(addReason(DEFAULT_CATALOG, draft(), NOW));
    const b = ok(setRetired(a, 'no-licence', true, NOW - 60_000)); // another machine's clock
    expect([DEFAULT_CATALOG.revision, a.revision, b.revision]).toEqual([1, 2, 3]);
    expect(a.updatedAt).toBe(NOW);
    expect(b.updatedAt).toBe(NOW + 1);
  });

  it('resets to the default reasons, names and order; reasons the user added stay, retired; the revision goes on', () => {
    let c = ok(addReason(DEFAULT_CATALOG, draft(), NOW));
    c = ok(moveReason(c, 'no-licence', -100, NOW));
    c = ok(updateReason(c, 'price', { ...draftOf(c.reasons.find((r) => r.id === 'price')!), label: { ru: 'X', uk: 'X', en: 'X' } }, NOW));
    const reset = ok(resetCatalog(c, NOW));
    expect(ids(reset)).toEqual([...ids(DEFAULT_CATALOG), 'no-licence']);
    expect(reset.reasons.find((r) => r.id === 'price')!.label.ru).toBe('Дорого');
    expect(reset.reasons.at(-1)).toMatchObject({ id: 'no-licence', retired: true, label: { ru: 'Нет лицензии' } });
    expect(reset.revision).toBe(c.revision + 1);
  });

  it('suggests a Latin id from a Russian, Ukrainian or English name', () => {
    expect(suggestId('Нет лицензии')).toBe('net-litsenzii');
    expect(suggestId('Їжак і щука')).toBe('yizhak-i-shchuka');
    expect(suggestId('  No licence (yet)! ')).toBe('no-licence-yet');
    expect(suggestId('x'.repeat(80))).toHaveLength(64);
  });
});
