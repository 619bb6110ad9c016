/**
 * Writes from the options page: each edit reads the stored value fresh, applies a pure change
 * and stores the result only if it is valid, so two open settings tabs never write a stale copy
 * and nothing invalid is ever stored. Open CRM tabs pick the change up through `watchConfig`.
 */
import type { Catalog } from '../core/catalog';
import type { EditResult } from '../core/catalog-edit';
import { SettingsSchema, type Settings } from '../core/settings';
import { catalogItem, loadCatalog, loadSettings, saveSettings } from './stored';

/** Applies `change` to the current settings. A stored part that was invalid is replaced by what the page showed (its default). */
export async function updateSettings(change: (current: Settings) => Settings): Promise<void> {
  const { settings } = await loadSettings();
  await saveSettings(SettingsSchema.parse(change(settings)));
}

/** Applies a catalog edit to the current catalog; a refused edit stores nothing and returns its problems. */
export async function updateCatalog(edit: (current: Catalog) => EditResult): Promise<EditResult> {
  const { catalog } = await loadCatalog();
  const result = edit(catalog);
  if (result.ok && result.catalog !== catalog) await catalogItem.setValue(result.catalog);
  return result;
}
