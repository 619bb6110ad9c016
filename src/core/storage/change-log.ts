/**
 * The change log: every write to the records — `rejections`, and the packs of imported records
 * through their index `packIndex` (packs.ts) — by any code, in any transaction, also writes the
 * record ids it touched to `statsLog`, in the same transaction: one log row per write call (a
 * bulkPut of 5,000 records adds one row, not 5,000 — measured: one row per id made a
 * 5,000-record bulkPut 40 % slower). The statistics cache (stats-cache.ts) reads the log to
 * catch up with writes it has not seen, so it stays exact whoever writes (capture, tag, edits,
 * imports, merges) without any of them knowing about it.
 *
 * A Dexie DBCore middleware: it widens every read-write transaction that touches a logged
 * table to include `statsLog`, then logs the keys of each add/put/delete. Packs are logged by
 * key when written (the cache reads them, or has them: their ids would say nothing more, since a
 * packed record leaves a pack only for another pack written by the same call, or by a delete),
 * and by the ids they held when deleted (read before the delete). A range delete (`clear()`)
 * logs ALL_CHANGED: the cache rebuilds.
 */
import type { DBCore, DBCoreMutateRequest, DBCoreMutateResponse, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie';

export const LOGGED_TABLE = 'rejections';
/** Pack index rows (packs.ts): each names the record ids of one pack. */
export const PACK_INDEX_TABLE = 'packIndex';
export const LOG_TABLE = 'statsLog';
/** Logged for a change whose keys are unknown (range delete): everything may have changed. */
export const ALL_CHANGED = '*';

export interface ChangeLogEntry {
  seq?: number;
  /**
   * Record ids, or [ALL_CHANGED]. Of packs: the ids a delete removed, none for a write (entries
   * from earlier builds list a written pack's ids too, and are read as before).
   */
  ids: string[];
  /**
   * Present when the entry is of packs: the keys of the packs written (none for a delete). The
   * cache reads those packs: an id logged here and found in none of the packs written since is
   * gone (a packed record moves only by a write of its new pack).
   */
  packs?: string[];
}

const LOGGED = [LOGGED_TABLE, PACK_INDEX_TABLE];

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

/** The record ids named by pack index rows. */
function idsOfRows(rows: readonly unknown[]): string[] {
  const ids: string[] = [];
  for (const row of rows) {
    const list = (row as { ids?: unknown } | undefined)?.ids;
    if (Array.isArray(list)) for (const id of list) if (typeof id === 'string') ids.push(id);
  }
  return ids;
}

/** What a pack index write logs (a delete's ids are read before it: see the middleware). */
function packsChanged(req: Exclude<DBCoreMutateRequest, { type: 'delete' }>): Required<Omit<ChangeLogEntry, 'seq'>> {
  switch (req.type) {
    case 'add':
    case 'put':
      return { ids: [], packs: req.values.map((row) => String((row as { key?: unknown }).key)) };
    case 'deleteRange':
      return { ids: [ALL_CHANGED], packs: [] };
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
          mode === 'readwrite' && stores.some((s) => LOGGED.includes(s)) && !stores.includes(LOG_TABLE) ? [...stores, LOG_TABLE] : stores;
        return down.transaction(widened, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (!LOGGED.includes(name)) return table;
        const log = async (trans: DBCoreTransaction, ids: string[], packs?: string[]) => {
          const unique = [...new Set(ids)];
          if (!unique.length && !packs?.length) return;
          const entry: ChangeLogEntry = packs ? { ids: unique, packs } : { ids: unique };
          await down.table(LOG_TABLE).mutate({ type: 'add', trans, values: [entry] });
        };
        const logged: DBCoreTable =
          name === LOGGED_TABLE
            ? {
                ...table,
                async mutate(req) {
                  const res = await table.mutate(req);
                  await log(req.trans, changedKeys(req, res));
                  return res;
                },
              }
            : {
                ...table,
                async mutate(req) {
                  // A delete's ids are gone after it: read the rows first. Both requests are placed
                  // now, in this order (IndexedDB runs them so), and nothing native is awaited
                  // before the write: Dexie's transaction zone survives only awaits of its own promises.
                  const before = req.type === 'delete' ? table.getMany({ trans: req.trans, keys: req.keys }) : null;
                  const res = await table.mutate(req);
                  const entry = req.type === 'delete' ? { ids: idsOfRows(await before!), packs: [] } : packsChanged(req);
                  await log(req.trans, entry.ids, entry.packs);
                  return res;
                },
              };
        return logged;
      },
    };
  },
};
