/**
 * The segment each manager last switched to in the panel, per pipeline (see core/segments.ts
 * for how it ranks against the rules). Kept in chrome.storage.local, its own item so the
 * settings object stays the options page's; read through zod, malformed entries dropped.
 */
import type { Segment } from '../core/primitives';
import type { LeadContext } from '../core/rejection';
import { readLastSegments, rememberSegment, type LastSegments } from '../core/segments';
import { defineItem } from './storage-item';

export const lastSegmentsItem = defineItem<unknown>('local:lastSegments', {});

export async function loadLastSegments(): Promise<LastSegments> {
  return readLastSegments(await lastSegmentsItem.getValue());
}

export async function saveLastSegment(
  lead: Pick<LeadContext, 'crm' | 'host' | 'pipeline'>,
  segment: Segment,
  now = Date.now(),
): Promise<LastSegments> {
  const next = rememberSegment(await loadLastSegments(), lead, segment, now);
  await lastSegmentsItem.setValue(next);
  return next;
}
