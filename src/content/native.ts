/**
 * The CRM's own loss reason, learnt during or after a close: kept on the open panel session
 * (so the tag carries it, and our matching reason is preselected) — the runtime also writes it
 * to the record with `setNative`.
 */
import type { PanelSession } from '../components/panel/store';
import type { Catalog } from '../core/catalog';
import { matchNativeReason, type NativeReason } from '../core/native-reason';
import type { CaptureRequest } from '../core/protocol';
import { leadKeyOf } from '../core/rejection';

export const sameNative = (a: NativeReason | null, b: NativeReason | null): boolean => a?.id === b?.id && a?.name === b?.name;

/** Our reason to preselect for a session: the first of its leads whose native reason names one. */
export function suggestedReason(items: CaptureRequest[], catalog: Catalog): string | undefined {
  for (const item of items) {
    const id = matchNativeReason(catalog, item.context.native?.name);
    if (id) return id;
  }
  return undefined;
}

/** Sessions with `native` set on the item of this close (same lead, same target stage). */
export function withNative<S extends PanelSession>(sessions: S[], close: CaptureRequest, native: NativeReason, catalog: Catalog): S[] {
  const key = leadKeyOf(close.context);
  return sessions.map((session) => {
    if (!session.items.some((i) => leadKeyOf(i.context) === key && i.context.toStage.id === close.context.toStage.id)) return session;
    const items = session.items.map((i) =>
      leadKeyOf(i.context) === key && i.context.toStage.id === close.context.toStage.id ? { ...i, context: { ...i.context, native } } : i,
    );
    return { ...session, items, suggestedReasonId: suggestedReason(items, catalog) ?? session.suggestedReasonId };
  });
}
