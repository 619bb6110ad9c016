/**
 * Content scripts for own-domain portals: registered with chrome.scripting for every extra host
 * in the settings whose permission the user granted; re-synced when settings or permissions change.
 */
import { browser } from 'wxt/browser';
import { originPattern } from '../core/hosts';
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

let syncing: Promise<void> = Promise.resolve();

/** Makes the registered scripts match the settings (only hosts whose permission is granted). */
export function syncExtraHosts(): Promise<void> {
  syncing = syncing.then(async () => {
    const { settings } = await loadSettings();
    const granted: ExtraHost[] = [];
    for (const h of settings.extraHosts) {
      if (!settings.crms[h.crm].enabled) continue;
      if (await browser.permissions.contains({ origins: [originPattern(h.host, h.scheme)] })) granted.push(h);
    }
    const registered = await browser.scripting.getRegisteredContentScripts();
    const ours = registered.filter((s) => s.id.startsWith(PREFIX)).map((s) => s.id);
    if (ours.length) await browser.scripting.unregisterContentScripts({ ids: ours });
    const wanted = registrationsFor(granted);
    if (wanted.length) await browser.scripting.registerContentScripts(wanted);
  }).catch((error: unknown) => console.error('[WhyLost] could not register own-domain content scripts', error));
  return syncing;
}

export function startExtraHosts(): void {
  void syncExtraHosts();
  settingsItem.watch(() => void syncExtraHosts());
  browser.permissions.onRemoved.addListener(() => void syncExtraHosts());
  browser.permissions.onAdded.addListener(() => void syncExtraHosts());
}
