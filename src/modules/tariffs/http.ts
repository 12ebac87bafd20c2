// REST API of tariffs: CRUD, assignments, price schedules, a priced preview, and the tariff a
// driver sees at an EVSE before starting.
import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { Assignment } from './assignment-precedence.js';
import { AssignmentBody, AssignmentView, PreviewBody, ScheduleBody, TariffBody, TariffView } from './http-schemas.js';
import type { OcpiTariff } from './pricing/tariff-model.js';
import type { TariffService } from './service.js';
import type { TariffRow } from './store.js';
import { Nullable } from '../../api/schema-helpers.js';

const toTariffView = (row: TariffRow) => ({
  id: row.id, ocpiId: row.ocpiId, name: row.name, currency: row.currency, tariff: row.tariff, idleFee: row.idleFee ?? null,
  version: row.version, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString(),
});
const toAssignmentView = (a: Assignment) => ({ ...a, validFrom: a.validFrom.toISOString(), validTo: a.validTo?.toISOString() ?? null });
const Id = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export function registerTariffRoutes(app: ApiApp, deps: { tariffs: TariffService; defaultTenant: string }): void {
  const { tariffs } = deps;
  const tags = ['tariffs'];
  const tenant = (request: Parameters<typeof tenantOf>[0]) => tenantOf(request, deps.defaultTenant);
  const input = (body: { name: string; tariff: unknown; idleFee?: unknown }) => ({ name: body.name, tariff: body.tariff as OcpiTariff, idleFee: (body.idleFee ?? null) as never });

  app.post('/api/v1/tariffs', { schema: { tags, summary: 'Create a tariff (OCPI 2.2.1 Tariff object)', body: TariffBody, response: { 201: TariffView } } },
    async (request, reply) => reply.code(201).send(toTariffView(await tariffs.create(tenant(request), input(request.body)))));
  app.get('/api/v1/tariffs', {
    schema: {
      tags, summary: 'Tariffs by name, a page at a time (nextCursor: the cursor of the next page, null on the last)',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })), cursor: Type.Optional(Type.String({ maxLength: 1000 })) }),
      response: { 200: Type.Object({ items: Type.Array(TariffView), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await tariffs.list(tenant(request), { limit: request.query.limit ?? 100, cursor: request.query.cursor });
    return { items: page.items.map(toTariffView), nextCursor: page.nextCursor };
  });
  app.get('/api/v1/tariffs/:id', { schema: { tags, summary: 'A tariff', params: Id, response: { 200: TariffView } } },
    async (request) => toTariffView(await tariffs.get(tenant(request), request.params.id)));
  app.put('/api/v1/tariffs/:id', { schema: { tags, summary: 'Replace a tariff (past CDRs keep the version they were priced with)', params: Id, body: TariffBody, response: { 200: TariffView } } },
    async (request) => toTariffView(await tariffs.replace(tenant(request), request.params.id, input(request.body))));
  app.delete('/api/v1/tariffs/:id', { schema: { tags, summary: 'Delete a tariff and its assignments', params: Id } },
    async (request, reply) => { await tariffs.delete(tenant(request), request.params.id); return reply.code(204).send(); });

  app.post('/api/v1/tariffs/:id/assignments', { schema: { tags, summary: 'Assign the tariff to the tenant, a site, a station or an EVSE for a customer group', params: Id, body: AssignmentBody, response: { 201: AssignmentView } } },
    async (request, reply) => {
      const { validFrom, validTo, ...rest } = request.body;
      const assignment = await tariffs.assign(tenant(request), {
        ...rest, tariffId: request.params.id,
        ...(validFrom ? { validFrom: new Date(validFrom) } : {}), ...(validTo ? { validTo: new Date(validTo) } : {}),
      });
      return reply.code(201).send(toAssignmentView(assignment));
    });
  app.get('/api/v1/tariffs/:id/assignments', { schema: { tags, summary: 'Where the tariff is assigned', params: Id, response: { 200: Type.Object({ items: Type.Array(AssignmentView) }) } } },
    async (request) => {
      await tariffs.get(tenant(request), request.params.id);
      return { items: (await tariffs.assignments(tenant(request), request.params.id)).map(toAssignmentView) };
    });
  app.delete('/api/v1/tariffs/assignments/:id', { schema: { tags, summary: 'Remove an assignment', params: Id } },
    async (request, reply) => { await tariffs.unassign(tenant(request), request.params.id); return reply.code(204).send(); });

  app.put('/api/v1/tariffs/:id/schedule', { schema: { tags, summary: 'Push dynamic prices (e.g. day-ahead): each entry replaces the price of a dimension between two instants', params: Id, body: ScheduleBody, response: { 200: Type.Object({ stored: Type.Integer() }) } } },
    async (request) => ({
      stored: await tariffs.pushSchedule(tenant(request), request.params.id, request.body.entries.map((e) => ({ ...e, startsAt: new Date(e.startsAt), endsAt: new Date(e.endsAt) }))),
    }));

  app.post('/api/v1/tariffs/:id/preview', { config: { permission: 'finance:read' }, schema: { tags, summary: 'What a sample session would cost under this tariff, with the explanation of every line', params: Id, body: PreviewBody } },
    async (request) => {
      const { country, region, ...timeline } = request.body;
      const result = await tariffs.preview(tenant(request), request.params.id, timeline, { ...(country ? { country } : {}), ...(region ? { region } : {}) });
      return { tariffId: result.tariff.id, tariffVersion: result.tariff.version, jurisdictionVat: result.vat, ...result.priced };
    });

  app.get('/api/v1/stations/:id/evses/:evseId/tariff', {
    schema: {
      tags, summary: 'The tariff a driver is shown at an EVSE before starting',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }), evseId: Type.Integer({ minimum: 1 }) }),
      querystring: Type.Object({
        group: Type.Union([Type.Literal('public'), Type.Literal('members'), Type.Literal('fleet'), Type.Literal('roaming')], { default: 'public' }),
        groupRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
      }),
    },
  }, async (request) => {
    const found = await tariffs.tariffAt(tenant(request), request.params.id, request.params.evseId, request.query.group, request.query.groupRef ?? null);
    return {
      tariff: toTariffView(found.tariff), reason: found.reason, assignmentId: found.assignment.id,
      timeZone: found.place.timeZone, jurisdictionVat: found.vat,
    };
  });
}
