// Network health (issue 6 items 1 and 3): per-tenant detection rules, alerts, incidents that group
// them per station / EVSE, and each incident's timeline. Owned by src/modules/health.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);

/** One row per tenant that changed its rules; a tenant without a row uses the defaults. */
export const healthRules = pgTable('health_rules', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  /** HealthSettings (src/modules/health/domain/settings.ts), validated before it is written. */
  settings: jsonb('settings').$type<unknown>().notNull(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
});

export const healthIncidents = pgTable('health_incidents', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  /** No FK to the station: an incident outlives the station's deletion (it is history). */
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id'),
  connectorId: integer('connector_id'),
  status: text('status').notNull(),
  severity: text('severity').notNull(),
  /** The rule of the first alert. */
  rule: text('rule').notNull(),
  code: text('code'),
  title: text('title').notNull(),
  openedAt: timestamptz('opened_at').notNull(),
  detectedAt: timestamptz('detected_at').notNull(),
  acknowledgedAt: timestamptz('acknowledged_at'),
  remoteStartedAt: timestamptz('remote_started_at'),
  dispatchedAt: timestamptz('dispatched_at'),
  resolvedAt: timestamptz('resolved_at'),
  resolution: text('resolution'),
  resolvedBy: text('resolved_by'),
  /** True once a person (not a playbook, not the system) moved the incident: it cannot auto-resolve. */
  personActed: boolean('person_acted').notNull().default(false),
  kb: jsonb('kb').$type<unknown>(),
  /** SLA clocks already reported breached: { detect?: iso, remote?: iso, dispatch?: iso }. */
  slaBreaches: jsonb('sla_breaches').$type<Record<string, string>>().notNull().default({}),
  updatedAt: timestamptz('updated_at').notNull(),
}, (t) => [
  // One open incident per (tenant, station, EVSE); station-wide incidents (evse null) count as EVSE 0.
  uniqueIndex('health_incidents_open_scope_unique').on(t.tenantId, t.stationId, sql`coalesce(${t.evseId}, 0)`)
    .where(sql`${t.status} not in ('resolved', 'auto-resolved')`),
  index('health_incidents_tenant_idx').on(t.tenantId, t.id),
  index('health_incidents_station_idx').on(t.tenantId, t.stationId),
  check('health_incidents_status_check', sql`${t.status} in ('open', 'acknowledged', 'remote-troubleshooting', 'technician-dispatched', 'resolved', 'auto-resolved')`),
  check('health_incidents_severity_check', sql`${t.severity} in ('critical', 'major', 'minor', 'info')`),
  check('health_incidents_resolved_by_check', sql`${t.resolvedBy} is null or ${t.resolvedBy} in ('person', 'automation')`),
]);

export const healthAlerts = pgTable('health_alerts', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  incidentId: text('incident_id').notNull().references(() => healthIncidents.id),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id'),
  connectorId: integer('connector_id'),
  rule: text('rule').notNull(),
  /** rule:evse:connector — at most one uncleared alert per key and station. */
  key: text('key').notNull(),
  severity: text('severity').notNull(),
  code: text('code'),
  details: jsonb('details').$type<Record<string, unknown>>().notNull(),
  raisedAt: timestamptz('raised_at').notNull(),
  detectedAt: timestamptz('detected_at').notNull(),
  clearedAt: timestamptz('cleared_at'),
}, (t) => [
  uniqueIndex('health_alerts_active_unique').on(t.tenantId, t.stationId, t.key).where(sql`${t.clearedAt} is null`),
  index('health_alerts_incident_idx').on(t.tenantId, t.incidentId),
]);

export const healthIncidentTimeline = pgTable('health_incident_timeline', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: tenantRef(),
  incidentId: text('incident_id').notNull().references(() => healthIncidents.id),
  at: timestamptz('at').notNull(),
  /** opened | alert-raised | alert-cleared | status | sla-breached | notified */
  kind: text('kind').notNull(),
  actor: text('actor').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
}, (t) => [
  index('health_incident_timeline_incident_idx').on(t.tenantId, t.incidentId, t.id),
]);
