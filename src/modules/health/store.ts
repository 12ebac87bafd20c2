// Health tables (schema-health.ts) and the few reads of other modules' tables the detector needs
// (stations, station_commands), through queries of its own. Every query filters on the tenant.
import { and, asc, desc, eq, inArray, isNull, lt, notInArray, sql } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { healthAlerts, healthIncidentTimeline, healthIncidents, healthRules, stationCommands, stations } from '../../infra/db/schema.js';
import type { Incident, IncidentStatus } from './domain/incident.js';
import type { Severity } from './domain/settings.js';

type IncidentRow = typeof healthIncidents.$inferSelect;
type AlertRow = typeof healthAlerts.$inferSelect;
export type StoredIncident = Incident & { personActed: boolean; slaBreaches: Record<string, string>; updatedAt: Date };
export type Alert = Omit<AlertRow, 'severity'> & { severity: Severity };
export type TimelineEntry = { id: string; at: Date; kind: string; actor: string; detail: Record<string, unknown> };

const FINAL: IncidentStatus[] = ['resolved', 'auto-resolved'];

const toIncident = (row: IncidentRow): StoredIncident => ({
  ...row,
  status: row.status as IncidentStatus,
  severity: row.severity as Severity,
  resolvedBy: row.resolvedBy as 'person' | 'automation' | null,
  kb: row.kb ?? null,
});
const toAlert = (row: AlertRow): Alert => ({ ...row, severity: row.severity as Severity });

export type IncidentFilter = { status?: IncidentStatus[]; stationId?: string; severity?: Severity; siteId?: string; before?: string; limit: number };

export function createHealthStore() {
  return {
    async settings(ex: Executor, tenantId: string): Promise<unknown> {
      const [row] = await ex.select({ settings: healthRules.settings }).from(healthRules).where(eq(healthRules.tenantId, tenantId));
      return row?.settings ?? null;
    },

    async saveSettings(ex: Executor, tenantId: string, settings: unknown, at: Date): Promise<void> {
      await ex.insert(healthRules).values({ tenantId, settings, updatedAt: at })
        .onConflictDoUpdate({ target: healthRules.tenantId, set: { settings, updatedAt: at } });
    },

    async incident(ex: Executor, tenantId: string, id: string): Promise<StoredIncident | null> {
      const [row] = await ex.select().from(healthIncidents).where(and(eq(healthIncidents.tenantId, tenantId), eq(healthIncidents.id, id)));
      return row ? toIncident(row) : null;
    },

    /** The open incident of a scope (evse null: the station as a whole), locked for the change. */
    async openIncidentOfScope(ex: Executor, tenantId: string, stationId: string, evseId: number | null): Promise<StoredIncident | null> {
      const [row] = await ex.select().from(healthIncidents).where(and(
        eq(healthIncidents.tenantId, tenantId), eq(healthIncidents.stationId, stationId),
        sql`coalesce(${healthIncidents.evseId}, 0) = ${evseId ?? 0}`, notInArray(healthIncidents.status, FINAL),
      )).for('update');
      return row ? toIncident(row) : null;
    },

    async insertIncident(ex: Executor, incident: StoredIncident): Promise<void> {
      await ex.insert(healthIncidents).values(incident);
    },

    async updateIncident(ex: Executor, tenantId: string, id: string, change: Partial<Omit<IncidentRow, 'id' | 'tenantId'>>): Promise<StoredIncident | null> {
      const [row] = await ex.update(healthIncidents).set(change).where(and(eq(healthIncidents.tenantId, tenantId), eq(healthIncidents.id, id))).returning();
      return row ? toIncident(row) : null;
    },

    /** Newest first (ids sort by opening time); `limit + 1` rows so the caller sees a next page. */
    async listIncidents(ex: Executor, tenantId: string, filter: IncidentFilter): Promise<StoredIncident[]> {
      const query = ex.select({ incident: healthIncidents }).from(healthIncidents);
      const conditions = and(
        eq(healthIncidents.tenantId, tenantId),
        filter.status ? inArray(healthIncidents.status, filter.status) : undefined,
        filter.stationId ? eq(healthIncidents.stationId, filter.stationId) : undefined,
        filter.severity ? eq(healthIncidents.severity, filter.severity) : undefined,
        filter.before ? lt(healthIncidents.id, filter.before) : undefined,
        filter.siteId ? eq(stations.siteId, filter.siteId) : undefined,
      );
      const rows = await (filter.siteId
        ? query.innerJoin(stations, and(eq(stations.tenantId, healthIncidents.tenantId), eq(stations.id, healthIncidents.stationId)))
        : query
      ).where(conditions).orderBy(desc(healthIncidents.id)).limit(filter.limit + 1);
      return rows.map((row) => toIncident(row.incident));
    },

    async openIncidentsOfStation(ex: Executor, tenantId: string, stationId: string): Promise<StoredIncident[]> {
      const rows = await ex.select().from(healthIncidents).where(and(
        eq(healthIncidents.tenantId, tenantId), eq(healthIncidents.stationId, stationId), notInArray(healthIncidents.status, FINAL),
      )).orderBy(asc(healthIncidents.id));
      return rows.map(toIncident);
    },

    /** Every tenant's incidents still running, for the SLA sweep. */
    async workingIncidents(ex: Executor): Promise<StoredIncident[]> {
      const rows = await ex.select().from(healthIncidents).where(notInArray(healthIncidents.status, FINAL));
      return rows.map(toIncident);
    },

    async insertAlert(ex: Executor, alert: AlertRow): Promise<void> {
      await ex.insert(healthAlerts).values(alert);
    },

    async activeAlert(ex: Executor, tenantId: string, stationId: string, key: string): Promise<Alert | null> {
      const [row] = await ex.select().from(healthAlerts).where(and(
        eq(healthAlerts.tenantId, tenantId), eq(healthAlerts.stationId, stationId), eq(healthAlerts.key, key), isNull(healthAlerts.clearedAt),
      ));
      return row ? toAlert(row) : null;
    },

    async clearAlert(ex: Executor, tenantId: string, alertId: string, at: Date): Promise<void> {
      await ex.update(healthAlerts).set({ clearedAt: at }).where(and(eq(healthAlerts.tenantId, tenantId), eq(healthAlerts.id, alertId)));
    },

    async countActiveAlerts(ex: Executor, tenantId: string, incidentId: string): Promise<number> {
      const [row] = await ex.select({ n: sql<number>`count(*)::int` }).from(healthAlerts)
        .where(and(eq(healthAlerts.tenantId, tenantId), eq(healthAlerts.incidentId, incidentId), isNull(healthAlerts.clearedAt)));
      return Number(row?.n ?? 0);
    },

    async alertsOfIncident(ex: Executor, tenantId: string, incidentId: string): Promise<Alert[]> {
      const rows = await ex.select().from(healthAlerts).where(and(eq(healthAlerts.tenantId, tenantId), eq(healthAlerts.incidentId, incidentId))).orderBy(asc(healthAlerts.raisedAt), asc(healthAlerts.id));
      return rows.map(toAlert);
    },

    async activeAlertsOfStation(ex: Executor, tenantId: string, stationId: string): Promise<Alert[]> {
      const rows = await ex.select().from(healthAlerts).where(and(eq(healthAlerts.tenantId, tenantId), eq(healthAlerts.stationId, stationId), isNull(healthAlerts.clearedAt))).orderBy(asc(healthAlerts.raisedAt));
      return rows.map(toAlert);
    },

    /** Every uncleared alert (all tenants): the detector's memory after a restart. */
    async allActiveAlerts(ex: Executor): Promise<Array<{ tenantId: string; stationId: string; key: string }>> {
      return ex.select({ tenantId: healthAlerts.tenantId, stationId: healthAlerts.stationId, key: healthAlerts.key }).from(healthAlerts).where(isNull(healthAlerts.clearedAt));
    },

    async appendTimeline(ex: Executor, tenantId: string, incidentId: string, entry: Omit<TimelineEntry, 'id'>): Promise<void> {
      await ex.insert(healthIncidentTimeline).values({ tenantId, incidentId, ...entry });
    },

    async timeline(ex: Executor, tenantId: string, incidentId: string): Promise<TimelineEntry[]> {
      const rows = await ex.select().from(healthIncidentTimeline)
        .where(and(eq(healthIncidentTimeline.tenantId, tenantId), eq(healthIncidentTimeline.incidentId, incidentId))).orderBy(asc(healthIncidentTimeline.id));
      return rows.map((row) => ({ id: String(row.id), at: row.at, kind: row.kind, actor: row.actor, detail: row.detail }));
    },

    /** What the knowledge base matches a fault on, and whether the station is the tenant's. */
    async stationFacts(ex: Executor, tenantId: string, stationId: string): Promise<{ vendor: string | null; model: string | null; firmware: string | null; ocppVersion: string | null; online: boolean } | null> {
      const [row] = await ex.select({ vendor: stations.vendor, model: stations.model, firmware: stations.firmwareVersion, ocppVersion: stations.ocppVersion, online: stations.online })
        .from(stations).where(and(eq(stations.tenantId, tenantId), eq(stations.id, stationId)));
      return row ?? null;
    },

    /** stations.last_seen_at (moved by heartbeats, which publish no event) of some stations. */
    async lastSeen(ex: Executor, stationIds: string[]): Promise<Array<{ id: string; lastSeenAt: Date | null; online: boolean }>> {
      if (stationIds.length === 0) return [];
      return ex.select({ id: stations.id, lastSeenAt: stations.lastSeenAt, online: stations.online }).from(stations)
        .where(sql`${stations.id} = any(array(select json_array_elements_text(${JSON.stringify(stationIds)}::json)))`);
    },

    /** The station's answer to a command (status Accepted / Rejected), from the command log. */
    async commandAnswer(ex: Executor, tenantId: string, commandId: string): Promise<unknown> {
      if (!/^[0-9]+$/.test(commandId)) return null;
      const [row] = await ex.select({ response: stationCommands.response }).from(stationCommands)
        .where(and(eq(stationCommands.tenantId, tenantId), eq(stationCommands.id, BigInt(commandId))));
      return row?.response ?? null;
    },
  };
}

export type HealthStore = ReturnType<typeof createHealthStore>;
