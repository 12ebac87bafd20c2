// Reads the history the figures are computed from: one query per kind of input for the whole
// scope (10,000 stations are one query each, never a query per station).
import { and, asc, desc, eq, gte, inArray, lt, min, or, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { connectionEvents, connectors, connectorStatusLog, healthIncidents, sessions, sites, stations } from '../../infra/db/schema.js';
import type { OpeningHours } from '../../infra/db/schema-places.js';
import type { ConnectionChange, StatusChange } from './domain/port-timeline.js';
import type { SessionFact } from './domain/success-rate.js';
import type { IncidentFact } from './domain/failures.js';

export type StationRow = { id: string; siteId: string | null; vendor: string | null; model: string | null };
export type Selection = { tenantId: string; stationIds: string[] | null; siteId: string | null };

export function createReliabilityStore() {
  const stationFilter = (column: typeof connectionEvents.stationId | typeof connectorStatusLog.stationId | typeof sessions.stationId | typeof connectors.stationId | typeof healthIncidents.stationId, sel: Selection): SQL | undefined =>
    sel.stationIds === null ? undefined : inArray(column, sel.stationIds);

  return {
    async stations(ex: Executor, sel: Selection): Promise<StationRow[]> {
      return ex.select({ id: stations.id, siteId: stations.siteId, vendor: stations.vendor, model: stations.model }).from(stations).where(and(
        eq(stations.tenantId, sel.tenantId),
        sel.siteId === null ? undefined : eq(stations.siteId, sel.siteId),
        sel.stationIds === null ? undefined : inArray(stations.id, sel.stationIds),
      )).orderBy(asc(stations.id));
    },

    /** Opening hours and time zone of the sites (stations without a site are open around the clock). */
    async siteHours(ex: Executor, tenantId: string, siteIds: string[]): Promise<Map<string, { openingHours: OpeningHours | null; timeZone: string }>> {
      if (siteIds.length === 0) return new Map();
      const rows = await ex.select({ id: sites.id, openingHours: sites.openingHours, timeZone: sites.timeZone }).from(sites)
        .where(and(eq(sites.tenantId, tenantId), inArray(sites.id, siteIds)));
      return new Map(rows.map((r) => [r.id, { openingHours: r.openingHours ?? null, timeZone: r.timeZone }]));
    },

    async declaredPorts(ex: Executor, sel: Selection): Promise<Array<{ stationId: string; evseId: number }>> {
      return ex.selectDistinct({ stationId: connectors.stationId, evseId: connectors.evseId }).from(connectors)
        .where(and(eq(connectors.tenantId, sel.tenantId), stationFilter(connectors.stationId, sel)));
    },

    /** Connection changes in the period, the last one before it, and the first ever (commissioning), per station. */
    async connections(ex: Executor, sel: Selection, from: Date, to: Date): Promise<{ changes: Map<string, ConnectionChange[]>; commissioned: Map<string, number> }> {
      const t = connectionEvents;
      const scope = and(eq(t.tenantId, sel.tenantId), stationFilter(t.stationId, sel));
      const [inside, before, first] = await Promise.all([
        ex.select({ stationId: t.stationId, kind: t.kind, at: t.at }).from(t).where(and(scope, gte(t.at, from), lt(t.at, to))).orderBy(asc(t.at), asc(t.id)),
        ex.selectDistinctOn([t.stationId], { stationId: t.stationId, kind: t.kind, at: t.at }).from(t).where(and(scope, lt(t.at, from))).orderBy(t.stationId, desc(t.at), desc(t.id)),
        ex.select({ stationId: t.stationId, at: min(t.at) }).from(t).where(and(scope, eq(t.kind, 'connected'))).groupBy(t.stationId),
      ]);
      const changes = new Map<string, ConnectionChange[]>();
      for (const row of [...before, ...inside]) push(changes, row.stationId, { at: row.at.getTime(), kind: row.kind as ConnectionChange['kind'] });
      const commissioned = new Map<string, number>();
      for (const row of first) if (row.at) commissioned.set(row.stationId, new Date(row.at).getTime());
      return { changes, commissioned };
    },

    /** Status reports in the period and the last one before it, per status address. */
    async statuses(ex: Executor, sel: Selection, from: Date, to: Date): Promise<Map<string, StatusChange[]>> {
      const t = connectorStatusLog;
      const scope = and(eq(t.tenantId, sel.tenantId), stationFilter(t.stationId, sel));
      const columns = { stationId: t.stationId, evseId: t.evseId, connectorId: t.connectorId, occupancy: t.occupancy, at: t.reportedAt };
      const [inside, before] = await Promise.all([
        ex.select(columns).from(t).where(and(scope, gte(t.reportedAt, from), lt(t.reportedAt, to))).orderBy(asc(t.reportedAt), asc(t.id)),
        ex.selectDistinctOn([t.stationId, t.evseId, t.connectorId], columns).from(t).where(and(scope, lt(t.reportedAt, from)))
          .orderBy(t.stationId, t.evseId, t.connectorId, desc(t.reportedAt), desc(t.id)),
      ]);
      const out = new Map<string, StatusChange[]>();
      for (const row of [...before, ...inside]) push(out, row.stationId, { at: row.at.getTime(), evseId: row.evseId, connectorId: row.connectorId, occupancy: row.occupancy });
      return out;
    },

    async sessions(ex: Executor, sel: Selection, from: Date, to: Date): Promise<SessionFact[]> {
      const t = sessions;
      const rows = await ex.select({ stationId: t.stationId, evseId: t.evseId, startedAt: t.startedAt, endedAt: t.endedAt, energyWh: t.energyWh, authorizationStatus: t.authorizationStatus })
        .from(t).where(and(eq(t.tenantId, sel.tenantId), stationFilter(t.stationId, sel), gte(t.startedAt, from), lt(t.startedAt, to)));
      return rows.map((r) => ({ ...r, startedAt: r.startedAt.getTime(), endedAt: r.endedAt?.getTime() ?? null }));
    },

    /** Incidents opened or resolved in the period (the health module's table). */
    async incidents(ex: Executor, sel: Selection, from: Date, to: Date): Promise<IncidentFact[]> {
      const t = healthIncidents;
      const rows = await ex.select({ stationId: t.stationId, evseId: t.evseId, detectedAt: t.detectedAt, openedAt: t.openedAt, resolvedAt: t.resolvedAt })
        .from(t).where(and(eq(t.tenantId, sel.tenantId), stationFilter(t.stationId, sel),
          or(and(gte(t.openedAt, from), lt(t.openedAt, to)), and(gte(t.resolvedAt, from), lt(t.resolvedAt, to)))));
      return rows.map((r) => ({ stationId: r.stationId, evseId: r.evseId, detectedAt: r.detectedAt.getTime(), openedAt: r.openedAt.getTime(), resolvedAt: r.resolvedAt?.getTime() ?? null }));
    },
  };
}

export type ReliabilityStore = ReturnType<typeof createReliabilityStore>;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
