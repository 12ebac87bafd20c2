import type { Executor } from '../../infra/db/database.js';
import { bucketOf, emptyConnectorCounts, utcMidnight, type ConnectorCounts } from './domain.js';
import type { NetworkSummaryStore, Scope } from './store.js';

export type SiteSummary = {
  id: string; name: string; latitude: number | null; longitude: number | null;
  stations: number; online: number; connectors: ConnectorCounts;
};
export type NetworkSummary = {
  stations: { total: number; online: number; offline: number };
  connectors: ConnectorCounts;
  energyToday: { since: Date; energyWh: string; sessions: number };
  sites: SiteSummary[];
  /** Stations placed at no site (they are in the totals, not in `sites`). */
  unplaced: { stations: number; online: number };
  generatedAt: Date;
};

/** Counts of the whole network (or of a site-scoped caller's sites) from four aggregate queries. */
export class NetworkSummaryService {
  constructor(private readonly db: Executor, private readonly store: NetworkSummaryStore, private readonly now: () => Date = () => new Date()) {}

  async summary(scope: Scope, since?: Date): Promise<NetworkSummary> {
    const generatedAt = this.now();
    const from = since ?? utcMidnight(generatedAt);
    const [stationRows, connectorRows, energy, siteRows] = await Promise.all([
      this.store.stationCounts(this.db, scope),
      this.store.connectorCounts(this.db, scope),
      this.store.energySince(this.db, scope, from),
      this.store.sites(this.db, scope),
    ]);
    const sites = new Map<string, SiteSummary>(siteRows.map((site) => [site.id, { ...site, stations: 0, online: 0, connectors: emptyConnectorCounts() }]));
    const unplaced = { stations: 0, online: 0 };
    const totals = { total: 0, online: 0 };
    for (const row of stationRows) {
      totals.total += row.stations;
      totals.online += row.online;
      const target = row.siteId === null ? unplaced : sites.get(row.siteId);
      if (target) { target.stations += row.stations; target.online += row.online; }
    }
    const connectors = emptyConnectorCounts();
    for (const row of connectorRows) {
      const bucket = bucketOf(row.occupancy, row.chargingState);
      connectors[bucket] += row.connectors;
      if (row.siteId !== null) {
        const site = sites.get(row.siteId);
        if (site) site.connectors[bucket] += row.connectors;
      }
    }
    return {
      stations: { total: totals.total, online: totals.online, offline: totals.total - totals.online },
      connectors,
      energyToday: { since: from, ...energy },
      sites: [...sites.values()],
      unplaced,
      generatedAt,
    };
  }
}
