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
  /** Our reason matching the CRM's own loss reason, preselected while none is chosen. */
  suggestedReasonId?: string;
}

export interface PanelState {
  sessions: PanelSession[];
  push(session: PanelSession): void;
  /** Drops the current session (saved or deferred). */
  shift(): void;
  /** The background said an earlier record stands for this close: use its id. */
  adoptId(oldId: string, newId: string): void;
}

export function createPanelStore() {
  return createStore<PanelState>((set) => ({
    sessions: [],
    push: (session) => set((s) => ({ sessions: [...s.sessions, session] })),
    shift: () => set((s) => ({ sessions: s.sessions.slice(1) })),
    adoptId: (oldId, newId) =>
      set((s) => ({
        sessions: s.sessions.map((session) => ({
          ...session,
          items: session.items.map((item) => (item.id === oldId ? { ...item, id: newId } : item)),
        })),
      })),
  }));
}
export type PanelStore = ReturnType<typeof createPanelStore>;
