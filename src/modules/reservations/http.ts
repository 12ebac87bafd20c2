import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { Reservation } from './reservation.js';
import type { ReservationService } from './service.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


const ReservationSchema = Type.Object({
  id: Type.Integer(),
  stationId: Type.String(),
  evseId: Nullable(Type.Integer()),
  connectorType: Nullable(Type.String()),
  idToken: Type.String(),
  idTokenType: Nullable(Type.String()),
  groupIdToken: Nullable(Type.String()),
  expiresAt: DateTime,
  status: Type.String({ description: 'Requested, Accepted, Faulted, Occupied, Rejected, Unavailable, Unanswered, Cancelled, Expired, Removed, Used' }),
  sessionId: Nullable(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

function toView(reservation: Reservation) {
  const { tenantId: _tenant, ...rest } = reservation;
  return { ...rest, expiresAt: reservation.expiresAt.toISOString(), createdAt: reservation.createdAt.toISOString(), updatedAt: reservation.updatedAt.toISOString() };
}

export function registerReservationRoutes(app: ApiApp, deps: { reservations: ReservationService; defaultTenant: string }): void {
  const { reservations } = deps;
  const tags = ['reservations'];
  const caller = (request: FastifyRequest) => ({ tenantId: tenantOf(request, deps.defaultTenant), requestedBy: request.principal?.keyId ?? null });
  const ReservationId = Type.Object({ id: Type.Integer({ minimum: 1 }) });

  app.post('/api/v1/stations/:id/reservations', {
    schema: {
      tags, summary: 'Reserve an EVSE (or any EVSE, or a connector type in 2.x) for a token until a time (ReserveNow)',
      params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) }),
      body: Type.Object({
        idToken: Type.String({ minLength: 1, maxLength: 36 }),
        idTokenType: Type.Optional(Type.String()),
        groupIdToken: Type.Optional(Type.String({ minLength: 1, maxLength: 36 })),
        evseId: Type.Optional(Type.Integer({ minimum: 1, description: 'Omit to reserve any EVSE of the station' })),
        connectorType: Type.Optional(Type.String({ description: '2.x ConnectorEnumType, e.g. cCCS2' })),
        expiresAt: DateTime,
      }, { additionalProperties: false }),
      response: { 201: ReservationSchema },
    },
  }, async (request, reply) => {
    const { expiresAt, ...rest } = request.body;
    const reservation = await reservations.reserve(caller(request), request.params.id, { ...rest, expiresAt: new Date(expiresAt) });
    return reply.code(201).send(toView(reservation));
  });

  app.get('/api/v1/reservations', {
    schema: {
      tags, summary: 'Reservations (newest first)',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.Integer({ minimum: 1 })),
        stationId: Type.Optional(Type.String()), status: Type.Optional(Type.String()),
      }),
      response: { 200: Type.Object({ items: Type.Array(ReservationSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await reservations.list(tenantOf(request, deps.defaultTenant), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/reservations/:id', {
    schema: { tags, summary: 'A reservation', params: ReservationId, response: { 200: ReservationSchema } },
  }, async (request) => toView(await reservations.get(tenantOf(request, deps.defaultTenant), request.params.id)));

  app.delete('/api/v1/reservations/:id', {
    schema: {
      tags, summary: 'Cancel a reservation (CancelReservation)', params: ReservationId,
      response: { 200: Type.Object({ reservation: ReservationSchema, stationAnswer: Type.String() }) },
    },
  }, async (request) => {
    const result = await reservations.cancel(caller(request), request.params.id);
    return { reservation: toView(result.reservation), stationAnswer: result.stationAnswer };
  });
}
