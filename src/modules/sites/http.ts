import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { SiteService } from './service.js';
import type { Site } from './site.js';
import { SITE_SORT } from './store.js';
import { sortParameter } from '../../api/sorting.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: 'HH:MM local time; an end may be 24:00' });

const OpeningHoursSchema = Type.Object({
  regular: Type.Array(Type.Object({
    weekday: Type.Integer({ minimum: 1, maximum: 7, description: 'ISO weekday, 1 = Monday' }), begin: Time, end: Time,
  }, { additionalProperties: false }), { maxItems: 100 }),
  exceptions: Type.Optional(Type.Array(Type.Object({
    date: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' }),
    periods: Type.Array(Type.Object({ begin: Time, end: Time }, { additionalProperties: false }), { maxItems: 10, description: 'Empty: closed that day' }),
  }, { additionalProperties: false }), { maxItems: 400 })),
}, { additionalProperties: false, description: 'Weekly hours in the site\'s time zone; null = open around the clock' });

// Null first in request unions: the REST validator coerces, and would turn null into "" otherwise.
const EditableFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  street: Nullable(Type.String({ maxLength: 200 })),
  postalCode: Nullable(Type.String({ maxLength: 20 })),
  city: Nullable(Type.String({ maxLength: 100 })),
  country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 (tax jurisdiction, OCPI country)' }),
  region: Nullable(Type.String({ maxLength: 6, description: 'ISO 3166-2 subdivision where tax or law differs (e.g. ES-CN)' })),
  latitude: Nullable(Type.Number({ minimum: -90, maximum: 90 })),
  longitude: Nullable(Type.Number({ minimum: -180, maximum: 180 })),
  timeZone: Type.String({ minLength: 1, maxLength: 64, description: 'IANA zone, e.g. Europe/Amsterdam' }),
  openingHours: Nullable(OpeningHoursSchema),
  host: Nullable(Type.String({ maxLength: 200, description: 'The party hosting the chargers (a supermarket, a hotel)' })),
};
const CreateSiteBody = Type.Object({
  name: EditableFields.name,
  country: EditableFields.country,
  street: Type.Optional(EditableFields.street),
  postalCode: Type.Optional(EditableFields.postalCode),
  city: Type.Optional(EditableFields.city),
  region: Type.Optional(EditableFields.region),
  latitude: Type.Optional(EditableFields.latitude),
  longitude: Type.Optional(EditableFields.longitude),
  timeZone: Type.Optional(EditableFields.timeZone),
  openingHours: Type.Optional(EditableFields.openingHours),
  host: Type.Optional(EditableFields.host),
}, { additionalProperties: false });

const UpdateSiteBody = Type.Partial(Type.Object(EditableFields), { additionalProperties: false, minProperties: 1 });

const SiteSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  street: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  city: Nullable(Type.String()),
  country: Type.String(),
  region: Nullable(Type.String()),
  latitude: Nullable(Type.Number()),
  longitude: Nullable(Type.Number()),
  timeZone: Type.String(),
  openingHours: Nullable(OpeningHoursSchema),
  host: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const SiteDetailSchema = Type.Composite([SiteSchema, Type.Object({
  stationCount: Type.Integer(),
  stations: Type.Array(Type.Object({ id: Type.String(), displayName: Nullable(Type.String()), online: Type.Boolean(), registrationStatus: Type.String() }),
    { description: 'The first 200 stations by id; page through GET /api/v1/stations?siteId= for all' }),
  connectorsByStatus: Type.Record(Type.String(), Type.Integer(), { description: 'Connectors of the site\'s stations by occupancy (Available, Occupied, ...), as last reported' }),
})]);

const Placement = Type.Object({ stationId: Type.String(), siteId: Nullable(Type.String()) });

function toView<T extends Site>(site: T) {
  const { tenantId: _tenant, ...rest } = site;
  return { ...rest, createdAt: site.createdAt.toISOString(), updatedAt: site.updatedAt.toISOString() };
}

export function registerSiteRoutes(app: ApiApp, deps: { sites: SiteService; defaultTenant: string }): void {
  const { sites } = deps;
  const tags = ['sites'];
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  const SiteParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
  const StationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) });

  app.get('/api/v1/sites', {
    schema: {
      tags, summary: 'Sites (by id unless ?sort= says otherwise)',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()),
        country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
        sort: sortParameter(SITE_SORT),
      }),
      response: { 200: Type.Object({ items: Type.Array(SiteSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await sites.list(tenant(request), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/sites', {
    schema: { tags, summary: 'Create a site', body: CreateSiteBody, response: { 201: SiteSchema } },
  }, async (request, reply) => reply.code(201).send(toView(await sites.create(tenant(request), request.body))));

  app.get('/api/v1/sites/:id', {
    schema: { tags, summary: 'A site with its stations and its connectors counted by status', params: SiteParams, response: { 200: SiteDetailSchema } },
  }, async (request) => toView(await sites.detail(tenant(request), request.params.id)));

  app.patch('/api/v1/sites/:id', {
    schema: { tags, summary: 'Change a site (the whole site is re-validated)', params: SiteParams, body: UpdateSiteBody, response: { 200: SiteSchema } },
  }, async (request) => toView(await sites.update(tenant(request), request.params.id, request.body)));

  app.delete('/api/v1/sites/:id', {
    schema: { tags, summary: 'Delete a site without stations (409 site_has_stations otherwise)', params: SiteParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await sites.remove(tenant(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/stations/:id/site', {
    schema: { tags: ['stations', ...tags], summary: 'The site a station stands at (null: not placed)', params: StationParams, response: { 200: Placement } },
  }, async (request) => sites.siteOfStation(tenant(request), request.params.id));

  app.put('/api/v1/stations/:id/site', {
    schema: {
      tags: ['stations', ...tags], summary: 'Place a station at a site of the same tenant (siteId null: at no site)', params: StationParams,
      body: Type.Object({ siteId: Nullable(Type.String({ minLength: 1, maxLength: 64 })) }, { additionalProperties: false }),
      response: { 200: Placement },
    },
  }, async (request) => sites.placeStation(tenant(request), request.params.id, request.body.siteId));
}
