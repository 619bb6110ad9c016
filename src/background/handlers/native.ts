/**
 * The CRM's own loss reason, set on an already captured record.
 */
import type { WhyLostDB } from '../../core/storage/db';
import { setNative } from '../../core/storage/native';
import { serve } from '../../platform/messaging';
import { loadSettings } from '../../platform/stored';
import { writing, type BackgroundContext } from '../context';

export function registerNativeHandlers(db: WhyLostDB, bg: BackgroundContext): void {
  serve('setNative', async (req) => {
    const { settings } = await loadSettings();
    const owner = { id: settings.identity.id, name: settings.identity.name };
    return writing(bg, () => setNative(db, req, owner, Date.now()));
  });
}
