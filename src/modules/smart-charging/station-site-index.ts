// Which sites' energy configurations name a station, per tenant, held in memory (issue 2): the load
// balancer asks it on every station connect, boot, disconnect, session and meter event, so a
// reconnect storm of 10,000 stations costs no statement here (it was one query per event: 83 % of
// the storm's statements, even with no site configured).
//
// Built from site_energy_configs at start and patched by every configuration write of this node
// (all go through SmartChargingService -> LoadBalancer.configWritten / forget). A write on another
// node is not seen until the next periodic re-read (refreshMs, a safety net); once several nodes run
// (NATS, ARCHITECTURE.md) a config write must publish an invalidation event that calls set/remove.
import type { Executor } from '../../infra/db/database.js';
import type { SmartChargingStore } from './store.js';

type ConfigStations = { tenantId: string; siteId: string; stationIds: string[] };

const NO_SITES: readonly string[] = Object.freeze([]);

export class StationSiteIndex {
  /** `${tenantId}|${stationId}` -> site ids */
  private byStation = new Map<string, Set<string>>();
  /** `${tenantId}|${siteId}` -> station ids (to patch a site's entries on a write) */
  private bySite = new Map<string, string[]>();
  /** Local writes seen since a re-read began: its (older) result is dropped then. */
  private writes = 0;

  constructor(private readonly db: Executor, private readonly store: SmartChargingStore) {}

  /** The sites naming the station (a copy; one shared empty array for a station in no site, the usual case). */
  sitesOf(tenantId: string, stationId: string): readonly string[] {
    const sites = this.byStation.get(`${tenantId}|${stationId}`);
    return sites ? [...sites] : NO_SITES;
  }

  /** Re-reads every configuration's stations; a local write during the read wins (the next re-read catches up). */
  async reload(): Promise<void> {
    const writesBefore = this.writes;
    const rows = await this.store.configStations(this.db);
    if (this.writes !== writesBefore) return;
    this.byStation = new Map();
    this.bySite = new Map();
    for (const row of rows) this.put(row);
  }

  /** A configuration of this site was written with these stations. */
  set(tenantId: string, siteId: string, stationIds: readonly string[]): void {
    this.writes += 1;
    this.drop(tenantId, siteId);
    this.put({ tenantId, siteId, stationIds: [...new Set(stationIds)] });
  }

  /** The site's configuration was deleted (or found missing). */
  remove(tenantId: string, siteId: string): void {
    this.writes += 1;
    this.drop(tenantId, siteId);
  }

  private put(row: ConfigStations): void {
    this.bySite.set(`${row.tenantId}|${row.siteId}`, row.stationIds);
    for (const stationId of row.stationIds) {
      const key = `${row.tenantId}|${stationId}`;
      let sites = this.byStation.get(key);
      if (!sites) this.byStation.set(key, (sites = new Set()));
      sites.add(row.siteId);
    }
  }

  private drop(tenantId: string, siteId: string): void {
    const siteKey = `${tenantId}|${siteId}`;
    for (const stationId of this.bySite.get(siteKey) ?? []) {
      const key = `${tenantId}|${stationId}`;
      const sites = this.byStation.get(key);
      sites?.delete(siteId);
      if (sites?.size === 0) this.byStation.delete(key);
    }
    this.bySite.delete(siteKey);
  }
}
