/**
 * What the Bitrix24 main-world script tells the content script (and back), as schemas: the page
 * can forge these messages, so the content script parses every one. The main-world script
 * imports only the types (no schema library in the page's world).
 */
import { z } from 'zod';
import { lazySchema } from '../../core/lazy-schema';

const Id = lazySchema(() => z.string().regex(/^\d{1,15}$/, 'a Bitrix24 entity id'));
const StageRef = lazySchema(() => z.object({ id: z.string().min(1).max(100), name: z.string().max(300).nullable() }));
const EntityType = lazySchema(() => z.enum(['lead', 'deal', 'smart']));

/** "These entities were just closed into a failure stage." */
export const CloseReportSchema = lazySchema(() => z.object({
  via: z.enum(['card', 'kanban', 'list', 'stageflow']),
  /** Seen through Bitrix's own event, or only through its request (the fallback). */
  source: z.enum(['event', 'request']),
  entityType: EntityType,
  /** Smart-process entityTypeId; null for leads and deals. */
  entityTypeId: z.string().regex(/^\d{1,6}$/).nullable(),
  items: z
    .array(
      z.object({
        id: Id,
        title: z.string().max(1000).nullable(),
        amount: z.number().finite().nullable(),
        fromStage: StageRef.nullable(),
      }),
    )
    .min(1)
    .max(500),
  toStage: StageRef,
  category: z.object({ id: z.string().max(20).nullable(), name: z.string().max(300).nullable() }).nullable(),
  /** The stage counted as failure only by the fallback id list: the page gave no stage data. */
  fallback: z.boolean(),
  /** Strict mode: the move is held in the page until the content script releases or cancels it. */
  holdId: z.string().max(60).nullable(),
}));
export type CloseReport = z.infer<typeof CloseReportSchema>;

/** "Bitrix undid these closes" (kanban «Отменить»). */
export const UndoReportSchema = lazySchema(() => z.object({
  entityType: EntityType,
  entityTypeId: z.string().regex(/^\d{1,6}$/).nullable(),
  ids: z.array(Id).min(1).max(500),
  stageId: z.string().max(100).nullable(),
}));
export type UndoReport = z.infer<typeof UndoReportSchema>;

export const PageContextSchema = lazySchema(() => z.object({
  user: z.object({ id: z.string().max(100).nullable(), name: z.string().max(200).nullable() }),
}));
export type PageContext = z.infer<typeof PageContextSchema>;

/** Hooks (events, page data) the main-world script could not find. */
export const HooksSchema = lazySchema(() => z.object({ missing: z.array(z.string().max(100)).max(20) }));
export type Hooks = z.infer<typeof HooksSchema>;

export const ConfigSchema = lazySchema(() => z.object({ strict: z.boolean() }));
export type MainWorldConfig = z.infer<typeof ConfigSchema>;

export const HoldSchema = lazySchema(() => z.object({ holdId: z.string().max(60) }));
