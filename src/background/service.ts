/**
 * The background: owns the database and answers the message protocol. Each area registers
 * its handlers from ./handlers/; a new area adds a file and one line here.
 */
import { browser } from 'wxt/browser';
import { openDatabase, type WhyLostDB } from '../core/storage/db';
import { makeInstallIdHere, settingsItem } from '../platform/stored';
import { createBackgroundContext } from './context';
import { registerEditHandlers } from './handlers/edits';
import { registerExchangeHandlers } from './handlers/exchange';
import { registerHealthHandlers } from './handlers/health';
import { registerNativeHandlers } from './handlers/native';
import { registerPanelUiHandlers } from './handlers/panel-ui';
import { registerOptionsHandlers } from './handlers/options';
import { registerRecordHandlers } from './handlers/records';
import { registerStatsHandlers } from './handlers/stats';
import { startExtraHosts } from './extra-hosts';
import { startManualTagging } from './manual';
import { startShellRemakes } from './remake';

export function startBackground(db: WhyLostDB = openDatabase()): WhyLostDB {
  // The install id is made here and only here, before any handler can read it.
  void makeInstallIdHere().catch((error: unknown) => console.error('[WhyLost] could not store the install id', error));
  const bg = createBackgroundContext(db);
  registerRecordHandlers(db, bg);
  registerHealthHandlers();
  registerEditHandlers(db, bg);
  registerNativeHandlers(db, bg);
  registerPanelUiHandlers();
  registerOptionsHandlers(db);
  registerExchangeHandlers(db, bg);
  registerStatsHandlers(db);
  startExtraHosts();
  startManualTagging();
  startShellRemakes();

  // The badge is the browser's and stays while it runs: counted when it starts or the extension is
  // installed or updated, after every write (bg.changed) and when the settings change (whose
  // closes: the identity), not at every wake. A wake is most often a popup or dashboard asking for
  // figures, and the count reads every pending record (~4,000 in the 100,000-record bench) while
  // the worker reads its snapshot for that answer.
  browser.runtime.onStartup.addListener(() => void bg.refreshBadge());
  browser.runtime.onInstalled.addListener(() => void bg.refreshBadge());
  settingsItem.watch(() => void bg.refreshBadge());
  return db;
}
