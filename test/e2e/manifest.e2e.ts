/**
 * Least privilege, read off the built manifests (Chromium and Firefox): any permission or host
 * pattern beyond the agreed list fails. Widening it is a decision, made here, in review.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUTPUT = resolve(import.meta.dirname, '../../.output');

/** The agreed API permissions and why. */
const PERMISSIONS = new Set([
  'storage', // settings and catalog
  'scripting', // content scripts for own-domain portals the user adds
  'contextMenus', // «Записать отказ по этому лиду»
  // Chromium only, no warning at install, no access to data or sites: the background remakes the
  // statistics pages' shells out of sight (offscreen) when their figures change with the time (alarms).
  'offscreen',
  'alarms',
]);

/** Asked for at run time, one host at a time, when the user adds an own-domain portal. */
const OPTIONAL_HOSTS = new Set(['https://*/*', 'http://*/*']);

const BITRIX_ZONES = ['ru', 'com', 'eu', 'de', 'ua', 'by', 'fr', 'it', 'pl', 'kz', 'in', 'com.tr', 'id', 'cn', 'vn', 'jp', 'es', 'com.br', 'uk', 'tech'];

/** The CRM clouds (crm-facts.md): the only hosts content scripts are declared for. */
const CRM_HOSTS = new Set([
  'https://*.amocrm.ru/*',
  'https://*.amocrm.com/*',
  'https://*.kommo.com/*',
  ...BITRIX_ZONES.map((z) => `https://*.bitrix24.${z}/*`),
  'https://*.1b.app/*',
  'https://*.crm-onebox.com/*',
]);

type Manifest = {
  manifest_version: number;
  permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  optional_permissions?: string[];
  content_scripts?: { matches: string[] }[];
  web_accessible_resources?: ({ resources: string[]; matches: string[] } | string)[];
  content_security_policy?: string | Record<string, string>;
  externally_connectable?: unknown;
};

function manifestOf(target: string): { dir: string; manifest: Manifest } {
  const dir = join(OUTPUT, target);
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm test", which builds both browsers first.`);
  return { dir, manifest: JSON.parse(readFileSync(file, 'utf8')) as Manifest };
}

const outside = (list: string[] | undefined, allowed: Set<string>) => (list ?? []).filter((p) => !allowed.has(p));

describe.each(['chrome-mv3', 'firefox-mv3'])('%s manifest', (target) => {
  const { dir, manifest } = manifestOf(target);

  it('asks only for the agreed permissions', () => {
    expect(manifest.manifest_version).toBe(3);
    expect(outside(manifest.permissions, PERMISSIONS)).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(outside(manifest.optional_host_permissions, OPTIONAL_HOSTS)).toEqual([]);
    // Host access up front only for CRM clouds (content-script matches carry it anyway).
    expect(outside(manifest.host_permissions, CRM_HOSTS)).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    // Firefox has no offscreen documents: neither is asked for there.
    if (target === 'firefox-mv3') expect(manifest.permissions).not.toEqual(expect.arrayContaining(['offscreen']));
  });

  it('declares content scripts for CRM hosts only, never <all_urls>', () => {
    const matches = (manifest.content_scripts ?? []).flatMap((c) => c.matches);
    expect(matches.length).toBeGreaterThan(0);
    expect(outside(matches, CRM_HOSTS)).toEqual([]);
    const all = JSON.stringify(manifest);
    expect(all).not.toContain('<all_urls>');
    expect(all).not.toMatch(/"\*:\/\/\*\/\*"/);
  });

  it('exposes no resources to web pages beyond CRM hosts, and runs no remote code', () => {
    for (const war of manifest.web_accessible_resources ?? []) {
      if (typeof war === 'string') throw new Error(`MV2-style web_accessible_resources: ${war}`);
      expect(outside(war.matches, CRM_HOSTS)).toEqual([]);
    }
    const csp = JSON.stringify(manifest.content_security_policy ?? '');
    expect(csp).not.toMatch(/unsafe-eval|https?:\/\//);
    // Extension pages load only their own files.
    for (const html of readdirSync(dir).filter((f) => f.endsWith('.html'))) {
      const text = readFileSync(join(dir, html), 'utf8');
      expect(text, html).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
    }
  });
});
