/**
 * Links between the extension's pages and back to the CRM.
 * The record page: `/record.html?id=<recordId>` (one record: tag it, edit it, mark it closed by
 * mistake), `/record.html?id=<a>&id=<b>…` (several pending closes answered together).
 */
import { RecordIdSchema } from './primitives';

export const RECORD_PAGE = '/record.html';
/** Ids beyond this are left out of one record page's URL. */
export const MAX_RECORD_IDS = 50;

export function recordPagePath(ids: readonly string[]): string {
  const params = new URLSearchParams();
  for (const id of ids.slice(0, MAX_RECORD_IDS)) params.append('id', id);
  return `${RECORD_PAGE}?${params}`;
}

/** The valid, distinct record ids of a record page's query string. */
export function recordIdsFrom(search: string): string[] {
  const ids = new URLSearchParams(search).getAll('id').filter((id) => RecordIdSchema.safeParse(id).success);
  return [...new Set(ids)].slice(0, MAX_RECORD_IDS);
}

/** The URL when it is plain http(s) (records can come from imported files); null otherwise. */
export function safeHttpUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
  } catch {
    return null;
  }
}
