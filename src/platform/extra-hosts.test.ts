import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { addExtraHost, removeExtraHost } from './extra-hosts';
import { loadSettings } from './stored';

describe('own-domain portals', () => {
  it('asks the browser for exactly that origin, then stores the host', async () => {
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    await expect(addExtraHost('crm.example.com', 'https', 'bitrix24')).resolves.toEqual({ ok: true });
    expect(request).toHaveBeenCalledWith({ origins: ['https://crm.example.com/*'] });
    expect((await loadSettings()).settings.extraHosts).toEqual([{ host: 'crm.example.com', scheme: 'https', crm: 'bitrix24' }]);
  });

  it('stores nothing when the user refuses the permission', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    await expect(addExtraHost('crm.example.com', 'https', 'onebox')).resolves.toEqual({ ok: false, problem: 'denied' });
    expect((await loadSettings()).settings.extraHosts).toEqual([]);
  });

  it('releases the permission when a host is removed', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockResolvedValue(true as never);
    await addExtraHost('onebox.example.org', 'https', 'onebox');
    await removeExtraHost('onebox.example.org');
    expect(remove).toHaveBeenCalledWith({ origins: ['https://onebox.example.org/*'] });
    expect((await loadSettings()).settings.extraHosts).toEqual([]);
  });
});
