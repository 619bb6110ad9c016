/**
 * Content scripts for own-domain portals: registered with chrome.scripting for every extra host
 * in the settings whose permission the user granted; re-synced when settings or permissions change.
 */
import { browser } from 'wxt/browser';
import { coveredByPatterns, originPattern } from '../core/hosts';
import type { ExtraHost } from '../core/settings';
import { OWN_DOMAIN_SCRIPTS } from '../adapters/scripts';
import { loadSettings, settingsItem } from '../platform/stored';

const PREFIX = 'wl-extra-';

type Registration = Parameters<typeof browser.scripting.registerContentScripts>[0][number];

export function registrationsFor(hosts: ExtraHost[]): Registration[] {
  const out: Registration[] = [];
  for (const h of hosts) {
    const scripts = OWN_DOMAIN_SCRIPTS[h.crm];
    const matches = [originPattern(h.host, h.scheme)];
    out.push({ id: `${PREFIX}${h.crm}-${h.host}`, js: [scripts.isolated], matches, allFrames: true, runAt: 'document_idle', persistAcrossSessions: true });
    if (scripts.main) {
      out.push({ id: `${PREFIX}${h.crm}-main-${h.host}`, js: [scripts.main], matches, allFrames: true, runAt: 'document_start', world: 'MAIN', persistAcrossSessions: true });
    }
  }
  return out;
}

type Registered = { id: string; matches?: string[]; js?: string[] };

/** What to change so the registered scripts are exactly `wanted`: unchanged registrations stay (no gap for loading pages). */
export function planSync(registered: Registered[], wanted: Registration[]): { unregister: string[]; register: Registration[] } {
  const same = (a: Registered, b: Registration) =>
    JSON.stringify([a.matches ?? [], a.js ?? []]) === JSON.stringify([b.matches ?? [], b.js ?? []]);
  const ours = registered.filter((r) => r.id.startsWith(PREFIX));
  const keep = new Set(ours.filter((r) => wanted.some((w) => w.id === r.id && same(r, w))).map((r) => r.id));
  return {
    unregister: ours.filter((r) => !keep.has(r.id)).map((r) => r.id),
    register: wanted.filter((w) => !keep.has(w.id)),
  };
}

function manifestPatterns(): string[] {
  return (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
}

let syncing: Promise<void> = Promise.resolve();

/** Makes the registered scripts match the settings (only hosts whose permission is granted). */
export function syncExtraHosts(): Promise<void> {
  syncing = syncing.then(async () => {
    const { settings } = await loadSettings();
    const granted: ExtraHost[] = [];
    const covered = manifestPatterns();
    for (const h of settings.extraHosts) {
      if (!settings.crms[h.crm].enabled || coveredByPatterns(covered, h.host, h.scheme)) continue;
      if (await browser.permissions.contains({ origins: [originPattern(h.host, h.scheme)] })) granted.push(h);
    }
    const plan = planSync(await browser.scripting.getRegisteredContentScripts(), registrationsFor(granted));
    if (plan.unregister.length) await browser.scripting.unregisterContentScripts({ ids: plan.unregister });
    if (plan.register.length) await browser.scripting.registerContentScripts(plan.register);
  }).catch((error: unknown) => console.error('[WhyLost] could not register own-domain content scripts', error));
  return syncing;
}

export function startExtraHosts(): void {
  void syncExtraHosts();
  settingsItem.watch(() => void syncExtraHosts());
  browser.permissions.onRemoved.addListener(() => void syncExtraHosts());
  browser.permissions.onAdded.addListener(() => void syncExtraHosts());
}
