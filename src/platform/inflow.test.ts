import { describe, expect, it } from 'vitest';
import { inflowItem, loadInflow, setInflow } from './inflow';

describe('inflow item', () => {
  it('stores, clears and validates the leads that came in per month', async () => {
    expect(await loadInflow()).toEqual({ version: 1, months: {} });
    await setInflow('2026-07', 650);
    await setInflow('2026-08', 420);
    await setInflow('2026-08', null);
    expect(await loadInflow()).toEqual({ version: 1, months: { '2026-07': 650 } });
    await inflowItem.setValue({ version: 1, months: { july: 'many' } });
    expect(await loadInflow()).toEqual({ version: 1, months: {} });
  });
});
