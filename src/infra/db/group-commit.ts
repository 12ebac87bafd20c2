// Group commit: many small writes share one transaction, and each caller is answered only after the
// COMMIT that made its write durable. This is what lets the gateway send a CALLRESULT only once the
// data is stored without paying one fsync per message.
//
// Work functions may run more than once (a failed batch is retried in smaller pieces), so they must
// only touch the database through `tx`, must not keep side effects of a run that ends up rolled
// back, and must let database errors propagate (a swallowed error leaves the transaction aborted).
//
// Grouped writes (`submit(writer, item)`) are the fast path: the items of one writer that meet in a
// batch are written by ONE call of that writer, i.e. a few multi-row statements per batch instead of
// a few statements per item (docs/adr/010-multi-row-batch-writes.md).
import type { Executor } from './database.js';

/**
 * Writes many items of one kind in a batch's transaction, typically with one multi-row statement
 * per table. Same rules as work functions: only through `tx`, may run again (a failed batch is
 * retried in smaller pieces), errors propagate. Gets the items in submission order; it must cope
 * with several items for the same key (merge them, or write them in rounds).
 */
export interface BatchWriter<T> {
  write(tx: Executor, items: readonly T[]): Promise<void>;
}

export type GroupCommitOptions = {
  /** Most work items in one transaction (default 256). */
  maxBatch?: number;
  /** How long to wait for more work before starting a batch; 0 (default) = the next macrotask. */
  maxDelayMs?: number;
  /**
   * Batch transactions that may be in flight at once (default 1). PostgreSQL can overlap several
   * over its pool, hiding the round trips of one behind another; PGlite has a single connection
   * and must stay at 1. Callers that need an order between two writes await the first.
   */
  maxInFlight?: number;
  /**
   * Load-following gather window (the embedded database, ADR 099). After a batch, the next one
   * starts no sooner than `gather.ratio` times the last batch's duration (at most `gather.maxMs`)
   * after it ended, so the event loop turns meanwhile: Node accepts ONE pending connection per
   * event-loop turn, and a PGlite batch runs in the server's own thread, so starting the next
   * batch at once made a storm alternate "one accept, one batch" with ~1 station per batch.
   * Work arriving after a quiet spell (the window has passed) still starts in the next macrotask.
   */
  gather?: { ratio: number; maxMs: number };
};

type Item = {
  /** Set for a plain work item. */
  work: ((tx: Executor) => Promise<unknown>) | null;
  /** Set (with `value`) for a grouped write. */
  writer: BatchWriter<unknown> | null;
  value: unknown;
  /** performance.now() when queued: how long the oldest item waited says whether the database keeps up. */
  queuedAt: number;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

/** Where a batch transaction stopped: items [0, done) completed; `segment` is set while grouped writes of [start, end) ran. */
type Progress = { done: number; segment: [number, number] | null };

export class GroupCommitter {
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;
  private readonly maxInFlight: number;
  private readonly gather: { ratio: number; maxMs: number } | null;
  /** performance.now() when the last batch ended, and the window it leaves for the event loop. */
  private gatherUntil = 0;
  private queue: Item[] = [];
  /** A timer or setImmediate is pending to start batches. */
  private scheduled: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly db: Executor, options: GroupCommitOptions = {}) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 256);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? 0);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
    this.gather = options.gather && options.gather.ratio > 0 && options.gather.maxMs > 0 ? { ...options.gather } : null;
  }

  /** Work items waiting for a batch: a measure of how far the database is behind (load shedding reads it). */
  get queueDepth(): number {
    return this.queue.length;
  }

  /**
   * How long the oldest waiting item has been queued, in ms (0 when none waits). A deep queue that
   * drains quickly is no overload; a queue whose head keeps waiting is.
   */
  get oldestWaitMs(): number {
    const head = this.queue[0];
    return head ? performance.now() - head.queuedAt : 0;
  }

  /** Runs `work` inside a shared transaction; resolves with its result after that transaction commits. */
  run<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('GroupCommitter is closed: no new work is accepted'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work: work as Item['work'], writer: null, value: undefined, queuedAt: performance.now(), resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /**
   * Queues `item` for `writer`; resolves after the COMMIT of the batch that wrote it. The grouped
   * items of a batch are written per writer, in the order the writers first appear; a plain work
   * item between them keeps its place (grouped items before it are written before it runs).
   */
  submit<T>(writer: BatchWriter<T>, item: T): Promise<void> {
    if (this.closed) return Promise.reject(new Error('GroupCommitter is closed: no new work is accepted'));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ work: null, writer: writer as BatchWriter<unknown>, value: item, queuedAt: performance.now(), resolve: resolve as (value: unknown) => void, reject });
      this.schedule();
    });
  }

  /** Resolves once everything submitted so far has been committed (or rejected). */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.inFlight.size > 0) {
      this.startBatches();
      await Promise.race(this.inFlight);
    }
  }

  /** Flushes pending work, then rejects any new work. */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
  }

  private schedule(): void {
    // While every slot is busy, a finishing batch picks the new work up as soon as it commits.
    if (this.scheduled || this.inFlight.size >= this.maxInFlight || this.queue.length === 0) return;
    const gatherMs = this.gather ? this.gatherUntil - performance.now() : 0;
    const delayMs = Math.max(this.maxDelayMs, gatherMs);
    this.scheduled = delayMs >= 1
      ? setTimeout(() => this.startBatches(), delayMs)
      : setImmediate(() => this.startBatches());
  }

  private startBatches(): void {
    if (this.scheduled) {
      clearTimeout(this.scheduled as NodeJS.Timeout);
      clearImmediate(this.scheduled as NodeJS.Immediate);
      this.scheduled = null;
    }
    while (this.inFlight.size < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch);
      const startedAt = performance.now();
      const running: Promise<void> = this.commit(batch).finally(() => {
        this.inFlight.delete(running);
        if (this.gather) {
          const endedAt = performance.now();
          this.gatherUntil = endedAt + Math.min(this.gather.maxMs, (endedAt - startedAt) * this.gather.ratio);
          this.schedule();
        } else if (this.queue.length > 0) {
          this.startBatches();
        }
      });
      this.inFlight.add(running);
    }
  }

  /**
   * Runs the items in order in one transaction and settles them after COMMIT. When the transaction
   * fails, nothing of it is stored, and the batch is split so that the failure stays with its cause:
   * the items before the one that threw are retried together, the failing one alone (rejecting only
   * its own promise if it fails again), and the rest as a new batch. When a grouped write failed,
   * the group it wrote is split in halves and each half retried, down to single items. When the
   * failure came from BEGIN/COMMIT rather than from an item, every item is retried alone.
   */
  private async commit(batch: Item[]): Promise<void> {
    const results: unknown[] = new Array(batch.length);
    const progress: Progress = { done: 0, segment: null };
    try {
      await this.db.transaction((tx) => runItems(tx, batch, results, progress));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      if (progress.segment) {
        const [start, end] = progress.segment;
        if (start > 0) await this.commit(batch.slice(0, start));
        if (end - start === 1) {
          await this.commit([batch[start]!]);
        } else {
          const middle = start + Math.ceil((end - start) / 2);
          await this.commit(batch.slice(start, middle));
          await this.commit(batch.slice(middle, end));
        }
        if (end < batch.length) await this.commit(batch.slice(end));
        return;
      }
      const failed = progress.done; // index of the item that threw; batch.length if COMMIT failed
      if (failed >= batch.length) {
        for (const item of batch) await this.commit([item]);
        return;
      }
      if (failed > 0) await this.commit(batch.slice(0, failed));
      await this.commit([batch[failed]!]);
      if (failed + 1 < batch.length) await this.commit(batch.slice(failed + 1));
      return;
    }
    batch.forEach((item, i) => item.resolve(results[i]));
  }
}

/** Runs a batch inside its transaction: grouped items are gathered until a plain item (or the end) and written per writer. */
async function runItems(tx: Executor, batch: Item[], results: unknown[], progress: Progress): Promise<void> {
  let start = 0;
  for (let i = 0; i <= batch.length; i += 1) {
    const item = batch[i];
    if (item && item.writer) continue;
    if (start < i) {
      progress.segment = [start, i];
      await writeGroups(tx, batch, start, i);
      progress.segment = null;
      progress.done = i;
    }
    if (!item) return;
    results[i] = await item.work!(tx);
    progress.done = i + 1;
    start = i + 1;
  }
}

async function writeGroups(tx: Executor, batch: Item[], start: number, end: number): Promise<void> {
  const groups = new Map<BatchWriter<unknown>, unknown[]>();
  for (let i = start; i < end; i += 1) {
    const item = batch[i]!;
    const values = groups.get(item.writer!);
    if (values) values.push(item.value);
    else groups.set(item.writer!, [item.value]);
  }
  for (const [writer, values] of groups) await writer.write(tx, values);
}
