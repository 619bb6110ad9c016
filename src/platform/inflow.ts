/**
 * The leads that came in per month, entered by the user on the dashboard (WhyLost only sees
 * the closed ones): a small item of its own in chrome.storage.local, read through its schema.
 */
import { EMPTY_INFLOW, readInflow, type Inflow } from '../core/stats-rates';
import { defineItem } from './storage-item';

export const inflowItem = defineItem<unknown>('local:statsInflow', null);

export async function loadInflow(): Promise<Inflow> {
  return readInflow(await inflowItem.getValue());
}

/** Sets one month's figure (null clears it). */
export async function setInflow(month: string, count: number | null): Promise<Inflow> {
  const current = await loadInflow();
  const months = { ...current.months };
  if (count === null) delete months[month];
  else months[month] = count;
  const next = readInflow({ ...EMPTY_INFLOW, months });
  await inflowItem.setValue(next);
  return next;
}

export function watchInflow(cb: (inflow: Inflow) => void): () => void {
  return inflowItem.watch((raw) => cb(readInflow(raw)));
}
