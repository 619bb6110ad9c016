/**
 * The interface every CRM adapter implements. Adding a CRM = one folder here, one entrypoint,
 * its fixtures; the content runtime (src/content/) does the rest: capture, panel, health.
 */
import type { CrmId } from '../core/primitives';
import type { LeadContext, Via } from '../core/rejection';
import type { Settings } from '../core/settings';

/**
 * Something on the page the adapter relies on: a selector, with the page kinds where it must
 * be found and where it was seen. When a required anchor finds nothing the page is reported
 * as "detection not working" — a CRM redesign shows up instead of silently losing closes.
 */
export interface Anchor {
  name: string;
  selector: string;
  /** Page kinds where it is expected. */
  pages: readonly string[];
  /** false: present only in some accounts or states (e.g. amoCRM's own loss reasons). */
  required: boolean;
  /** Where it was seen (public source + path). */
  seen: string;
}

/** A lead or deal the CRM has just closed as lost/junk. */
export interface CloseEvent {
  via: Via;
  /** One per closed lead: a bulk list action closes many at once. */
  leads: LeadContext[];
  /** The control that closed it: the panel places itself beside it. */
  anchor?: Element | null;
  /** Strict mode, where the CRM lets a script hold the move: proceed after save, cancel on abort. */
  hold?: { proceed(): void; cancel(): void };
}

/** A message from the adapter's main-world script, already checked for shape. */
export interface BridgeMessage {
  crm: CrmId;
  type: string;
  payload: unknown;
}

export interface AdapterRuntime {
  /** Aborted when the page changes (SPA navigation) or the extension goes away. */
  signal: AbortSignal;
  url: URL;
  settings(): Settings;
  /** Report a close-as-lost. Reports of the same close (DOM + request) are merged. */
  close(event: CloseEvent): void;
  /** The CRM undid a close (Bitrix24 «Отменить»): withdraw its record. */
  withdraw(lead: Pick<LeadContext, 'leadId' | 'entityType'> & { toStageId?: string }): void;
  /**
   * The CRM's own loss reason for a lead this page closed (it may come after the close): kept
   * beside ours on its record. Optional so that fakes of this interface need not implement it.
   */
  native?(lead: Pick<LeadContext, 'leadId' | 'entityType'>, native: NonNullable<LeadContext['native']>): void;
  /** A hook (event, global, request patch) the adapter needs was not there. */
  hookMissing(name: string): void;
  /** Messages from this adapter's main-world script. */
  onBridge(listener: (message: BridgeMessage) => void): void;
  /** Ask the main-world script for something (it answers through onBridge). */
  toBridge(type: string, payload?: unknown): void;
}

export interface CrmAdapter {
  crm: CrmId;
  /** Which kind of page this is ("lead-card", "kanban", …), or null for pages it does not watch. Pure. */
  page(url: URL, doc: Document): string | null;
  /** Selectors the adapter relies on, checked for health on each watched page. */
  anchors: readonly Anchor[];
  /** Start watching a page; everything registered must end with `rt.signal`. */
  start(rt: AdapterRuntime, page: string): void;
  /** What the page tells about the open lead, for manual tagging; null when no lead is open. */
  readContext(url: URL, doc: Document): Partial<LeadContext> | null;
}
