/**
 * Detection health: the latest report per host and page kind, kept in storage.
 */
import { mergeHealth } from '../../core/health';
import { serve } from '../../platform/messaging';
import { healthItem, loadHealth } from '../../platform/stored';

export function registerHealthHandlers(): void {
  serve('reportHealth', async (report) => {
    await healthItem.setValue(mergeHealth(await loadHealth(), report));
    return { ok: true, value: null };
  });
  serve('health', async (req) => {
    const all = await loadHealth();
    return { ok: true, value: req.host ? all.filter((r) => r.host === req.host) : all };
  });
}
