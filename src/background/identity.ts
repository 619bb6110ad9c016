/**
 * The WhyLost identity behind new records. The manager's display name comes from the CRM page
 * (every capture carries the CRM's current user) while the user has not typed one: the first
 * close fills it, and that first record already carries it as its owner.
 */
import type { Person } from '../core/rejection';
import { identityFromCrm } from '../core/settings-edit';
import type { Owner } from '../core/storage/repository';
import { loadSettings, saveSettings } from '../platform/stored';

export async function ownerFor(crmUser: Person | null): Promise<Owner> {
  const { settings, problem } = await loadSettings();
  // Invalid stored settings are left as they are: writing now would erase them (and the notice)
  // behind the user's back. The name is filled on a later close, once they are fixed.
  const filled = problem ? null : identityFromCrm(settings.identity, crmUser?.name);
  if (filled) await saveSettings({ ...settings, identity: filled });
  const identity = filled ?? settings.identity;
  return { id: identity.id, name: identity.name };
}
