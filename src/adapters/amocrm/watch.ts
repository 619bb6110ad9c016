/**
 * What the watchers of one amoCRM page share: the runtime, the page globals, and the closes
 * this page reported — so that a later request or native reason for the same lead only adds
 * to that close instead of opening another panel.
 */
import type { NativeReason } from '../../core/native-reason';
import type { AdapterRuntime, CloseEvent } from '../types';
import { watchGlobals, type PageGlobals } from './globals';

export interface Watch {
  rt: AdapterRuntime;
  globals(): PageGlobals | null;
  /** Reports a close and remembers its leads; leads already in the target status are left out. */
  report(event: CloseEvent): void;
  /** Did this page report a close of this lead (to this status) since it was last reopened? */
  closed(leadId: string, statusId: string): boolean;
  /** The lead left the status it was closed into (moved back to work on this page). */
  reopened(leadId: string): void;
  /** The leads of this page's latest close. */
  lastClosed(): string[];
  /** amoCRM's own reason for leads this page closed; names learnt from the page fill in later reports. */
  native(leadIds: string[], native: NativeReason): void;
  nativeName(id: string): string | null;
}

export function createWatch(rt: AdapterRuntime): Watch {
  const globals = watchGlobals(rt);
  const closed = new Map<string, string>();
  const names = new Map<string, string>();
  let last: string[] = [];
  return {
    rt,
    globals,
    report(event) {
      // A lead already in that status is not closed again (a card save repeats lead[STATUS]=143).
      const leads = event.leads.filter((lead) => lead.fromStage?.id !== lead.toStage.id);
      if (!leads.length) return;
      for (const lead of leads) closed.set(lead.leadId, lead.toStage.id);
      last = leads.map((l) => l.leadId);
      rt.close({ ...event, leads });
    },
    closed: (leadId, statusId) => closed.get(leadId) === statusId,
    reopened: (leadId) => void closed.delete(leadId),
    lastClosed: () => last,
    native(leadIds, native) {
      if (native.name && native.id) names.set(native.id, native.name);
      const full = { id: native.id, name: native.name ?? (native.id ? (names.get(native.id) ?? null) : null) };
      for (const leadId of leadIds) if (closed.has(leadId)) rt.native?.({ leadId, entityType: 'lead' }, full);
    },
    nativeName: (id) => names.get(id) ?? null,
  };
}
