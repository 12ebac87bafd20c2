// The station maximum (1.6 ChargePointMaxProfile / 2.x ChargingStationMaxProfile, id 40000) each
// station accepted, in memory for the dispatch plan and in `site_energy_station_maxima` for a
// restart (ADR 081): a restarted ChargeOps knows what every station carries, so it neither sends a
// maximum again that the station holds nor loses sight of the fallback sum that holds the cap while
// ChargeOps is unreachable. Unknown (never accepted, or the last send refused or unanswered) is null:
// the next re-allocation sends it.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { SmartChargingStore } from './store.js';

const keyOf = (tenantId: string, stationId: string) => `${tenantId}|${stationId}`;

export class StationMaxima {
  private readonly accepted = new Map<string, number>();

  constructor(private readonly db: Executor, private readonly store: SmartChargingStore, private readonly log?: Logger) {}

  /** Reads every stored maximum (at start). */
  async load(): Promise<void> {
    this.accepted.clear();
    for (const m of await this.store.allStationMaxima(this.db)) this.accepted.set(keyOf(m.tenantId, m.stationId), m.limitA);
  }

  get(tenantId: string, stationId: string): number | null {
    return this.accepted.get(keyOf(tenantId, stationId)) ?? null;
  }

  /**
   * What came of a send: the limit the station accepted, or null when it refused or did not answer
   * (then unknown). Memory follows the station at once; the row is written after. A failed write is
   * logged, and errs on the safe side only when forgetting: a restart then sends the maximum again.
   */
  async record(tenantId: string, stationId: string, acceptedA: number | null, at: Date): Promise<void> {
    const key = keyOf(tenantId, stationId);
    if (acceptedA === null) this.accepted.delete(key); else this.accepted.set(key, acceptedA);
    try {
      if (acceptedA === null) await this.store.deleteStationMaximum(this.db, tenantId, stationId);
      else await this.store.putStationMaximum(this.db, { tenantId, stationId, limitA: acceptedA, acceptedAt: at });
    } catch (error) {
      this.log?.error({ err: error, stationId }, 'station maximum not stored: a restart sends it again');
    }
  }
}
