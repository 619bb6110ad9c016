/**
 * Manual tagging ("record a refusal for this lead"): the safety net for any close detection
 * misses, in every CRM. The keyboard command or the context-menu item asks the tab's content
 * script to open the panel with whatever lead context the adapter can read; where it reads
 * nothing, the page itself (its address and title) stands for the lead. Pure.
 */
import { z } from 'zod';
import { lazySchema } from './lazy-schema';
import { CRM_IDS, type CrmId } from './primitives';
import { originPattern } from './hosts';
import { LeadContextSchema, type LeadContext } from './rejection';
import type { Settings } from './settings';

/** The manifest command (wxt.config.ts) and the context-menu item. */
export const MANUAL_COMMAND = 'tag-lost';
export const MANUAL_MENU_ID = 'whylost-tag-lost';

/** Background → tab: open the panel for the lead on this page. */
export const ManualTagRequestSchema = lazySchema(() => z.object({ source: z.enum(['command', 'context-menu']) }));
export type ManualTagRequest = z.infer<typeof ManualTagRequestSchema>;

export const ManualTagResultSchema = lazySchema(() => z.union([
  z.object({ handled: z.literal(true), leadId: z.string(), fromPage: z.boolean() }),
  z.object({ handled: z.literal(false), reason: z.enum(['disabled', 'no-crm-page', 'failed']), message: z.string().optional() }),
]));
export type ManualTagResult = z.infer<typeof ManualTagResultSchema>;

const MAX_ID = 100;

/** A stable short id for a page address (when no lead id can be read): the path, hashed when long. */
export function pageLeadId(url: URL): string {
  const path = `${url.pathname}${url.search}` || '/';
  if (path.length <= MAX_ID) return path;
  let hash = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) hash = Math.imul(hash ^ path.charCodeAt(i), 0x01000193) >>> 0;
  return `${path.slice(0, MAX_ID - 10)}…${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The lead to record: what the adapter read, completed from the page. A partial context that does
 * not hold up (a bad value from the page) is dropped for the page's own.
 */
export function manualLead(crm: CrmId, partial: Partial<LeadContext> | null, page: { url: string; title: string }): LeadContext {
  const url = new URL(page.url);
  const title = page.title.replace(/\s+/g, ' ').trim().slice(0, 1000) || null;
  const fromPage: LeadContext = {
    crm,
    host: url.hostname.toLowerCase(),
    account: null,
    entityType: 'lead',
    entityTypeId: null,
    leadId: pageLeadId(url),
    title,
    url: url.href.slice(0, 2000),
    amount: null,
    currency: null,
    pipeline: null,
    fromStage: null,
    toStage: { id: 'manual', name: null },
    manager: { id: null, name: null },
    native: null,
  };
  if (!partial) return fromPage;
  const merged = LeadContextSchema.safeParse({ ...fromPage, ...partial, crm, title: partial.title || title });
  return merged.success ? merged.data : fromPage;
}

/** `content-scripts/bitrix24.js` → 'bitrix24' (entrypoints/<crm>.content.ts; main-world scripts are `<crm>-main`). */
export function crmOfScript(file: string): CrmId | null {
  const name = /^content-scripts\/([a-z0-9]+)\.js$/.exec(file)?.[1];
  return name && (CRM_IDS as readonly string[]).includes(name) ? (name as CrmId) : null;
}

/**
 * Where the context-menu item shows: the pages of every enabled CRM — the manifest's content
 * scripts (cloud hosts) and the own-domain portals the user added.
 */
export function menuPatterns(scripts: readonly { js?: string[]; matches?: string[] }[], settings: Settings): string[] {
  const out = new Set<string>();
  for (const s of scripts) {
    const crms = (s.js ?? []).map(crmOfScript).filter((c): c is CrmId => c !== null);
    if (crms.some((c) => settings.crms[c]?.enabled)) for (const m of s.matches ?? []) out.add(m);
  }
  for (const h of settings.extraHosts) if (settings.crms[h.crm]?.enabled) out.add(originPattern(h.host, h.scheme));
  return [...out];
}
