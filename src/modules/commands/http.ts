import { Type } from '@sinclair/typebox';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { CommandRecord } from './command-log-store.js';
import type { StationCommandService } from './command-service.js';
import { responseOrThrow } from './outcome-problem.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


export const CommandSchema = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  action: Type.String(),
  payload: Type.Unknown(),
  outcome: Nullable(Type.String({ description: 'result, error, invalid-response, timeout, offline, busy; null while waiting' })),
  response: Type.Unknown(),
  requestedBy: Nullable(Type.String()),
  sessionId: Nullable(Type.String()),
  remoteStartId: Nullable(Type.Integer()),
  sentAt: DateTime,
  answeredAt: Nullable(DateTime),
  finalOutcome: Nullable(Type.String({ description: 'For remote start/stop: session-started, session-ended, failed; null while pending' })),
  finalDetail: Nullable(Type.String()),
  finalAt: Nullable(DateTime),
});

export function toCommandView(command: CommandRecord) {
  const { tenantId: _tenant, ...rest } = command;
  return {
    ...rest,
    sentAt: command.sentAt.toISOString(),
    answeredAt: command.answeredAt?.toISOString() ?? null,
    finalAt: command.finalAt?.toISOString() ?? null,
  };
}

const CommandParams = Type.Object({ id: Type.String({ minLength: 1 }), action: Type.String({ pattern: '^[A-Za-z0-9]{1,64}$' }) });
const CommandQuery = Type.Object({ timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 300_000 })) });
const CommandResponse = Type.Object({
  commandId: Type.String(), stationId: Type.String(), action: Type.String(), ocppVersion: Type.String(), response: Type.Unknown(),
});

export function registerCommandRoutes(app: ApiApp, deps: { commands: StationCommandService; defaultTenant: string }): void {
  const { commands } = deps;
  const tags = ['commands'];

  app.post('/api/v1/stations/:id/ocpp/:action', {
    schema: {
      tags, summary: 'Send any CSMS-initiated OCPP message and return the station\'s answer',
      description: 'The body is the OCPP payload, validated against the schema of the protocol version the station speaks. The command and its answer are logged.',
      params: CommandParams, querystring: CommandQuery, body: Type.Unknown(), response: { 200: CommandResponse },
    },
  }, async (request) => {
    const { id, action } = request.params;
    const result = await commands.send({
      tenantId: tenantOf(request, deps.defaultTenant), stationId: id, action, payload: request.body ?? {},
      requestedBy: request.principal?.keyId ?? null,
      ...(request.query.timeoutMs === undefined ? {} : { timeoutMs: request.query.timeoutMs }),
    });
    const response = responseOrThrow(id, action, result.outcome, result.commandId);
    return { commandId: result.commandId, stationId: id, action, ocppVersion: result.ocppVersion, response };
  });

  app.get('/api/v1/commands/:id', {
    schema: { tags, summary: 'A command sent to a station: its answer and, for remote start/stop, its final outcome', params: Type.Object({ id: Type.String() }), response: { 200: CommandSchema } },
  }, async (request) => toCommandView(await commands.get(tenantOf(request, deps.defaultTenant), request.params.id)));

  app.get('/api/v1/stations/:id/commands', {
    schema: {
      tags, summary: 'Commands sent to a station (newest first)', params: Type.Object({ id: Type.String() }),
      querystring: Type.Object({ limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()) }),
      response: { 200: Type.Object({ items: Type.Array(CommandSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await commands.listForStation(tenantOf(request, deps.defaultTenant), request.params.id, request.query);
    return { items: page.items.map(toCommandView), nextCursor: page.nextCursor };
  });
}
