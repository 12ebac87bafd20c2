// Station reads of the OCPP hot path, batched: every lookup made in the same event-loop turn is
// answered by one query (`where id = any(...)`). A reconnect storm of 10,000 stations then costs a
// few dozen reads for its handshakes (and for the station reads that follow each boot) instead of
// 10,000 each.

type Waiter<V> = { resolve: (value: V | null) => void; reject: (error: unknown) => void };

export class BatchedLookup<V> {
  private waiting = new Map<string, Array<Waiter<V>>>();
  private scheduled = false;

  /** `load` returns the values found for the given ids (missing ids are absent from the map). */
  constructor(private readonly load: (ids: string[]) => Promise<Map<string, V>>, private readonly maxBatch = 1000) {}

  /** The value for `id`, or null when there is none. */
  find(id: string): Promise<V | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(id);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(id, [{ resolve, reject }]);
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.run());
      }
    });
  }

  private run(): void {
    this.scheduled = false;
    const all = this.waiting;
    this.waiting = new Map();
    const ids = [...all.keys()];
    for (let start = 0; start < ids.length; start += this.maxBatch) {
      const chunk = ids.slice(start, start + this.maxBatch);
      this.load(chunk).then((found) => {
        for (const id of chunk) for (const waiter of all.get(id)!) waiter.resolve(found.get(id) ?? null);
      }, (error: unknown) => {
        for (const id of chunk) for (const waiter of all.get(id)!) waiter.reject(error);
      });
    }
  }
}
