/**
 * The background's statistics cache: the statistics table (stats-table.ts) of every stored
 * record, kept exact and cheap to start.
 *
 * - Exact: every write to `rejections` logs its ids in `statsLog` in the same transaction
 *   (change-log.ts). Before answering, the cache reads the log past the last entry it applied
 *   and re-reads just those records. Whoever wrote them — capture, tag, edit, import, merge —
 *   needs to know nothing about statistics.
 * - Cheap to start: the table is saved as one snapshot row (with the log position it includes),
 *   so a background woken from sleep reads ~10 MB of columns (tens of ms) instead of 100,000
 *   records (seconds). The log entries up to the snapshot are then trimmed.
 * - Rebuilt from the records when there is no valid snapshot, after a range delete, or when
 *   more records changed than re-reading them one by one is worth.
 */
import { ALL_CHANGED } from './change-log';
import type { WhyLostDB } from './db';
import { compacted, emptyTable, fromSnapshot, remove, toSnapshot, upsert, type StatsTable } from '../stats-table';
import type { Rejection } from '../rejection';

export const SNAPSHOT_KEY = 'table';

export interface StatsCacheOptions {
  /** Save the snapshot once this many log entries are unsaved… */
  persistEvery?: number;
  /** …or after this long without further changes. */
  persistIdleMs?: number;
  /** Rebuild instead of catching up when more than this share of the records changed. */
  rebuildShare?: number;
  /** Records read per request while rebuilding. */
  chunk?: number;
}

export interface CacheEvent {
  kind: 'snapshot-loaded' | 'rebuilt' | 'caught-up' | 'persisted';
  ms: number;
  records: number;
}

export class StatsCache {
  private table: StatsTable | null = null;
  private appliedSeq = 0;
  private persistedSeq = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly options: Required<StatsCacheOptions>;
  /** What the cache did, newest last (a few dozen kept): for the benchmark and for debugging. */
  readonly events: CacheEvent[] = [];

  constructor(
    private readonly db: WhyLostDB,
    options: StatsCacheOptions = {},
  ) {
    this.options = { persistEvery: 500, persistIdleMs: 10_000, rebuildShare: 0.25, chunk: 5_000, ...options };
  }

  /** The table with every committed write applied. Calls run one at a time. */
  current(): Promise<StatsTable> {
    return this.serial(() => this.refresh());
  }

  /** Saves the snapshot now if anything is unsaved (tests, and before a planned shutdown). */
  flush(): Promise<void> {
    return this.serial(() => this.persist());
  }

  /** Forgets the in-memory table: the next call loads the snapshot like a background just woken. */
  forget(): Promise<void> {
    return this.serial(async () => {
      this.table = null;
      this.appliedSeq = this.persistedSeq = 0;
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private note(kind: CacheEvent['kind'], started: number, records: number): void {
    this.events.push({ kind, ms: performance.now() - started, records });
    if (this.events.length > 50) this.events.shift();
  }

  private async refresh(): Promise<StatsTable> {
    if (!this.table) await this.load();
    else await this.catchUp();
    const t = this.table!;
    if (t.size - t.live > Math.max(1000, t.live / 4)) this.table = compacted(t);
    this.schedulePersist();
    return this.table!;
  }

  private async load(): Promise<void> {
    const started = performance.now();
    const row = await this.db.statsSnapshot.get(SNAPSHOT_KEY);
    const snap = row ? fromSnapshot(row.value) : null;
    if (!snap) return this.rebuild();
    this.table = snap.table;
    this.appliedSeq = this.persistedSeq = snap.appliedSeq;
    this.note('snapshot-loaded', started, snap.table.live);
    await this.catchUp();
  }

  private async catchUp(): Promise<void> {
    const started = performance.now();
    const done = await this.db.transaction('r', this.db.statsLog, this.db.rejections, async () => {
      const entries = await this.db.statsLog.where('seq').above(this.appliedSeq).toArray();
      if (!entries.length) return true;
      const ids = [...new Set(entries.map((e) => e.id))];
      const table = this.table!;
      if (ids.includes(ALL_CHANGED) || ids.length > Math.max(this.options.chunk, table.live * this.options.rebuildShare)) {
        return false;
      }
      const records = await this.db.rejections.bulkGet(ids);
      records.forEach((r, i) => (r ? upsert(table, r) : remove(table, ids[i]!)));
      this.appliedSeq = entries.at(-1)!.seq!;
      this.note('caught-up', started, ids.length);
      return true;
    });
    if (!done) await this.rebuild();
  }

  private async rebuild(): Promise<void> {
    const started = performance.now();
    const { chunk } = this.options;
    await this.db.transaction('r', this.db.statsLog, this.db.rejections, async () => {
      const last = await this.db.statsLog.orderBy('seq').last();
      const table = emptyTable(Math.max(1024, await this.db.rejections.count()));
      let after: string | null = null;
      for (;;) {
        const batch: Rejection[] = await (after === null
          ? this.db.rejections.orderBy('id').limit(chunk).toArray()
          : this.db.rejections.where('id').above(after).limit(chunk).toArray());
        for (const r of batch) upsert(table, r);
        if (batch.length < chunk) break;
        after = batch.at(-1)!.id;
      }
      this.table = table;
      this.appliedSeq = last?.seq ?? 0;
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

  private async persist(): Promise<void> {
    if (!this.table || this.appliedSeq === this.persistedSeq) return;
    const started = performance.now();
    const seq = this.appliedSeq;
    this.table = compacted(this.table);
    await this.db.statsSnapshot.put({ key: SNAPSHOT_KEY, value: toSnapshot(this.table, seq) });
    this.persistedSeq = seq;
    // Trimmed only after the snapshot holding these entries is stored: a crash between keeps them (re-applied harmlessly).
    await this.db.statsLog.where('seq').belowOrEqual(seq).delete();
    this.note('persisted', started, this.table.live);
  }
}
