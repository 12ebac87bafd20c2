import { Type, type Static } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError } from '../../api/problem.js';
import type { ReliabilityService, Scope } from './service.js';
import { localDays, localToInstant } from './domain/local-time.js';
import type { Figures } from './domain/figures.js';
import { uptimePercent } from './domain/uptime.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Ms = Nullable(Type.Integer());
const DATE = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;

const PeriodQuery = {
  from: Type.String({ minLength: 10, maxLength: 40, description: 'Start (inclusive): an ISO date-time, or a date (local midnight in timeZone)' }),
  to: Type.String({ minLength: 10, maxLength: 40, description: 'End (exclusive): an ISO date-time, or a date (local midnight in timeZone)' }),
  timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone for dates and daily buckets (default UTC)' })),
};

const FiguresSchema = Type.Object({
  ports: Type.Integer(),
  observedMs: Type.Integer({ description: 'Port-time in service in the period' }),
  outageMs: Type.Integer({ description: 'T_outage: port-time unable to start a session (offline, Faulted, Unavailable)' }),
  excludedMs: Type.Integer({ description: 'T_excluded: outage covered by maintenance windows or recorded excluded causes' }),
  excludedByCause: Type.Record(Type.String(), Type.Integer()),
  downMs: Type.Integer({ description: 'T_outage − T_excluded' }),
  uptimePercent: Nullable(Type.Number({ description: '23 CFR 680.116(b) uptime over the observed period, 4 decimals' })),
  failures: Type.Integer(),
  mtbfMs: Ms, mttrMs: Ms, mttdMs: Ms,
  repairSource: Type.Union([Type.Literal('incidents'), Type.Literal('outages')]),
  sessions: Type.Object({ attempted: Type.Integer(), succeeded: Type.Integer(), failed: Type.Integer(), pending: Type.Integer(), successPercent: Nullable(Type.Number()) }),
});

const PortSchema = Type.Object({
  stationId: Type.String(), evseId: Type.Integer(), observedMs: Type.Integer(), outageMs: Type.Integer(), excludedMs: Type.Integer(), downMs: Type.Integer(),
  uptimePercent: Nullable(Type.Number()), failures: Type.Integer(), attempted: Type.Integer(), succeeded: Type.Integer(),
});

const Unit = Type.Object({ stationId: Type.String(), evseId: Nullable(Type.Integer()), vendor: Nullable(Type.String()), model: Nullable(Type.String()), failures: Type.Integer(), downMs: Type.Integer(), uptimePercent: Nullable(Type.Number()) });
const Model = Type.Object({ vendor: Nullable(Type.String()), model: Nullable(Type.String()), ports: Type.Integer(), failures: Type.Integer(), failuresPerPort: Type.Number(), downMs: Type.Integer(), uptimePercent: Nullable(Type.Number()) });

/** An instant from a date-time, or from a date read in the time zone. */
function instant(value: string, timeZone: string, name: string): Date {
  if (DATE.test(value)) {
    try {
      return new Date(localToInstant(value, timeZone));
    } catch {
      throw new ApiError('invalid_reliability_query', `Unknown time zone ${timeZone}`);
    }
  }
  const at = new Date(value);
  if (Number.isNaN(at.getTime()) || !/[zZ]|[+-][0-9]{2}:?[0-9]{2}$/.test(value)) throw new ApiError('invalid_reliability_query', `${name} must be a date or a date-time with an offset`);
  return at;
}

function checkZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    throw new ApiError('invalid_reliability_query', `Unknown time zone ${timeZone}`);
  }
}

export function registerReliabilityRoutes(app: ApiApp, deps: { reliability: ReliabilityService; defaultTenant: string }): void {
  const { reliability } = deps;
  const tags = ['reliability'];
  const config = { permission: 'health:read' as const };
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);

  const FiguresQuery = Type.Object({
    scope: Type.Union([Type.Literal('network'), Type.Literal('site'), Type.Literal('station'), Type.Literal('port')]),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Site id (scope=site) or station id (scope=station|port)' })),
    evseId: Type.Optional(Type.Integer({ minimum: 1, description: 'The port (EVSE) for scope=port' })),
    ...PeriodQuery,
    buckets: Type.Optional(Type.Literal('day', { description: 'Add figures per local day (23 h and 25 h on daylight-saving days)' })),
  }, { additionalProperties: false });

  app.get('/api/v1/reliability', {
    config,
    schema: {
      tags, summary: 'Uptime (NEVI, 23 CFR 680.116(b)), charge success rate, MTBF, MTTR, MTTD for a port, station, site or the network',
      querystring: FiguresQuery,
      response: { 200: Type.Object({
        scope: Type.String(), id: Nullable(Type.String()), evseId: Nullable(Type.Integer()), from: DateTime, to: DateTime,
        figures: FiguresSchema,
        ports: Type.Array(PortSchema, { description: 'Per port, for scope=station|port' }),
        days: Type.Optional(Type.Array(Type.Object({ date: Type.String(), figures: FiguresSchema }))),
      }) },
    },
  }, async (request) => {
    const q = request.query as Static<typeof FiguresQuery>;
    const zone = q.timeZone ?? 'UTC';
    checkZone(zone);
    const query = {
      scope: q.scope as Scope, ...(q.id === undefined ? {} : { id: q.id }), ...(q.evseId === undefined ? {} : { evseId: q.evseId }),
      from: instant(q.from, zone, 'from'), to: instant(q.to, zone, 'to'),
    };
    const { figures, ports } = await reliability.figures(tenant(request), query);
    let days: Array<{ date: string; figures: Figures }> | undefined;
    if (q.buckets === 'day') {
      if (!DATE.test(q.from) || !DATE.test(q.to)) throw new ApiError('invalid_reliability_query', 'buckets=day needs from and to as dates');
      const buckets = localDays(q.from, q.to, zone).map((d) => ({ label: d.date, start: d.start, end: d.end }));
      days = (await reliability.series(tenant(request), query, buckets)).map((b) => ({ date: b.label, figures: b.figures }));
    }
    return {
      scope: q.scope, id: q.id ?? null, evseId: q.evseId ?? null, from: query.from.toISOString(), to: query.to.toISOString(), figures,
      ports: q.scope === 'station' || q.scope === 'port' ? ports.map((p) => ({
        stationId: p.stationId, evseId: p.evseId, observedMs: p.uptime.observedMs, outageMs: p.uptime.outageMs, excludedMs: p.uptime.excludedMs, downMs: p.uptime.downMs,
        uptimePercent: uptimePercent(p.uptime.observedMs, p.uptime.downMs),
        failures: p.failures.failures, attempted: p.success.attempted, succeeded: p.success.succeeded,
      })) : [],
      ...(days ? { days } : {}),
    };
  });

  const RankingQuery = Type.Object({
    ...PeriodQuery,
    siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  }, { additionalProperties: false });

  app.get('/api/v1/reliability/ranking', {
    config,
    schema: {
      tags, summary: 'The most fault-prone ports, stations and models in a period (most failures, then most downtime)',
      querystring: RankingQuery,
      response: { 200: Type.Object({ ports: Type.Array(Unit), stations: Type.Array(Unit), models: Type.Array(Model) }) },
    },
  }, async (request) => {
    const q = request.query as Static<typeof RankingQuery>;
    const zone = q.timeZone ?? 'UTC';
    checkZone(zone);
    const query = { scope: (q.siteId ? 'site' : 'network') as Scope, ...(q.siteId ? { id: q.siteId } : {}), from: instant(q.from, zone, 'from'), to: instant(q.to, zone, 'to') };
    return reliability.ranking(tenant(request), query, q.limit);
  });
}
