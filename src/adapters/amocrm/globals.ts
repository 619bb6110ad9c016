/**
 * What the main-world script tells about the page (shape-checked: the page can forge it) and
 * look-ups in it: the current user, the account, the pipelines with their statuses.
 */
import { z } from 'zod';
import { lazySchema } from '../../core/lazy-schema';
import type { AdapterRuntime } from '../types';

const Id = lazySchema(() => z.string().min(1).max(30));
const Name = lazySchema(() => z.string().max(300).nullable());
const NamedSchema = lazySchema(() => z.object({ id: Id, name: Name }));

export const GlobalsSchema = lazySchema(() => z.object({
  user: z.object({ id: z.string().max(100).nullable(), name: z.string().max(200).nullable() }),
  account: z.string().max(200).nullable(),
  pipelines: z.array(NamedSchema.extend({ statuses: z.array(NamedSchema).max(200) })).max(200).default([]),
}));
export type PageGlobals = z.infer<typeof GlobalsSchema>;

export const HooksSchema = lazySchema(() => z.object({ xhr: z.boolean(), fetch: z.boolean() }));

/** Names from the globals: the pipeline, a status of it. */
export function pipelineName(g: PageGlobals | null, pipelineId: string | null): string | null {
  return (pipelineId && g?.pipelines.find((p) => p.id === pipelineId)?.name) || null;
}

export function statusNameOf(g: PageGlobals | null, pipelineId: string | null, statusId: string): string | null {
  const pipelines = g?.pipelines.filter((p) => !pipelineId || p.id === pipelineId) ?? [];
  for (const p of pipelines) {
    const name = p.statuses.find((s) => s.id === statusId)?.name;
    if (name) return name;
  }
  return null;
}

/** The list shows names only: the status id behind a status name, in a pipeline (or the only match). */
export function statusIdByName(g: PageGlobals | null, pipelineId: string | null, name: string): string | null {
  const ids = new Set<string>();
  for (const p of g?.pipelines ?? []) {
    if (pipelineId && p.id !== pipelineId) continue;
    for (const s of p.statuses) if (s.name?.trim() === name) ids.add(s.id);
  }
  return ids.size === 1 ? [...ids][0]! : null;
}

export function pipelineIdByName(g: PageGlobals | null, name: string | null): string | null {
  if (!name) return null;
  const ids = (g?.pipelines ?? []).filter((p) => p.name?.trim() === name).map((p) => p.id);
  return ids.length === 1 ? ids[0]! : null;
}

/** How long the main-world script may stay silent before its hooks count as missing. */
export const MAIN_WORLD_SILENCE_MS = 10_000;

/**
 * Listens for the main-world script's reports on this page and asks for them: the page's
 * globals (kept), and whether its request hooks are in place (a missing hook is reported).
 */
export function watchGlobals(rt: AdapterRuntime): () => PageGlobals | null {
  let globals: PageGlobals | null = null;
  let heard = false;
  rt.onBridge((m) => {
    if (m.type === 'context' || m.type === 'context-missing' || m.type === 'hooks') heard = true;
    if (m.type === 'context') {
      const parsed = GlobalsSchema.safeParse(m.payload);
      if (parsed.success) globals = parsed.data;
    } else if (m.type === 'hooks') {
      const parsed = HooksSchema.safeParse(m.payload);
      if (parsed.success && !parsed.data.xhr) rt.hookMissing('request-watch');
    }
  });
  rt.toBridge('context?');
  const timer = setTimeout(() => {
    if (!heard) rt.hookMissing('main-world');
  }, MAIN_WORLD_SILENCE_MS);
  rt.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
  return () => globals;
}
