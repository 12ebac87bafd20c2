import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { CommandResult } from '../commands/command-service.js';
import { responseOrThrow } from '../commands/outcome-problem.js';
import type { RemoteControlService } from './service.js';
import { Nullable } from '../../api/schema-helpers.js';

const Station = Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) });
const EvseId = Type.Integer({ minimum: 1 });
const ConnectorId = Type.Integer({ minimum: 1 });
const WaitQuery = Type.Object({
  waitSeconds: Type.Optional(Type.Integer({ minimum: 0, maximum: 120, description: 'Wait up to this long for the final outcome (session started / ended)' })),
});

const CommandAnswer = Type.Object({
  commandId: Type.String(),
  stationId: Type.String(),
  action: Type.String(),
  ocppVersion: Type.String(),
  response: Type.Unknown(),
  final: Type.Optional(Nullable(Type.Object({ outcome: Type.String(), detail: Nullable(Type.String()), sessionId: Nullable(Type.String()) }), { description: 'The final outcome when waitSeconds was given and it arrived in time; else poll GET /api/v1/commands/{commandId}' })),
});

export function registerRemoteControlRoutes(app: ApiApp, deps: { remote: RemoteControlService; defaultTenant: string }): void {
  const { remote } = deps;
  const tags = ['remote control'];
  const caller = (request: FastifyRequest) => ({ tenantId: tenantOf(request, deps.defaultTenant), requestedBy: request.principal?.keyId ?? null });
  const answer = (stationId: string, action: string, result: CommandResult) => ({
    commandId: result.commandId, stationId, action, ocppVersion: result.ocppVersion,
    response: responseOrThrow(stationId, action, result.outcome, result.commandId),
  });

  app.post('/api/v1/stations/:id/remote-start', {
    schema: {
      tags, summary: 'Start a session remotely (1.6 RemoteStartTransaction, 2.x RequestStartTransaction)', params: Station, querystring: WaitQuery,
      body: Type.Object({
        idToken: Type.String({ minLength: 1, maxLength: 36 }),
        idTokenType: Type.Optional(Type.String({ description: '2.x token type; default Central' })),
        evseId: Type.Optional(EvseId),
        chargingProfile: Type.Optional(Type.Unknown({ description: 'A TxProfile in the station\'s OCPP version' })),
      }, { additionalProperties: false }),
      response: { 200: CommandAnswer },
    },
  }, async (request) => {
    const result = await remote.start(caller(request), request.params.id, request.body);
    const view = answer(request.params.id, result.ocppVersion === 'ocpp1.6' ? 'RemoteStartTransaction' : 'RequestStartTransaction', result);
    return { ...view, final: await remote.waitForFinal(result.commandId, (request.query.waitSeconds ?? 0) * 1000) };
  });

  app.post('/api/v1/sessions/:id/stop', {
    schema: {
      tags, summary: 'Stop a session remotely (1.6 RemoteStopTransaction, 2.x RequestStopTransaction)',
      params: Type.Object({ id: Type.String() }), querystring: WaitQuery, response: { 200: CommandAnswer },
    },
  }, async (request) => {
    const result = await remote.stop(caller(request), request.params.id);
    const view = answer(result.session.stationId, result.ocppVersion === 'ocpp1.6' ? 'RemoteStopTransaction' : 'RequestStopTransaction', result);
    return { ...view, final: await remote.waitForFinal(result.commandId, (request.query.waitSeconds ?? 0) * 1000) };
  });

  app.post('/api/v1/stations/:id/unlock', {
    schema: { tags, summary: 'Unlock a connector', params: Station, body: Type.Object({ evseId: EvseId, connectorId: Type.Optional(ConnectorId) }, { additionalProperties: false }), response: { 200: CommandAnswer } },
  }, async (request) => {
    const result = await remote.unlock(caller(request), request.params.id, request.body.evseId, request.body.connectorId);
    return answer(request.params.id, 'UnlockConnector', result);
  });

  app.post('/api/v1/stations/:id/availability', {
    schema: {
      tags, summary: 'Make the station, an EVSE or a connector operative or inoperative (Scheduled while a session runs)', params: Station,
      body: Type.Object({ operative: Type.Boolean(), evseId: Type.Optional(EvseId), connectorId: Type.Optional(ConnectorId) }, { additionalProperties: false }),
      response: { 200: CommandAnswer },
    },
  }, async (request) => {
    const { operative, evseId, connectorId } = request.body;
    const result = await remote.changeAvailability(caller(request), request.params.id, operative, evseId, connectorId);
    return answer(request.params.id, 'ChangeAvailability', result);
  });

  app.post('/api/v1/stations/:id/reset', {
    schema: {
      tags, summary: 'Reset the station (or one EVSE, 2.x): Soft/OnIdle when idle, Hard/Immediate now', params: Station,
      body: Type.Object({
        type: Type.Union([Type.Literal('Soft'), Type.Literal('Hard'), Type.Literal('OnIdle'), Type.Literal('Immediate')]),
        evseId: Type.Optional(EvseId),
      }, { additionalProperties: false }),
      response: { 200: CommandAnswer },
    },
  }, async (request) => {
    const result = await remote.reset(caller(request), request.params.id, request.body.type, request.body.evseId);
    return answer(request.params.id, 'Reset', result);
  });

  app.post('/api/v1/stations/:id/trigger', {
    schema: {
      tags, summary: 'Ask the station to send a message now (TriggerMessage)', params: Station,
      body: Type.Object({ requestedMessage: Type.String({ minLength: 1 }), evseId: Type.Optional(EvseId), connectorId: Type.Optional(ConnectorId) }, { additionalProperties: false }),
      response: { 200: CommandAnswer },
    },
  }, async (request) => {
    const { requestedMessage, evseId, connectorId } = request.body;
    const result = await remote.trigger(caller(request), request.params.id, requestedMessage, evseId, connectorId);
    return answer(request.params.id, 'TriggerMessage', result);
  });
}
