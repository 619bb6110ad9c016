/**
 * Sharing the reason catalog as a file: which of two catalogs is newer, and what replacing one
 * with the other would drop. A newer revision is applied at once; an older one, or the same
 * revision with other contents (edited on two browsers), is applied only when the user says so.
 */
import type { Catalog } from '../catalog';

export type CatalogVerdict = 'newer' | 'same' | 'older' | 'conflict';

function sameContents(a: Catalog, b: Catalog): boolean {
  return JSON.stringify(a.reasons) === JSON.stringify(b.reasons);
}

export function compareCatalogs(local: Catalog, incoming: Catalog): CatalogVerdict {
  if (incoming.revision > local.revision) return 'newer';
  if (incoming.revision < local.revision) return 'older';
  return sameContents(local, incoming) ? 'same' : 'conflict';
}

/** Reasons of the local catalog that the incoming one lacks: records using them would show as "unknown reason". */
export function droppedReasons(local: Catalog, incoming: Catalog): string[] {
  const kept = new Set(incoming.reasons.map((r) => r.id));
  return local.reasons.filter((r) => !kept.has(r.id)).map((r) => r.id);
}

/**
 * The catalog to store when a file's catalog replaces the local one. A forced older or
 * conflicting catalog gets a revision above the local one, so it is "newer" from then on and
 * spreads to other browsers as the latest.
 */
export function adoptCatalog(local: Catalog, incoming: Catalog, now: number): Catalog {
  if (incoming.revision > local.revision) return incoming;
  return { ...incoming, revision: local.revision + 1, updatedAt: Math.max(now, incoming.updatedAt) };
}
