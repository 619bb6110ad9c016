import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../core/settings';
import { installIdItem, loadSettings, saveSettings, settingsItem } from '../platform/stored';
import { ownerFor } from './identity';

const anna = { id: '501', name: 'Анна Петрова' };

describe('ownerFor (the identity behind a new record)', () => {
  it('fills an empty name from the CRM user once, stores it as taken from the CRM, and returns it', async () => {
    await installIdItem.setValue('install-1');
    await expect(ownerFor(anna)).resolves.toEqual({ id: 'install-1', name: 'Анна Петрова' });
    expect((await loadSettings()).settings.identity).toEqual({ id: 'install-1', name: 'Анна Петрова', fromCrm: true });
    await expect(ownerFor({ id: '9', name: 'Иван' })).resolves.toEqual({ id: 'install-1', name: 'Анна Петрова' });
  });

  it('never replaces a name the user typed', async () => {
    const s = defaultSettings('install-1');
    await saveSettings({ ...s, identity: { ...s.identity, name: 'Анна П. (Киев)' } });
    await expect(ownerFor(anna)).resolves.toEqual({ id: 'install-1', name: 'Анна П. (Киев)' });
    expect((await loadSettings()).settings.identity.fromCrm).toBe(false);
  });

  it('leaves invalid stored settings untouched (the notice stays until the user fixes them)', async () => {
    const broken = { ...defaultSettings('install-1'), comments: { required: 'sometimes' } };
    await settingsItem.setValue(broken);
    await expect(ownerFor(anna)).resolves.toEqual({ id: 'install-1', name: '' });
    expect(await settingsItem.getValue()).toEqual(broken);
  });
});
