import 'fake-indexeddb/auto';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

beforeEach(async () => {
  fakeBrowser.reset();
  // An installed extension: its background made the install id at its first start.
  await fakeBrowser.storage.local.set({ installId: 'install-unit' });
});
