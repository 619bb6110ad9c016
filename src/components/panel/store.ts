/**
 * Short-lived panel state: the closes waiting for an answer, oldest first.
 * Persistent data never lives here (it is in the background's database).
 */
import { createStore } from 'zustand/vanilla';
import type { CaptureRequest } from '../../core/protocol';

export interface PanelSession {
  /** One close event: a single lead, or many from a bulk action. */
  items: CaptureRequest[];
  hold?: { proceed(): void; cancel(): void };
  /** A reason read from the CRM (e.g. its own loss reason), chosen initially when the segment offers it. */
  suggestedReasonId?: string;
  /** The control that closed the lead: the panel places itself beside it and returns focus to it. */
  anchor?: Element | null;
}

/** A session as the store keeps it: a stable key (ids may be adopted) and the size it started with. */
export interface OpenSession extends PanelSession {
  key: string;
  total: number;
}

export interface PanelState {
  sessions: OpenSession[];
  push(session: PanelSession): void;
  /** Drops the current session (saved or deferred). */
  shift(): void;
  /** The background said an earlier record stands for this close: use its id. */
  adoptId(oldId: string, newId: string): void;
  /**
   * Takes answered (or withdrawn) leads out of their sessions; a session left without leads is
   * dropped and returned, so its hold can proceed.
   */
  resolve(ids: readonly string[]): OpenSession[];
}

let counter = 0;

export function createPanelStore() {
  return createStore<PanelState>((set, get) => ({
    sessions: [],
    push: (session) =>
      set((s) => ({ sessions: [...s.sessions, { ...session, key: `s${++counter}`, total: session.items.length }] })),
    shift: () => set((s) => ({ sessions: s.sessions.slice(1) })),
    adoptId: (oldId, newId) =>
      set((s) => ({
        sessions: s.sessions.map((session) => ({
          ...session,
          items: session.items.map((item) => (item.id === oldId ? { ...item, id: newId } : item)),
        })),
      })),
    resolve: (ids) => {
      const gone = new Set(ids);
      const finished: OpenSession[] = [];
      const sessions: OpenSession[] = [];
      for (const session of get().sessions) {
        if (!session.items.some((i) => gone.has(i.id))) {
          sessions.push(session);
          continue;
        }
        const items = session.items.filter((i) => !gone.has(i.id));
        if (items.length) sessions.push({ ...session, items });
        else finished.push(session);
      }
      set({ sessions });
      return finished;
    },
  }));
}
export type PanelStore = ReturnType<typeof createPanelStore>;
