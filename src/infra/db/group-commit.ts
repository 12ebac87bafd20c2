// Group commit: many small writes share one transaction, and each caller is answered only after the
// COMMIT that made its write durable. This is what lets the gateway send a CALLRESULT only once the
// data is stored without paying one fsync per message.
//
// Work functions may run more than once (a failed batch is retried in smaller pieces), so they must
// only touch the database through `tx`, must not keep side effects of a run that ends up rolled
// back, and must let database errors propagate (a swallowed error leaves the transaction aborted).
import type { Executor } from './database.js';

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
};

type Item = {
  work: (tx: Executor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
};

export class GroupCommitter {
  private readonly maxBatch: number;
  private readonly maxDelayMs: number;
  private readonly maxInFlight: number;
  private queue: Item[] = [];
  /** A timer or setImmediate is pending to start batches. */
  private scheduled: NodeJS.Timeout | NodeJS.Immediate | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly db: Executor, options: GroupCommitOptions = {}) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 256);
    this.maxDelayMs = Math.max(0, options.maxDelayMs ?? 0);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? 1);
  }

  /** Work items waiting for a batch: a measure of how far the database is behind (load shedding reads it). */
  get queueDepth(): number {
    return this.queue.length;
  }

  /** Runs `work` inside a shared transaction; resolves with its result after that transaction commits. */
  run<T>(work: (tx: Executor) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('GroupCommitter is closed: no new work is accepted'));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
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
    if (this.scheduled || this.inFlight.size >= this.maxInFlight) return;
    this.scheduled = this.maxDelayMs > 0
      ? setTimeout(() => this.startBatches(), this.maxDelayMs)
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
      const running: Promise<void> = this.commit(batch).finally(() => {
        this.inFlight.delete(running);
        if (this.queue.length > 0) this.startBatches();
      });
      this.inFlight.add(running);
    }
  }

  /**
   * Runs the items in order in one transaction and settles them after COMMIT. When the transaction
   * fails, nothing of it is stored, and the batch is split so that the failure stays with its cause:
   * the items before the one that threw are retried together, the failing one alone (rejecting only
   * its own promise if it fails again), and the rest as a new batch. When the failure came from
   * BEGIN/COMMIT rather than from an item, every item is retried alone.
   */
  private async commit(batch: Item[]): Promise<void> {
    const results: unknown[] = [];
    try {
      await this.db.transaction(async (tx) => {
        for (const item of batch) results.push(await item.work(tx));
      });
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      const failed = results.length; // index of the item that threw; batch.length if COMMIT failed
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
