/**
 * The change log: every write to `rejections` — by any code, in any transaction — also writes
 * the ids it touched to `statsLog`, in the same transaction: one log row per write call (a
 * bulkPut of 5,000 records adds one row, not 5,000 — measured: one row per id made a 5,000-record
 * bulkPut 40 % slower). The statistics cache (stats-cache.ts)
 * reads the log to catch up with writes it has not seen, so it stays exact whoever writes
 * (capture, tag, edits, imports, merges) without any of them knowing about it.
 *
 * A Dexie DBCore middleware: it widens every read-write transaction that touches `rejections`
 * to include `statsLog`, then logs the keys of each add/put/delete. A range delete (`clear()`)
 * logs ALL_CHANGED: the cache rebuilds.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, Middleware } from 'dexie';

export const LOGGED_TABLE = 'rejections';
export const LOG_TABLE = 'statsLog';
/** Logged for a change whose keys are unknown (range delete): everything may have changed. */
export const ALL_CHANGED = '*';

export interface ChangeLogEntry {
  seq?: number;
  /** Record ids, or [ALL_CHANGED]. */
  ids: string[];
}

function changedKeys(req: DBCoreMutateRequest, res: DBCoreMutateResponse): string[] {
  switch (req.type) {
    case 'add':
    case 'put':
      return (res.results ?? req.keys ?? []).filter((k): k is string => typeof k === 'string');
    case 'delete':
      return req.keys.filter((k): k is string => typeof k === 'string');
    case 'deleteRange':
      return [ALL_CHANGED];
  }
}

export const changeLogMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'WhyLostChangeLog',
  create(down) {
    return {
      ...down,
      transaction(stores, mode, options) {
        const widened =
          mode === 'readwrite' && stores.includes(LOGGED_TABLE) && !stores.includes(LOG_TABLE) ? [...stores, LOG_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== LOGGED_TABLE) return table;
        const logged: DBCoreTable = {
          ...table,
          async mutate(req) {
            const res = await table.mutate(req);
            const ids = [...new Set(changedKeys(req, res))];
            if (ids.length) {
              const entry: ChangeLogEntry = { ids };
              await down.table(LOG_TABLE).mutate({ type: 'add', trans: req.trans, values: [entry] });
            }
            return res;
          },
        };
        return logged;
      },
    };
  },
};
