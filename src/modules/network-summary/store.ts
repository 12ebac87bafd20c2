// Aggregates for the network overview: a few GROUP BY queries, never a row per station.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';

export type SiteStationCounts = { siteId: string | null; stations: number; online: number };
export type SiteConnectorCounts = { siteId: string | null; occupancy: string; chargingState: string | null; connectors: number };
export type SiteRow = { id: string; name: string; latitude: number | null; longitude: number | null };

/** `siteIds`: a site-scoped caller's sites (null: the whole tenant). */
export type Scope = { tenantId: string; siteIds: readonly string[] | null };

const rowsOf = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;
/** `column in (...)` over the caller's sites; `true` when not site-scoped (column names are ours, never input). */
function inSites(column: string, scope: Scope): SQL {
  if (scope.siteIds === null) return sql`true`;
  if (scope.siteIds.length === 0) return sql`false`;
  return sql`${sql.raw(column)} in (${sql.join(scope.siteIds.map((id) => sql`${id}`), sql`, `)})`;
}

export function createNetworkSummaryStore() {
  return {
    /** Stations per site (site null: placed nowhere), online ones apart. */
    async stationCounts(ex: Executor, scope: Scope): Promise<SiteStationCounts[]> {
      const result = await ex.execute(sql`select site_id, count(*)::int as stations, (count(*) filter (where online))::int as online
        from stations where tenant_id = ${scope.tenantId} and ${inSites('site_id', scope)} group by site_id`);
      return rowsOf<{ site_id: string | null; stations: number; online: number }>(result)
        .map((row) => ({ siteId: row.site_id, stations: Number(row.stations), online: Number(row.online) }));
    },

    /**
     * Connectors of ONLINE stations by last reported status, per site. A connector row (evse > 0,
     * connector > 0) counts; an EVSE-level row (connector 0) only when no connector of that EVSE
     * reported (1.6 and 2.x alike); station-level rows (evse 0) never.
     */
    async connectorCounts(ex: Executor, scope: Scope): Promise<SiteConnectorCounts[]> {
      const result = await ex.execute(sql`select s.site_id, cs.occupancy, cs.charging_state, count(*)::int as connectors
        from connector_status cs
        join stations s on s.tenant_id = cs.tenant_id and s.id = cs.station_id
        where cs.tenant_id = ${scope.tenantId} and s.online and cs.evse_id > 0 and ${inSites('s.site_id', scope)}
          and (cs.connector_id > 0 or not exists (
            select 1 from connector_status c2
            where c2.station_id = cs.station_id and c2.evse_id = cs.evse_id and c2.connector_id > 0))
        group by s.site_id, cs.occupancy, cs.charging_state`);
      return rowsOf<{ site_id: string | null; occupancy: string; charging_state: string | null; connectors: number }>(result)
        .map((row) => ({ siteId: row.site_id, occupancy: row.occupancy, chargingState: row.charging_state, connectors: Number(row.connectors) }));
    },

    /** Energy of the sessions started at or after `since`, in Wh (a decimal string, exact). */
    async energySince(ex: Executor, scope: Scope, since: Date): Promise<{ energyWh: string; sessions: number }> {
      const scoped = scope.siteIds === null ? sql`true`
        : sql`exists (select 1 from stations s where s.tenant_id = se.tenant_id and s.id = se.station_id and ${inSites('s.site_id', scope)})`;
      const result = await ex.execute(sql`select coalesce(sum(se.energy_wh), 0)::text as energy_wh, count(*)::int as sessions
        from sessions se where se.tenant_id = ${scope.tenantId} and se.started_at >= ${since.toISOString()} and ${scoped}`);
      const [row] = rowsOf<{ energy_wh: string; sessions: number }>(result);
      return { energyWh: row?.energy_wh ?? '0', sessions: Number(row?.sessions ?? 0) };
    },

    /** The sites themselves (for names and map positions), in scope. */
    async sites(ex: Executor, scope: Scope): Promise<SiteRow[]> {
      const result = await ex.execute(sql`select id, name, latitude, longitude from sites
        where tenant_id = ${scope.tenantId} and ${inSites('id', scope)} order by name, id`);
      return rowsOf<{ id: string; name: string; latitude: number | null; longitude: number | null }>(result).map((row) => ({
        id: row.id, name: row.name,
        latitude: row.latitude === null ? null : Number(row.latitude), longitude: row.longitude === null ? null : Number(row.longitude),
      }));
    },
  };
}

export type NetworkSummaryStore = ReturnType<typeof createNetworkSummaryStore>;
