// Smart-charging REST routes: a site's energy configuration, readings, grid signals and live
// allocation under /api/v1/sites/{id}/energy, the operator's profile library under
// /api/v1/smart-charging/profiles. Permissions energy:read / energy:write.
import { Type, type Static } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { etagOf, ifMatchAccepts } from '../../api/etag.js';
import { responseOrThrow } from '../commands/outcome-problem.js';
import type { EnergyConfig, Signal } from './domain/energy-config.js';
import type { EnergyConfigInput, LibraryProfileChange, SmartChargingService } from './service.js';
import type { ExternalCap } from './allocator/types.js';
import type { LibraryProfile } from './store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const NonNegative = Type.Number({ minimum: 0 });
const PhaseValues = Type.Union([NonNegative, Type.Array(NonNegative, { minItems: 3, maxItems: 3 })], { description: 'One value for every phase, or [L1, L2, L3]' });
const Strategy = Type.Union([Type.Literal('equal-share'), Type.Literal('priority'), Type.Literal('earliest-departure'), Type.Literal('cost-aware')]);
const Rotation = Type.Union([Type.Literal('RST'), Type.Literal('RTS'), Type.Literal('SRT'), Type.Literal('STR'), Type.Literal('TRS'), Type.Literal('TSR')], { description: 'Which site phase feeds the EVSE\'s L1, L2, L3 (R = L1, S = L2, T = L3)' });

const Circuit = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  parentId: Nullable(Type.String({ minLength: 1, maxLength: 64 })),
  maxCurrentA: Type.Optional(PhaseValues),
  maxPowerKw: Type.Optional(NonNegative),
}, { additionalProperties: false, description: 'Exactly one circuit (the grid connection) has parentId null' });
const Evse = Type.Object({
  stationId: Type.String({ minLength: 1, maxLength: 48 }),
  evseId: Type.Integer({ minimum: 1, description: '2.x EVSE id; 1.6 connector id' }),
  circuitId: Type.String({ minLength: 1, maxLength: 64 }),
  phases: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
  phaseRotation: Type.Optional(Rotation),
  maxCurrentA: NonNegative,
  minCurrentA: Type.Optional(NonNegative),
}, { additionalProperties: false });
const Options = Type.Object({
  minChangeA: Type.Optional(NonNegative),
  debounceMs: Type.Optional(Type.Integer({ minimum: 0, maximum: 60_000 })),
  reservedSiteLoadA: Type.Optional(PhaseValues),
  leaseSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400 })),
  tickSeconds: Type.Optional(Type.Integer({ minimum: 1, maximum: 3_600 })),
}, { additionalProperties: false });
const ConfigBody = Type.Object({
  strategy: Strategy,
  voltageV: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1000 })),
  circuits: Type.Array(Circuit, { minItems: 1, maxItems: 2000 }),
  evses: Type.Array(Evse, { maxItems: 5000 }),
  options: Type.Optional(Options),
}, { additionalProperties: false });
const Battery = Type.Object({
  circuitId: Type.Optional(Type.String()), capacityKwh: NonNegative, socPct: Type.Number({ minimum: 0, maximum: 100 }),
  minSocPct: Type.Optional(Type.Number({ minimum: 0, maximum: 100 })), maxDischargeKw: NonNegative, maxChargeKw: NonNegative,
}, { additionalProperties: false });
const Readings = Type.Object({
  siteLoadA: Type.Optional(Type.Union([Type.Number(), Type.Array(Type.Number(), { minItems: 3, maxItems: 3 })], { description: 'Non-EV load per phase (A) from the site meter; negative = export' })),
  siteLoadCircuitId: Type.Optional(Type.String()),
  pvProductionKw: Type.Optional(NonNegative),
  battery: Type.Optional(Battery),
}, { additionalProperties: false });
const ConfigSchema = Type.Object({
  siteId: Type.String(), strategy: Strategy, voltageV: Type.Number(), circuits: Type.Array(Circuit), evses: Type.Array(Evse),
  options: Type.Object({ minChangeA: Type.Number(), debounceMs: Type.Number(), reservedSiteLoadA: PhaseValues, leaseSeconds: Type.Number(), tickSeconds: Type.Number() }),
  readings: Nullable(Readings), readingsAt: Nullable(DateTime), updatedAt: DateTime,
});
const SchedulePoint = Type.Object({ startOffsetSeconds: Type.Integer({ minimum: 0 }), maxCurrentA: Type.Optional(PhaseValues), maxPowerKw: Type.Optional(NonNegative) }, { additionalProperties: false });
const SignalBody = Type.Object({
  source: Type.Optional(Type.String({ maxLength: 100, description: 'Who sent it: a grid operator, an energy manager' })),
  circuitId: Type.Optional(Type.String({ description: 'Default: the grid connection' })),
  validFrom: Type.Optional(DateTime), validUntil: Type.Optional(DateTime),
  maxCurrentA: Type.Optional(PhaseValues), maxPowerKw: Type.Optional(NonNegative),
  schedule: Type.Optional(Type.Array(SchedulePoint, { minItems: 1, maxItems: 96, description: 'Offsets from validFrom; the last period started gives the cap' })),
}, { additionalProperties: false });
const SignalSchema = Type.Composite([SignalBody, Type.Object({ id: Type.String(), createdAt: DateTime })]);
const Reason = Type.Record(Type.String(), Type.Unknown(), { description: 'Why the EVSE got its limit: kind (constraint, ev-max, evse-max, min-current-starvation, ...) and its details' });
const AllocationSchema = Type.Object({
  siteId: Type.String(), strategy: Strategy, computedAt: Nullable(DateTime),
  evses: Type.Array(Type.Object({
    evseId: Type.String({ description: '<stationId>/<evseId>' }), sessionId: Nullable(Type.String()), limitA: Type.Number(), phases: Type.Number(), sitePhases: Type.Array(Type.String()), reason: Reason,
    dispatched: Nullable(Type.Object({ limitA: Type.Number(), fallbackA: Nullable(Type.Number()), status: Type.String(), appliedA: Nullable(Type.Number()), chargingProfileId: Nullable(Type.Number()), updatedAt: DateTime })),
  })),
  constraints: Type.Array(Type.Object({ circuitId: Type.String(), phase: Type.String(), source: Type.String(), signalId: Type.Optional(Type.String()), cap: Type.Number(), load: Type.Number(), overloaded: Type.Boolean() }),
    { description: 'Cap vs allocated load per circuit and phase (A) or power (kW)' }),
  batteryDischargeKw: Type.Number(),
  measured: Type.Object({
    circuits: Type.Array(Type.Object({
      circuitId: Type.String(), currentA: Type.Array(Type.Number(), { minItems: 3, maxItems: 3, description: '[L1, L2, L3] site phases, A' }),
      charging: Type.Integer({ description: 'Charging EVSEs on the circuit and below' }), measured: Type.Integer({ description: 'How many of them have a sample (the others are not in currentA)' }),
      oldestSampleAt: Nullable(DateTime),
    })),
    evses: Type.Array(Type.Object({ evseId: Type.String(), sessionId: Type.String(), currentA: Type.Array(Type.Number(), { minItems: 3, maxItems: 3 }), sampledAt: DateTime })),
  }, { description: 'What is drawn: each charging EVSE\'s latest measured current (Current.Import per phase, else Power.Active.Import; at most 15 minutes old) on the site\'s phases, summed per circuit with the site meter\'s non-EV load. Beside the caps and the allocated load in constraints' }),
  stationMaxima: Type.Array(Type.Object({ stationId: Type.String(), limitA: Type.Number(), acceptedAt: DateTime }), {
    description: 'The station maximum (ChargePointMaxProfile / ChargingStationMaxProfile, A per phase) each station of the site accepted; a station without one has not accepted it yet. Their sum holds the cap while ChargeOps is unreachable',
  }),
});
const Period = Type.Object({ startPeriod: Type.Integer({ minimum: 0 }), limit: NonNegative, numberPhases: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })) }, { additionalProperties: false });
const ProfileBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  purpose: Type.Union([Type.Literal('TxDefaultProfile'), Type.Literal('ChargePointMaxProfile'), Type.Literal('TxProfile')], { description: 'ChargePointMaxProfile is sent as ChargingStationMaxProfile to 2.x stations' }),
  stackLevel: Type.Integer({ minimum: 0, maximum: 100 }),
  kind: Type.Union([Type.Literal('Absolute'), Type.Literal('Relative'), Type.Literal('Recurring')]),
  recurrencyKind: Type.Optional(Type.Union([Type.Literal('Daily'), Type.Literal('Weekly')])),
  startSchedule: Type.Optional(DateTime),
  durationS: Type.Optional(Type.Integer({ minimum: 1 })),
  unit: Type.Union([Type.Literal('A'), Type.Literal('W')]),
  periods: Type.Array(Period, { minItems: 1, maxItems: 24 }),
}, { additionalProperties: false });
// A PATCH: any field of the body; null removes an optional one (a start, a duration, a recurrency).
const ProfileChange = Type.Object({
  name: Type.Optional(ProfileBody.properties.name), purpose: Type.Optional(ProfileBody.properties.purpose), stackLevel: Type.Optional(ProfileBody.properties.stackLevel),
  kind: Type.Optional(ProfileBody.properties.kind), recurrencyKind: Type.Optional(Nullable(Type.Union([Type.Literal('Daily'), Type.Literal('Weekly')]))),
  startSchedule: Type.Optional(Nullable(DateTime)), durationS: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  unit: Type.Optional(ProfileBody.properties.unit), periods: Type.Optional(ProfileBody.properties.periods),
}, { additionalProperties: false, minProperties: 1 });
const ProfileParams = Type.Object({ profileId: Type.String({ minLength: 1, maxLength: 64 }) });
const ProfileSchema = Type.Object({ id: Type.String(), name: Type.String(), profile: Type.Record(Type.String(), Type.Unknown()), createdAt: DateTime, updatedAt: DateTime });

const SiteParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const read = { permission: 'energy:read' as const };
const write = { permission: 'energy:write' as const };

// The allocator's phase values are readonly tuples; the schemas say the same thing as arrays.
function configView(c: EnergyConfig): Static<typeof ConfigSchema> {
  return ({
    siteId: c.siteId, strategy: c.strategy, voltageV: c.voltageV, circuits: c.circuits, evses: c.evses, options: c.options,
    readings: c.readings, readingsAt: c.readingsAt?.toISOString() ?? null, updatedAt: c.updatedAt.toISOString(),
  }) as unknown as Static<typeof ConfigSchema>;
}
const signalView = ({ siteId: _site, createdAt, ...rest }: Signal) => ({ ...rest, createdAt: createdAt.toISOString() }) as unknown as Static<typeof SignalSchema>;
const profileView = (p: LibraryProfile) => ({ id: p.id, name: p.name, profile: p.profile, createdAt: p.createdAt.toISOString(), updatedAt: p.updatedAt.toISOString() });

export function registerSmartChargingRoutes(app: ApiApp, deps: { smartCharging: SmartChargingService; defaultTenant: string }): void {
  const sc = deps.smartCharging;
  const tags = ['smart-charging'];
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);

  app.get('/api/v1/sites/:id/energy', {
    config: read, schema: { tags, summary: 'A site\'s energy configuration: topology, strategy, options, latest readings', params: SiteParams, response: { 200: ConfigSchema } },
  }, async (request) => configView(await sc.getConfig(tenant(request), request.params.id)));

  app.put('/api/v1/sites/:id/energy', {
    config: write,
    schema: {
      tags, summary: 'Describe a site\'s electrical topology and strategy (replaces the whole configuration)',
      description: 'Grid connection -> nested circuits -> EVSEs, per-phase A and/or kW limits. Refused with invalid_energy_config (and every problem listed) on a cycle, two grid connections, an unknown circuit or station, a station of another site, negative limits.',
      params: SiteParams, body: ConfigBody, response: { 200: ConfigSchema },
    },
  }, async (request) => configView(await sc.putConfig(tenant(request), request.params.id, request.body as EnergyConfigInput)));

  app.delete('/api/v1/sites/:id/energy', {
    config: write, schema: { tags, summary: 'Stop load management at a site (profiles on stations stay until they expire)', params: SiteParams, response: { 204: Type.Null() } },
  }, async (request, reply) => { await sc.deleteConfig(tenant(request), request.params.id); return reply.code(204).send(null); });

  app.put('/api/v1/sites/:id/energy/readings', {
    config: write, schema: { tags, summary: 'Push the site meter reading (non-EV load), PV production and battery state', params: SiteParams, body: Readings, response: { 200: ConfigSchema } },
  }, async (request) => configView(await sc.putReadings(tenant(request), request.params.id, request.body as never)));

  app.get('/api/v1/sites/:id/energy/signals', {
    config: read, schema: { tags, summary: 'Grid signals (dynamic external caps) of a site', params: SiteParams, response: { 200: Type.Object({ items: Type.Array(SignalSchema) }) } },
  }, async (request) => ({ items: (await sc.listSignals(tenant(request), request.params.id)).map(signalView) }));

  app.post('/api/v1/sites/:id/energy/signals', {
    config: write, schema: { tags, summary: 'Add a grid signal (a cap with a schedule and an expiry); the site is re-allocated before the answer', params: SiteParams, body: SignalBody, response: { 201: SignalSchema } },
  }, async (request, reply) => reply.code(201).send(signalView(await sc.addSignal(tenant(request), request.params.id, request.body as Omit<ExternalCap, 'id'>))));

  app.delete('/api/v1/sites/:id/energy/signals/:signalId', {
    config: write, schema: { tags, summary: 'Withdraw a grid signal', params: Type.Object({ id: Type.String(), signalId: Type.String() }), response: { 204: Type.Null() } },
  }, async (request, reply) => { await sc.removeSignal(tenant(request), request.params.id, request.params.signalId); return reply.code(204).send(null); });

  app.get('/api/v1/sites/:id/energy/allocation', {
    config: read, schema: { tags, summary: 'Live site energy view: cap vs load per circuit and phase, each EVSE\'s limit and why, what its station accepted', params: SiteParams, response: { 200: AllocationSchema } },
  }, async (request) => {
    const { config, latest, limits, stationMaxima, measured } = await sc.allocation(tenant(request), request.params.id);
    const byKey = new Map(limits.map((l) => [l.evseKey, l]));
    return {
      siteId: config.siteId, strategy: config.strategy, computedAt: latest?.at ?? null,
      evses: (latest?.result.evses ?? []).map((a) => {
        const d = byKey.get(a.evseId);
        return { ...a, reason: a.reason as Record<string, unknown>, dispatched: d ? { limitA: d.limitA, fallbackA: d.fallbackA, status: d.status, appliedA: d.appliedA, chargingProfileId: d.chargingProfileId, updatedAt: d.updatedAt.toISOString() } : null };
      }),
      constraints: latest?.result.constraints ?? [],
      batteryDischargeKw: latest?.result.batteryDischargeKw ?? 0,
      measured,
      stationMaxima: stationMaxima.map((m) => ({ stationId: m.stationId, limitA: m.limitA, acceptedAt: m.acceptedAt.toISOString() })),
    };
  });

  app.post('/api/v1/sites/:id/energy/reallocate', {
    config: write, schema: { tags, summary: 'Re-allocate the site now and dispatch the changed limits', params: SiteParams, response: { 204: Type.Null() } },
  }, async (request, reply) => { await sc.reallocate(tenant(request), request.params.id); return reply.code(204).send(null); });

  app.get('/api/v1/smart-charging/profiles', {
    config: read, schema: { tags, summary: 'The operator\'s charging profile library', response: { 200: Type.Object({ items: Type.Array(ProfileSchema) }) } },
  }, async (request) => ({ items: (await sc.listProfiles(tenant(request))).map(profileView) }));

  app.post('/api/v1/smart-charging/profiles', {
    config: write, schema: { tags, summary: 'Add a profile (TxDefaultProfile or ChargePointMaxProfile) to the library', body: ProfileBody, response: { 201: ProfileSchema } },
  }, async (request, reply) => reply.code(201).send(profileView(await sc.createProfile(tenant(request), request.body))));

  // ETag / If-Match as ADR 017 (the tag of id + updatedAt; If-Match optional, 412 when stale): set
  // here rather than in etag.ts's table, and checked by a compare-and-set on the row's version.
  app.get('/api/v1/smart-charging/profiles/:profileId', {
    config: read, schema: { tags, summary: 'A library profile (with its ETag)', params: ProfileParams, response: { 200: ProfileSchema } },
  }, async (request, reply) => {
    const view = profileView(await sc.getProfile(tenant(request), request.params.profileId));
    return reply.header('etag', etagOf(view)).send(view);
  });

  app.patch('/api/v1/smart-charging/profiles/:profileId', {
    config: write,
    schema: {
      tags, summary: 'Change a library profile (If-Match supported: 412 precondition_failed when stale)',
      description: 'The fields given replace the stored ones (null removes startSchedule, durationS or recurrencyKind); the result is checked as a whole (invalid_charging_profile lists every problem). Stations that hold the profile keep the old one until it is applied again.',
      params: ProfileParams, body: ProfileChange, response: { 200: ProfileSchema },
    },
  }, async (request, reply) => {
    const ifMatch = request.headers['if-match'];
    const matches = (current: LibraryProfile) => typeof ifMatch !== 'string' || ifMatchAccepts(ifMatch, etagOf(profileView(current)));
    const view = profileView(await sc.updateProfile(tenant(request), request.params.profileId, request.body as LibraryProfileChange, matches));
    return reply.header('etag', etagOf(view)).send(view);
  });

  app.delete('/api/v1/smart-charging/profiles/:profileId', {
    config: write, schema: { tags, summary: 'Remove a profile from the library', params: Type.Object({ profileId: Type.String() }), response: { 204: Type.Null() } },
  }, async (request, reply) => { await sc.deleteProfile(tenant(request), request.params.profileId); return reply.code(204).send(null); });

  app.post('/api/v1/smart-charging/profiles/:profileId/apply', {
    config: write,
    schema: {
      tags, summary: 'Send a library profile to a station (SetChargingProfile) and return its answer', params: Type.Object({ profileId: Type.String() }),
      body: Type.Object({ stationId: Type.String({ minLength: 1, maxLength: 48 }), evseId: Type.Integer({ minimum: 0, description: '0: the whole station' }) }, { additionalProperties: false }),
      response: { 200: Type.Object({ commandId: Type.String(), response: Type.Unknown() }) },
    },
  }, async (request) => {
    const result = await sc.applyProfile(tenant(request), request.params.profileId, { ...request.body, requestedBy: request.principal?.keyId ?? null });
    return { commandId: result.commandId, response: responseOrThrow(request.body.stationId, 'SetChargingProfile', result.outcome) };
  });
}
