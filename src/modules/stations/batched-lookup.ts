// The station read of a WebSocket handshake, batched: every handshake that arrives in the same
// event-loop turn is answered by one query (`where id = any(...)`), so a reconnect storm of 10,000
// stations costs a few dozen reads instead of 10,000.
import type { Executor } from '../../infra/db/database.js';
import type { AdmissionRecord, StationStore } from './ports.js';

type Waiter = { resolve: (record: AdmissionRecord | null) => void; reject: (error: unknown) => void };

export class AdmissionLookup {
  private waiting = new Map<string, Waiter[]>();
  private scheduled = false;

  constructor(private readonly db: Executor, private readonly store: StationStore, private readonly maxBatch = 1000) {}

  /** What admission needs of a station (any tenant), or null when no station has this id. */
  find(stationId: string): Promise<AdmissionRecord | null> {
    return new Promise((resolve, reject) => {
      const waiters = this.waiting.get(stationId);
      if (waiters) waiters.push({ resolve, reject });
      else this.waiting.set(stationId, [{ resolve, reject }]);
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
      this.store.findForAdmission(this.db, chunk).then((found) => {
        for (const id of chunk) for (const waiter of all.get(id)!) waiter.resolve(found.get(id) ?? null);
      }, (error: unknown) => {
        for (const id of chunk) for (const waiter of all.get(id)!) waiter.reject(error);
      });
    }
  }
}
