import { Type, type Static } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { StationService } from './service.js';
import type { RegistrationStatus } from './domain/station.js';
import { STATION_SORT } from './store.js';
import { sortParameter } from '../../api/sorting.js';
import {
  ConnectionEventSchema, EvseLayoutSchema, StationDetailSchema, StationEventSchema, StationSchema, fromEvseLayout,
  toStationDetail, toStationView,
} from './http-schemas.js';
import { Nullable } from '../../api/schema-helpers.js';

export type StationRoutesDeps = {
  stations: StationService;
  defaultTenant: string;
  links: LiveLinkControl;
  /** The sites module's placement lookup, for the ?siteId= filter (src/modules/sites). */
  sites?: StationsAtSite;
};

/** The sites module, for the ?siteId= filter: throws site_not_found for an unknown or another tenant's site. */
export interface StationsAtSite {
  get(tenantId: string, siteId: string): Promise<unknown>;
}

/** What operator changes mean for a station's open connection (implemented by the gateway side). */
export interface LiveLinkControl {
  /** Mirrors a new registration status; an approved station is asked to boot again at once, a rejected one is disconnected. */
  registrationChanged(stationId: string, status: RegistrationStatus): void;
  /** The station was deleted: its link is closed. */
  removed(stationId: string): void;
}

const StationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) });
const PageQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }),
  cursor: Type.Optional(Type.String()),
});
const RegistrationStatusSchema = Type.Union([Type.Literal('Accepted'), Type.Literal('Pending'), Type.Literal('Rejected')]);
const Password = Type.String({ minLength: 16, maxLength: 40, description: 'HTTP Basic password (security profile 1/2); stored hashed' });

// Null comes first in request unions: the REST validator coerces types, and would turn a null
// into "" if the string branch were tried first.
const CreateStationBody = Type.Object({
  id: Type.String({ pattern: '^[A-Za-z0-9*\\-_=+|@.]{1,48}$', description: 'Station identity, the last segment of its OCPP URL' }),
  displayName: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
  registrationStatus: Type.Optional(RegistrationStatusSchema),
  securityProfile: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
  password: Type.Optional(Password),
  evses: Type.Optional(EvseLayoutSchema),
}, { additionalProperties: false });

const UpdateStationBody = Type.Object({
  displayName: Type.Optional(Type.Union([Type.Null(), Type.String({ maxLength: 200 })])),
  registrationStatus: Type.Optional(RegistrationStatusSchema),
  securityProfile: Type.Optional(Type.Integer({ minimum: 0, maximum: 3 })),
  password: Type.Optional(Type.Union([Type.Null(), Password])),
}, { additionalProperties: false, minProperties: 1 });

const Page = <T extends import('@sinclair/typebox').TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String()) });


export function registerStationRoutes(app: ApiApp, deps: StationRoutesDeps): void {
  const { stations } = deps;
  const tags = ['stations'];

  app.get('/api/v1/stations', {
    schema: {
      tags, summary: 'List stations',
      querystring: Type.Intersect([PageQuery, Type.Object({
        registrationStatus: Type.Optional(RegistrationStatusSchema), online: Type.Optional(Type.Boolean()),
        siteId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Only the stations at this site' })),
        sort: sortParameter(STATION_SORT),
      })]),
      response: { 200: Page(StationSchema) },
    },
  }, async (request) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    const query = request.query;
    if (query.siteId !== undefined) await deps.sites?.get(tenantId, query.siteId);
    const page = await stations.list(tenantId, query);
    return { items: page.items.map(toStationView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/stations', {
    schema: { tags, summary: 'Register a station', body: CreateStationBody, response: { 201: StationSchema } },
  }, async (request, reply) => {
    const body = request.body;
    const station = await stations.create({
      tenantId: tenantOf(request, deps.defaultTenant),
      id: body.id,
      displayName: body.displayName ?? null,
      registrationStatus: body.registrationStatus ?? 'Accepted',
      securityProfile: body.securityProfile ?? (body.password ? 1 : 0),
      password: body.password ?? null,
      ...(body.evses ? { layout: fromEvseLayout(body.evses) } : {}),
    });
    return reply.code(201).send(toStationView(station));
  });

  app.get('/api/v1/stations/:id', {
    schema: { tags, summary: 'A station with its EVSEs, connectors and live status', params: StationParams, response: { 200: StationDetailSchema } },
  }, async (request) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    const station = await stations.get(tenantId, request.params.id);
    const [statuses, layout] = await Promise.all([stations.listConnectorStatus(tenantId, station.id), stations.getLayout(tenantId, station.id)]);
    return toStationDetail(station, statuses, layout);
  });

  app.put('/api/v1/stations/:id/evses', {
    schema: {
      tags, summary: 'Declare the EVSEs and connectors of a station (replaces the layout)', params: StationParams,
      body: EvseLayoutSchema, response: { 200: StationDetailSchema },
    },
  }, async (request) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    const layout = await stations.replaceLayout(tenantId, request.params.id, fromEvseLayout(request.body));
    const station = await stations.get(tenantId, request.params.id);
    return toStationDetail(station, await stations.listConnectorStatus(tenantId, station.id), layout);
  });

  app.patch('/api/v1/stations/:id', {
    schema: { tags, summary: 'Change a station', params: StationParams, body: UpdateStationBody, response: { 200: StationSchema } },
  }, async (request) => {
    const station = await stations.update(tenantOf(request, deps.defaultTenant), request.params.id, request.body as Static<typeof UpdateStationBody>);
    deps.links.registrationChanged(station.id, station.registrationStatus);
    return toStationView(station);
  });

  app.delete('/api/v1/stations/:id', {
    schema: { tags, summary: 'Remove a station (its history is kept)', params: StationParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await stations.remove(tenantOf(request, deps.defaultTenant), request.params.id);
    deps.links.removed(request.params.id);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/stations/:id/approve', {
    schema: { tags, summary: 'Accept a pending station', params: StationParams, response: { 200: StationSchema } },
  }, async (request) => {
    const station = await stations.update(tenantOf(request, deps.defaultTenant), request.params.id, { registrationStatus: 'Accepted' });
    deps.links.registrationChanged(station.id, station.registrationStatus);
    return toStationView(station);
  });

  app.get('/api/v1/stations/:id/connections', {
    schema: { tags, summary: 'Connection history (newest first)', params: StationParams, querystring: PageQuery, response: { 200: Page(ConnectionEventSchema) } },
  }, async (request) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    await stations.get(tenantId, request.params.id);
    const page = await stations.listConnectionEvents(tenantId, request.params.id, request.query);
    return { items: page.items.map((event) => ({ ...event, at: event.at.toISOString() })), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/stations/:id/events', {
    schema: {
      tags, summary: 'Security events, NotifyEvent reports and data transfers (newest first)', params: StationParams,
      querystring: Type.Intersect([PageQuery, Type.Object({ kind: Type.Optional(Type.String()) })]), response: { 200: Page(StationEventSchema) },
    },
  }, async (request) => {
    const tenantId = tenantOf(request, deps.defaultTenant);
    await stations.get(tenantId, request.params.id);
    const page = await stations.listEvents(tenantId, request.params.id, request.query);
    return {
      items: page.items.map((event) => ({
        id: event.id, kind: event.kind, occurredAt: event.occurredAt?.toISOString() ?? null, receivedAt: event.receivedAt.toISOString(), payload: event.payload,
      })),
      nextCursor: page.nextCursor,
    };
  });
}
