// REST API of network health: incidents (list, detail with alerts and timeline, transitions), the
// tenant's detection rules, and a station's health. health:read / health:write.
import { Type, type TSchema } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import { INCIDENT_STATUSES, type Incident } from './domain/incident.js';
import { RULE_IDS, type HealthSettingsPatch } from './domain/settings.js';
import type { IncidentService } from './incident-service.js';
import type { HealthSettingsService } from './settings-service.js';
import type { Alert, HealthStore } from './store.js';
import type { Executor } from '../../infra/db/database.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Status = Type.Union([
  Type.Literal('open'), Type.Literal('acknowledged'), Type.Literal('remote-troubleshooting'), Type.Literal('technician-dispatched'),
  Type.Literal('resolved'), Type.Literal('auto-resolved'),
]);
const Severity = Type.Union([Type.Literal('critical'), Type.Literal('major'), Type.Literal('minor'), Type.Literal('info')]);

const IncidentSchema = Type.Object({
  id: Type.String(), stationId: Type.String(), evseId: Nullable(Type.Integer()), connectorId: Nullable(Type.Integer()),
  status: Status, severity: Severity, rule: Type.String(), code: Nullable(Type.String()), title: Type.String(),
  openedAt: DateTime, detectedAt: Type.String({ format: 'date-time', description: 'When the fault started (e.g. the disconnect)' }),
  acknowledgedAt: Nullable(DateTime), remoteStartedAt: Nullable(DateTime), dispatchedAt: Nullable(DateTime), resolvedAt: Nullable(DateTime),
  resolution: Nullable(Type.String()), resolvedBy: Nullable(Type.Union([Type.Literal('person'), Type.Literal('automation')])),
  kb: Type.Unknown({ description: 'The knowledge base explanation of the fault code, when there is one' }),
});
const AlertSchema = Type.Object({
  id: Type.String(), incidentId: Type.String(), stationId: Type.String(), evseId: Nullable(Type.Integer()), connectorId: Nullable(Type.Integer()),
  rule: Type.String(), severity: Severity, code: Nullable(Type.String()), details: Type.Record(Type.String(), Type.Unknown()),
  raisedAt: DateTime, detectedAt: DateTime, clearedAt: Nullable(DateTime),
});
const TimelineSchema = Type.Object({ id: Type.String(), at: DateTime, kind: Type.String(), actor: Type.String(), detail: Type.Record(Type.String(), Type.Unknown()) });
const IncidentDetailSchema = Type.Composite([IncidentSchema, Type.Object({ alerts: Type.Array(AlertSchema), timeline: Type.Array(TimelineSchema) })]);

const base = { enabled: Type.Boolean(), severity: Severity };
const RuleSchemas = {
  offline: Type.Object({ ...base, windowSeconds: Type.Integer(), silenceSeconds: Nullable(Type.Integer()) }),
  flapping: Type.Object({ ...base, disconnects: Type.Integer(), windowMinutes: Type.Integer() }),
  'failed-starts': Type.Object({ ...base, threshold: Type.Integer() }),
  'no-energy': Type.Object({ ...base, threshold: Type.Integer() }),
  'stuck-status': Type.Object({ ...base, minutes: Type.Integer(), afterSessionMinutes: Nullable(Type.Integer()) }),
  'meter-stalled': Type.Object({ ...base, minutes: Type.Integer() }),
  'stuck-transaction': Type.Object({ ...base, minutes: Type.Integer() }),
  faulted: Type.Object(base),
  unavailable: Type.Object({ ...base, graceSeconds: Type.Integer() }),
  'clock-drift': Type.Object({ ...base, toleranceSeconds: Type.Integer() }),
};
const Sla = Type.Object({ detectMinutes: Type.Integer(), remoteMinutes: Type.Integer(), dispatchMinutes: Type.Integer() });
const Notifications = Type.Object({ recipients: Type.Array(Type.String()), escalation: Type.Array(Type.String()), minSeverity: Severity });
const SettingsSchema = Type.Object({ rules: Type.Object(RuleSchemas), sla: Sla, notifications: Notifications });
const strict = { additionalProperties: false } as const;
const SettingsPatch = Type.Object({
  rules: Type.Optional(Type.Partial(Type.Object(Object.fromEntries(Object.entries(RuleSchemas).map(([id, schema]) => [id, Type.Partial(schema, strict)])) as Record<string, TSchema>), strict)),
  sla: Type.Optional(Type.Partial(Sla, strict)),
  notifications: Type.Optional(Type.Partial(Type.Object({ recipients: Type.Array(Type.String({ maxLength: 254 }), { maxItems: 50 }), escalation: Type.Array(Type.String({ maxLength: 254 }), { maxItems: 50 }), minSeverity: Severity }), strict)),
}, { ...strict, minProperties: 1, description: `Deep-merged over the current settings, then the whole is validated. Rules: ${RULE_IDS.join(', ')}` });

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const incidentView = (i: Incident) => {
  const { tenantId: _t, ...rest } = i;
  return {
    ...rest, openedAt: i.openedAt.toISOString(), detectedAt: i.detectedAt.toISOString(), acknowledgedAt: iso(i.acknowledgedAt),
    remoteStartedAt: iso(i.remoteStartedAt), dispatchedAt: iso(i.dispatchedAt), resolvedAt: iso(i.resolvedAt),
  };
};
const alertView = (a: Alert) => {
  const { tenantId: _t, key: _k, ...rest } = a;
  return { ...rest, raisedAt: a.raisedAt.toISOString(), detectedAt: a.detectedAt.toISOString(), clearedAt: iso(a.clearedAt) };
};

export type HealthRouteDeps = { incidents: IncidentService; settings: HealthSettingsService; store: HealthStore; db: Executor; defaultTenant: string };

export function registerHealthRoutes(app: ApiApp, deps: HealthRouteDeps): void {
  const { incidents, settings } = deps;
  const tags = ['health'];
  const read = { permission: 'health:read' as const };
  const write = { permission: 'health:write' as const };
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

  app.get('/api/v1/incidents', {
    config: read,
    schema: {
      tags, summary: 'Incidents, newest first',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()),
        status: Type.Optional(Type.String({ description: 'A status, a comma-separated list, or "working" (every status but resolved/auto-resolved)' })),
        stationId: Type.Optional(Type.String({ maxLength: 48 })), severity: Type.Optional(Severity), siteId: Type.Optional(Type.String({ maxLength: 64 })),
      }),
      response: { 200: Type.Object({ items: Type.Array(IncidentSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const { status, stationId, severity, siteId, limit, cursor } = request.query;
    const page = await incidents.list(tenant(request), {
      limit, cursor, ...(status ? { status: parseStatuses(status) } : {}),
      ...(stationId ? { stationId } : {}), ...(severity ? { severity } : {}), ...(siteId ? { siteId } : {}),
    });
    return { items: page.items.map(incidentView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/incidents/:id', {
    config: read,
    schema: { tags, summary: 'An incident with its alerts and timeline', params: IdParams, response: { 200: IncidentDetailSchema } },
  }, async (request) => {
    const detail = await incidents.detail(tenant(request), request.params.id);
    return { ...incidentView(detail), alerts: detail.alerts.map(alertView), timeline: detail.timeline.map((e) => ({ ...e, at: e.at.toISOString() })) };
  });

  app.post('/api/v1/incidents/:id/transitions', {
    config: write,
    schema: {
      tags, summary: 'Move an incident forward (acknowledged, remote-troubleshooting, technician-dispatched, resolved); 409 invalid_transition otherwise',
      params: IdParams,
      body: Type.Object({ to: Status, note: Type.Optional(Type.String({ maxLength: 2000 })) }, strict),
      response: { 200: IncidentSchema },
    },
  }, async (request) => {
    const principal = request.principal;
    const actor = principal?.userId ?? principal?.keyId ?? 'unknown';
    return incidentView(await incidents.transition(tenant(request), request.params.id, request.body.to, actor, request.body.note));
  });

  app.get('/api/v1/health/rules', {
    config: read,
    schema: { tags, summary: 'The tenant\'s detection rules, SLA clocks and notification lists (defaults until changed)', response: { 200: SettingsSchema } },
  }, async (request) => settings.get(tenant(request)));

  app.patch('/api/v1/health/rules', {
    config: write,
    schema: { tags, summary: 'Change detection rules, SLA clocks or notification lists (422 invalid_health_rules)', body: SettingsPatch, response: { 200: SettingsSchema } },
  }, async (request) => settings.update(tenant(request), request.body as HealthSettingsPatch));

  app.get('/api/v1/stations/:id/health', {
    config: read,
    schema: {
      tags: ['stations', ...tags], summary: 'A station\'s active alerts and working incidents', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) }),
      response: { 200: Type.Object({ stationId: Type.String(), online: Type.Boolean(), alerts: Type.Array(AlertSchema), incidents: Type.Array(IncidentSchema) }) },
    },
  }, async (request) => {
    const tenantId = tenant(request);
    const stationId = request.params.id;
    const facts = await deps.store.stationFacts(deps.db, tenantId, stationId);
    if (!facts) throw new ApiError('station_not_found', `Station ${stationId} not found`);
    const [alerts, open] = await Promise.all([deps.store.activeAlertsOfStation(deps.db, tenantId, stationId), incidents.openFor(tenantId, stationId)]);
    return { stationId, online: facts.online, alerts: alerts.map(alertView), incidents: open.map(incidentView) };
  });
}

const WORKING = INCIDENT_STATUSES.filter((s) => s !== 'resolved' && s !== 'auto-resolved');

function parseStatuses(value: string): Array<(typeof INCIDENT_STATUSES)[number]> {
  const wanted = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const statuses = wanted.flatMap((s) => (s === 'working' ? WORKING : [s]));
  const unknown = statuses.filter((s) => !(INCIDENT_STATUSES as readonly string[]).includes(s));
  if (unknown.length > 0 || statuses.length === 0) {
    throw new ApiError('validation_failed', `Unknown incident status: ${unknown.join(', ') || value}. Known: ${INCIDENT_STATUSES.join(', ')}, working`);
  }
  return statuses as Array<(typeof INCIDENT_STATUSES)[number]>;
}
