/**
 * Adding and removing own-domain portals from an extension page. `addExtraHost` must be called
 * straight from a click (the browser shows its permission prompt only in a user gesture).
 */
import { browser } from 'wxt/browser';
import { coveredByPatterns, originPattern, type OwnDomainCrm, type Scheme } from '../core/hosts';
import { loadSettings, saveSettings } from './stored';

/** A CRM cloud host (e.g. acme.bitrix24.ru): the manifest's content scripts already run there. */
export function isCloudHost(host: string, scheme: Scheme): boolean {
  const patterns = (browser.runtime.getManifest().content_scripts ?? []).flatMap((c) => c.matches ?? []);
  return coveredByPatterns(patterns, host, scheme);
}

export type AddHostResult = { ok: true } | { ok: false; problem: 'denied' | 'failed'; message?: string };

export async function addExtraHost(host: string, scheme: Scheme, crm: OwnDomainCrm): Promise<AddHostResult> {
  let granted: boolean;
  try {
    // First thing in the gesture: nothing may be awaited before this call.
    granted = await browser.permissions.request({ origins: [originPattern(host, scheme)] });
  } catch (error) {
    return { ok: false, problem: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
  if (!granted) return { ok: false, problem: 'denied' };
  const { settings } = await loadSettings();
  const rest = settings.extraHosts.filter((h) => h.host !== host);
  await saveSettings({ ...settings, extraHosts: [...rest, { host, scheme, crm }] });
  return { ok: true };
}

export async function removeExtraHost(host: string): Promise<void> {
  const { settings } = await loadSettings();
  const gone = settings.extraHosts.filter((h) => h.host === host);
  await saveSettings({ ...settings, extraHosts: settings.extraHosts.filter((h) => h.host !== host) });
  if (gone.length) {
    await browser.permissions.remove({ origins: gone.map((h) => originPattern(h.host, h.scheme)) }).catch(() => false);
  }
}
