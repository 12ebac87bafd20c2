import type { StoredSession } from './ports.js';

/**
 * Active sessions in memory, by station and transaction id, so that the steady stream of
 * TransactionEvent / MeterValues costs no lookup query. The database stays the truth: every
 * update is conditional on the cached revision and reloads when the row moved on (another node,
 * the zombie job). Entries are written only after COMMIT; a stale entry is harmless, a missing one
 * costs one query. Bounded: past the bound, the station cached longest ago is forgotten.
 */
export class SessionCache {
  private readonly byStation = new Map<string, Map<string, StoredSession>>();
  private count = 0;

  constructor(private readonly maxEntries = 100_000) {}

  get(stationId: string, externalId: string): StoredSession | undefined {
    return this.byStation.get(stationId)?.get(externalId);
  }

  /** Keeps active sessions only, and never replaces a newer revision with an older one. */
  put(stored: StoredSession): void {
    const { stationId, externalId, status } = stored.state;
    const current = this.get(stationId, externalId);
    if (current && current.revision.getTime() > stored.revision.getTime()) return;
    if (status !== 'active') {
      this.delete(stationId, externalId);
      return;
    }
    let station = this.byStation.get(stationId);
    if (!station) {
      station = new Map();
      this.byStation.set(stationId, station);
    }
    if (!station.has(externalId)) this.count += 1;
    station.set(externalId, stored);
    while (this.count > this.maxEntries) {
      const oldest = this.byStation.keys().next();
      if (oldest.done) break;
      this.forgetStation(oldest.value);
    }
  }

  delete(stationId: string, externalId: string): void {
    const station = this.byStation.get(stationId);
    if (!station?.delete(externalId)) return;
    this.count -= 1;
    if (station.size === 0) this.byStation.delete(stationId);
  }

  /** Forgets a station's sessions (its link may move to another node). */
  forgetStation(stationId: string): void {
    const station = this.byStation.get(stationId);
    if (!station) return;
    this.count -= station.size;
    this.byStation.delete(stationId);
  }

  get size(): number {
    return this.count;
  }
}
