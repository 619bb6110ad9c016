/**
 * The web UI's own status-change requests, as the main-world script saw them: which leads they
 * move to which status. Pure: the bodies are form-encoded (jQuery.ajax, URLSearchParams).
 * The page can forge what reaches us here, so everything is checked: ids are digits, and the
 * payload is bounded (see RequestSeenSchema).
 */
import { z } from 'zod';
import { lazySchema } from '../../core/lazy-schema';
import { REQUESTS } from './facts';

/** What the main-world script posts for a request it saw succeed. */
export const RequestSeenSchema = lazySchema(() => z.object({
  path: z.string().max(500),
  body: z.string().max(200_000),
}));
export type RequestSeen = z.infer<typeof RequestSeenSchema>;

export interface StatusChange {
  leadId: string;
  statusId: string;
  pipelineId: string | null;
  /** amoCRM's own loss reason id, when the request carries one. */
  lossReasonId: string | null;
}

/** At most this many leads per bulk request are taken (amoCRM lists 50–500 per page). */
export const MAX_LEADS_PER_REQUEST = 500;

const ID = /^\d{1,20}$/;
const id = (value: string | null | undefined): string | null => (value && ID.test(value.trim()) ? value.trim() : null);

/**
 * `/ajax/leads/detail/` → the one lead it saves (ID, lead[STATUS], lead[PIPELINE_ID], lead[LOSS_REASON_ID]);
 * `/ajax/leads/multiple/change_status/` → every lead of parties[id][] (or parties[id][N]) with
 * STATUS_ID, PIPELINE_ID, LOSS_REASON_ID. Anything else, or without a status, → [].
 */
export function parseStatusRequest(path: string, body: string): StatusChange[] {
  let pathname: string;
  try {
    pathname = new URL(path, 'https://x.invalid').pathname;
  } catch {
    return [];
  }
  const form = new URLSearchParams(body);
  if (REQUESTS.detail.test(pathname)) {
    const leadId = id(form.get('ID') ?? form.get('lead[ID]'));
    const statusId = id(form.get('lead[STATUS]'));
    if (!leadId || !statusId) return [];
    return [{ leadId, statusId, pipelineId: id(form.get('lead[PIPELINE_ID]')), lossReasonId: id(form.get('lead[LOSS_REASON_ID]')) }];
  }
  if (REQUESTS.multiple.test(pathname)) {
    const statusId = id(form.get('STATUS_ID'));
    if (!statusId) return [];
    const pipelineId = id(form.get('PIPELINE_ID'));
    const lossReasonId = id(form.get('LOSS_REASON_ID'));
    const leads = new Set<string>();
    for (const [key, value] of form) {
      if (!/^parties\[id\]\[\d*\]$/.test(key)) continue;
      const leadId = id(value);
      if (leadId) leads.add(leadId);
      if (leads.size >= MAX_LEADS_PER_REQUEST) break;
    }
    return [...leads].map((leadId) => ({ leadId, statusId, pipelineId, lossReasonId }));
  }
  return [];
}
