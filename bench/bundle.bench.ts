/**
 * Gzipped size of what each extension page and script loads, from the build (.output): the
 * popup and the dashboard (their HTML's scripts, preloads and styles), the background, each
 * content script. No browser needed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTENSION_DIR } from '../test/support/browser';
import { defineBench, type BenchRow } from './kit';

const gz = (file: string) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length / 1024;

/** The files an extension page loads: its module script, modulepreloads, stylesheets. */
function pageFiles(html: string): string[] {
  const text = readFileSync(join(EXTENSION_DIR, html), 'utf8');
  return [...text.matchAll(/(?:src|href)="\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

export default defineBench({
  name: 'bundle',
  title: 'Bundle sizes (gzip -9)',
  async run() {
    const rows: BenchRow[] = [];
    for (const html of ['popup.html', 'dashboard.html']) {
      const files = pageFiles(html);
      rows.push({ metric: `${html}: everything it loads (${files.length} files)`, unit: 'KB', samples: [files.reduce((s, f) => s + gz(f), 0)] });
      const own = files.filter((f) => f.includes(html.replace('.html', '')));
      rows.push({ metric: `${html}: its own chunk and styles`, unit: 'KB', samples: [own.reduce((s, f) => s + gz(f), 0)] });
    }
    rows.push({ metric: 'background.js', unit: 'KB', samples: [gz('background.js')] });
    for (const f of readdirSync(join(EXTENSION_DIR, 'content-scripts')).filter((x) => x.endsWith('.js'))) {
      rows.push({ metric: `content-scripts/${f}`, unit: 'KB', samples: [gz(`content-scripts/${f}`)] });
    }
    return rows;
  },
});
