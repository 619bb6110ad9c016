/**
 * The background: owns the database and answers the message protocol. Each area registers
 * its handlers from ./handlers/; a new area adds a file and one line here.
 */
import { openDatabase, type WhyLostDB } from '../core/storage/db';
import { installIdItem } from '../platform/stored';
import { createBackgroundContext, updateBadge } from './context';
import { registerHealthHandlers } from './handlers/health';
import { registerRecordHandlers } from './handlers/records';
import { registerStatsHandlers } from './handlers/stats';
import { startExtraHosts } from './extra-hosts';

export function startBackground(db: WhyLostDB = openDatabase()): WhyLostDB {
  const bg = createBackgroundContext(db);
  registerRecordHandlers(db, bg);
  registerHealthHandlers();
  registerStatsHandlers(db);
  startExtraHosts();

  // The install id is made here first, so no two contexts race to create it.
  void installIdItem.getValue();
  void updateBadge(db).catch(() => undefined);
  return db;
}
