/**
 * The background's statistics cache: the statistics table (stats-table.ts) of every stored
 * record — rows of `rejections` and records in packs (packs.ts) — kept exact and cheap to start.
 *
 * - Exact: every write to `rejections` logs its record ids in `statsLog` in the same
 *   transaction, a pack write the pack's key, a pack delete the ids it held (change-log.ts).
 *   Before answering, the cache reads the log past the last entry it applied and re-reads just
 *   those records and packs — or takes the packs a merge of this context has just written from
 *   memory (packs.ts, recentPack). Whoever wrote them — capture,
 *   tag, edit, import, merge — needs to know nothing about statistics.
 * - Cheap to start: the table is saved as a snapshot (with the log position it includes), so a
 *   background woken from sleep reads ~8 MB of columns (tens of ms) instead of 100,000 records
 *   (seconds). The search text, two thirds of the bytes, is a second row read only when a
 *   search or the next save needs it. The log entries up to the snapshot are then trimmed.
 * - Rebuilt from the records when there is no valid snapshot, after a range delete, or when
 *   more records changed than re-reading them one by one is worth.
 * - Not asking the log when nothing changed: Dexie reports every committed write to the table
 *   (in this context at once, from other contexts by BroadcastChannel), callers report the
 *   database revision moving (markDirty), and after `recheckMs` the log is read regardless.
 *   Reading an empty log costs an IndexedDB round trip: 30–50 ms on a loaded machine.
 */
import Dexie, { type ObservabilitySet } from 'dexie';
import { ALL_CHANGED, LOGGED_TABLE, PACK_INDEX_TABLE } from './change-log';
import type { WhyLostDB } from './db';
import type { Rejection } from '../rejection';
import { forgetPacksUpTo, PACK_SIZE, packedCount, readPacks, recentPack, recordStores, scanRecords } from './packs';
import { compacted, emptyTable, fillText, fromSnapshot, remove, toSnapshot, upsert, type StatsTable } from '../stats-table';

export const SNAPSHOT_KEY = 'table';
export const TEXT_KEY = 'text';

export interface StatsCacheOptions {
  /** Save the snapshot once this many log entries are unsaved… */
  persistEvery?: number;
  /** …or after this long without further changes. */
  persistIdleMs?: number;
  /** Rebuild instead of catching up when more than this share of the records changed. */
  rebuildShare?: number;
  /** Records read per request while rebuilding. */
  chunk?: number;
  /** Read the log at least this often even when no write was reported. */
  recheckMs?: number;
}

export interface CacheEvent {
  kind: 'snapshot-read' | 'snapshot-loaded' | 'text-loaded' | 'rebuilt' | 'caught-up' | 'persisted' | 'queued' | 'refreshed' | 'inputs' | 'computed' | 'answered';
  /** For 'computed' and 'answered': the message. */
  what?: string;
  ms: number;
  records: number;
}

export class StatsCache {
  private table: StatsTable | null = null;
  private appliedSeq = 0;
  private persistedSeq = 0;
  /** Where the table's missing text is: the text row saved with the columns loaded. */
  private textBase: { seq: number; size: number } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  /** A write may have happened since the log was last read. */
  private dirty = true;
  private checkedAt = -Infinity;
  private readonly onMutated = (parts: ObservabilitySet) => {
    const prefixes = [LOGGED_TABLE, PACK_INDEX_TABLE].map((t) => `idb://${this.db.name}/${t}/`);
    if ('all' in parts || Object.keys(parts).some((k) => prefixes.some((p) => k.startsWith(p)))) this.dirty = true;
  };
  private readonly options: Required<StatsCacheOptions>;
  /** What the cache did, newest last (a few dozen kept): for the benchmark and for debugging. */
  readonly events: CacheEvent[] = [];

  constructor(
    private readonly db: WhyLostDB,
    options: StatsCacheOptions = {},
  ) {
    this.options = { persistEvery: 500, persistIdleMs: 10_000, rebuildShare: 0.25, chunk: 5_000, recheckMs: 30_000, ...options };
    Dexie.on.storagemutated.subscribe(this.onMutated);
  }

  /** Something may have written the records (e.g. the database revision moved): read the log next time. */
  markDirty(): void {
    this.dirty = true;
  }

  dispose(): void {
    Dexie.on.storagemutated.unsubscribe(this.onMutated);
    if (this.idleTimer) clearTimeout(this.idleTimer);
  }

  /** The table with every committed write applied (and its search text, if asked). Calls run one at a time. */
  current(options: { text?: boolean } = {}): Promise<StatsTable> {
    const asked = performance.now();
    return this.serial(async () => {
      const started = performance.now();
      if (started - asked > 1) this.note('queued', asked, 0);
      await this.refresh();
      this.note('refreshed', started, 0);
      if (options.text) await this.ensureText();
      return this.table!;
    });
  }

  /** Saves the snapshot now if anything is unsaved (tests, and before a planned shutdown). */
  flush(): Promise<void> {
    return this.serial(() => this.persist());
  }

  /** Forgets the in-memory table: the next call loads the snapshot like a background just woken. */
  forget(): Promise<void> {
    return this.serial(async () => {
      this.table = null;
      this.dirty = true;
      this.textBase = null;
      this.appliedSeq = this.persistedSeq = 0;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /** Records what took how long (kept in `events`). */
  note(kind: CacheEvent['kind'], started: number, records: number, what?: string): void {
    this.events.push({ kind, ms: performance.now() - started, records, ...(what ? { what } : {}) });
    if (this.events.length > 50) this.events.shift();
  }

  private async refresh(): Promise<StatsTable> {
    const now = performance.now();
    if (!this.table || this.dirty || now - this.checkedAt > this.options.recheckMs) {
      // Cleared before reading: a write reported during the read makes the next call read again.
      this.dirty = false;
      this.checkedAt = now;
      if (!this.table) await this.load();
      else await this.catchUp();
    }
    const t = this.table!;
    if (t.size - t.live > Math.max(1000, t.live / 4)) {
      await this.ensureText();
      this.table = compacted(this.table!);
    }
    this.schedulePersist();
    return this.table!;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const row = await this.db.statsSnapshot.get(SNAPSHOT_KEY);
    this.note('snapshot-read', started, 0);
    const snap = row ? fromSnapshot(row.value) : null;
    if (!snap) return this.rebuild();
    this.table = snap.table;
    this.appliedSeq = this.persistedSeq = snap.appliedSeq;
    this.textBase = snap.table.textComplete ? null : { seq: snap.appliedSeq, size: snap.table.size };
    this.note('snapshot-loaded', started, snap.table.live);
    await this.catchUp();
  }

  private async catchUp(): Promise<void> {
    const started = performance.now();
    const { rejections } = this.db;
    const done = await this.db.transaction('r', recordStores(this.db), async () => {
      const table = this.table!;
      // Past this many records to read a rebuild is cheaper than reading them one by one.
      const limit = Math.max(this.options.chunk, Math.floor(table.live * this.options.rebuildShare));
      const entries = await this.db.statsLog.where('seq').above(this.appliedSeq).toArray();
      if (!entries.length) return true;
      const changed = new Set<string>();
      /** Ids logged by pack entries (deletes), and the packs written: see ChangeLogEntry. */
      const packed = new Set<string>();
      const packKeys = new Set<string>();
      /** Per pack written, the last position that wrote it; the last that deleted packs. */
      const lastWrite = new Map<string, number>();
      let lastDelete = 0;
      for (const e of entries) {
        // An entry of another shape (an older format) says nothing exact: rebuild.
        if (!Array.isArray(e.ids) || e.ids.some((id) => typeof id !== 'string')) return false;
        if (e.packs !== undefined && (!Array.isArray(e.packs) || e.packs.some((k) => typeof k !== 'string'))) return false;
        for (const id of e.ids) (e.packs ? packed : changed).add(id);
        for (const key of e.packs ?? []) {
          packKeys.add(key);
          lastWrite.set(key, e.seq!);
        }
        if (e.packs?.length === 0) lastDelete = e.seq!;
      }
      if (changed.has(ALL_CHANGED) || packed.has(ALL_CHANGED)) return false;
      // A pack a merge of this context just wrote is taken from memory (packs.ts, recentPack):
      // its records cost no read, so they do not count towards the limit.
      const contents: (readonly Rejection[])[] = [];
      const toRead: string[] = [];
      for (const key of packKeys) {
        const held = recentPack(this.db, key, Math.max(lastWrite.get(key)!, lastDelete));
        if (held) contents.push(held);
        else toRead.push(key);
      }
      // A pack's size is known once read: counted as PACK_SIZE.
      if (changed.size + packed.size + toRead.length * PACK_SIZE > limit) return false;
      // Rows first, then the packs written: a record is in one place, and removed if in neither.
      const seen = new Set<string>();
      (await rejections.bulkGet([...changed])).forEach((r) => {
        if (!r) return;
        upsert(table, r);
        seen.add(r.id);
      });
      for (const records of await readPacks(this.db, toRead)) contents.push(records ?? []);
      for (const records of contents) {
        for (const r of records) {
          if (seen.has(r.id)) continue;
          upsert(table, r);
          seen.add(r.id);
        }
      }
      for (const id of changed) if (!seen.has(id)) remove(table, id);
      for (const id of packed) if (!seen.has(id)) remove(table, id);
      this.appliedSeq = entries.at(-1)!.seq!;
      forgetPacksUpTo(this.db, this.appliedSeq);
      this.note('caught-up', started, changed.size + packed.size);
      return true;
    });
    if (!done) await this.rebuild();
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    await this.db.transaction('r', recordStores(this.db), async () => {
      const last = await this.db.statsLog.orderBy('seq').last();
      const table = emptyTable(Math.max(1024, (await this.db.rejections.count()) + (await packedCount(this.db))));
      await scanRecords(
        this.db,
        null,
        (records) => {
          for (const r of records) upsert(table, r);
        },
        this.options.chunk,
      );
      this.table = table;
      this.textBase = null;
      this.appliedSeq = last?.seq ?? 0;
      forgetPacksUpTo(this.db, this.appliedSeq);
      this.persistedSeq = -1; // the stored snapshot, if any, is stale
    });
    this.note('rebuilt', started, this.table!.live);
  }

  private schedulePersist(): void {
    if (this.appliedSeq === this.persistedSeq) return;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const unsaved = this.persistedSeq < 0 ? Infinity : this.appliedSeq - this.persistedSeq;
    if (unsaved >= this.options.persistEvery) {
      void this.flush().catch(() => undefined);
    } else {
      this.idleTimer = setTimeout(() => void this.flush().catch(() => undefined), this.options.persistIdleMs);
    }
  }

  /** Loads the search text saved with the columns; rebuilds if it is missing or does not match. */
  private async ensureText(): Promise<void> {
    const table = this.table!;
    if (table.textComplete) return;
    const started = performance.now();
    const base = this.textBase;
    const row = base ? await this.db.statsSnapshot.get(TEXT_KEY) : undefined;
    if (base && fillText(table, row?.value, base.seq, base.size)) {
      this.textBase = null;
      this.note('text-loaded', started, base.size);
      return;
    }
    await this.rebuild();
  }

  private async persist(): Promise<void> {
    if (!this.table || this.appliedSeq === this.persistedSeq) return;
    const started = performance.now();
    await this.ensureText(); // may rebuild, moving the log position on
    const seq = this.appliedSeq;
    this.table = compacted(this.table!);
    const snapshot = toSnapshot(this.table, seq);
    // Both rows in one transaction: the text always matches the columns it was saved with.
    await this.db.transaction('rw', this.db.statsSnapshot, async () => {
      await this.db.statsSnapshot.put({ key: SNAPSHOT_KEY, value: snapshot.columns });
      await this.db.statsSnapshot.put({ key: TEXT_KEY, value: snapshot.text });
    });
    this.persistedSeq = seq;
    // Trimmed only after the snapshot holding these entries is stored: a crash between keeps them (re-applied harmlessly).
    await this.db.statsLog.where('seq').belowOrEqual(seq).delete();
    this.note('persisted', started, this.table.live);
  }
}
