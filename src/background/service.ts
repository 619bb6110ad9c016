/**
 * The background: owns the database and answers the message protocol. Each area registers
 * its handlers from ./handlers/; a new area adds a file and one line here.
 */
import { openDatabase, type WhyLostDB } from '../core/storage/db';
import { makeInstallIdHere } from '../platform/stored';
import { createBackgroundContext, updateBadge } from './context';
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

  void updateBadge(db).catch(() => undefined);
  return db;
}
