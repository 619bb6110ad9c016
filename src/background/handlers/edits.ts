/**
 * Edit messages: a new answer for a record, and "closed by mistake". Every write announces itself.
 */
import type { WhyLostDB } from '../../core/storage/db';
import { editAnswer, setReopened } from '../../core/storage/edits';
import { serve } from '../../platform/messaging';
import { loadCatalog, loadSettings } from '../../platform/stored';
import { writing, type BackgroundContext } from '../context';

export function registerEditHandlers(db: WhyLostDB, bg: BackgroundContext): void {
  serve('editAnswer', async (req) => {
    const [{ catalog }, { settings }] = await Promise.all([loadCatalog(), loadSettings()]);
    return writing(bg, () => editAnswer(db, req, { catalog, rules: settings.comments, now: Date.now() }));
  });

  serve('reopen', async (req) => {
    const { settings } = await loadSettings();
    const by = req.by?.trim() || settings.identity.name.trim() || settings.identity.id;
    return writing(bg, () => setReopened(db, { ...req, by }, Date.now()));
  });
}
