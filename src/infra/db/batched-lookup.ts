// Reads of the OCPP hot path, batched: every lookup made in the same event-loop turn is answered by
// one query (`where id = any(...)`), and while `maxInFlight` such queries are running, new lookups
// wait and join the next one. A reconnect storm of 10,000 stations then costs a few dozen reads for
// its handshakes (and for the reads that follow each boot) instead of 10,000 each: handshakes
// arrive one per event-loop turn, so batching by turn alone gave about one station per query.
// Without load a lookup waits only for the end of its turn, as before.

type Waiter<V> = { resolve: (value: V | null) => void; reject: (error: unknown) => void };

export type BatchedLookupOptions = {
  /** Most ids per query (default 1,000). */
  maxBatch?: number;
  /** Queries running at once (default `BatchedLookup.defaultMaxInFlight`); lookups made meanwhile wait for a free slot. */
  maxInFlight?: number;
  /**
   * Load at most once per `gatherMs` (ms): a lookup made less than that after the last load started
   * waits for the rest of the window, so that a storm's lookups, which arrive about one per
   * event-loop turn, share one query (ADR 099). A lookup after a quiet spell still loads at the end
   * of its turn, so a lone connection's follow-up is not delayed (and does not drift into what an
   * operator does next). For reads off the critical path. Default 0.
   */
  gatherMs?: number;
};

export class BatchedLookup<V> {
  /**
   * `maxInFlight` for lookups that do not set their own. One load in flight lets the next gather
   * everything that arrived meanwhile: on PGlite a second load only waited in its queue with a few
   * ids (about 30 % fewer reads, ADR 058); on PostgreSQL two in flight hid a round trip but made
   * loads of one or two ids, nearly one admission read per handshake (ADR 073). Set once at start-up.
   */
  static defaultMaxInFlight = 1;

  private waiting = new Map<string, Array<Waiter<V>>>();
  private scheduled = false;
  private inFlight = 0;
  private readonly maxBatch: number;
  private readonly maxInFlight: number;
  private readonly gatherMs: number;
  /** performance.now() when the last load started (gatherMs only). */
  private lastLoadAt = Number.NEGATIVE_INFINITY;

  /** `load` returns the values found for the given ids (missing ids are absent from the map). */
  constructor(private readonly load: (ids: string[]) => Promise<Map<string, V>>, options: BatchedLookupOptions = {}) {
    this.maxBatch = Math.max(1, options.maxBatch ?? 1000);
    this.maxInFlight = Math.max(1, options.maxInFlight ?? BatchedLookup.defaultMaxInFlight);
    this.gatherMs = Math.max(0, options.gatherMs ?? 0);
  }

  /** The value for `id`, or null when there is none. */
  find(id: string): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(id, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight >= this.maxInFlight || this.waiting.size === 0) return;
    this.scheduled = true;
    const wait = this.gatherMs > 0 ? this.lastLoadAt + this.gatherMs - performance.now() : 0;
    if (wait >= 1) setTimeout(() => this.run(), wait);
    else setImmediate(() => this.run());
  }

  /** A load finished: its slot is free before its callers go on, so lookups they make join the next batch. */
  private done(): void {
    this.inFlight -= 1;
    this.schedule();
  }

  private run(): void {
    this.scheduled = false;
    while (this.inFlight < this.maxInFlight && this.waiting.size > 0) {
      const chunk: string[] = [];
      const batch = new Map<string, Array<Waiter<V>>>();
      for (const [id, waiters] of this.waiting) {
        if (chunk.length >= this.maxBatch) break;
        chunk.push(id);
        batch.set(id, waiters);
      }
      for (const id of chunk) this.waiting.delete(id);
      this.inFlight += 1;
      this.lastLoadAt = performance.now();
      let loading: Promise<Map<string, V>>;
      try {
        loading = this.load(chunk);
      } catch (error) {
        loading = Promise.reject(error);
      }
      loading.then((found) => {
        this.done();
        for (const [id, waiters] of batch) for (const waiter of waiters) waiter.resolve(found.get(id) ?? null);
      }, (error: unknown) => {
        this.done();
        for (const waiters of batch.values()) for (const waiter of waiters) waiter.reject(error);
      });
    }
  }
}
