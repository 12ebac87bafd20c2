// REST routes of per-station authorization: settings (auth cache, local list enabled), ClearCache,
// and local lists (members, sync, the station's version).
import { Type, type Static } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import { ApiError, type ApiErrorCode } from '../../api/problem.js';
import { responseOrThrow } from '../commands/outcome-problem.js';
import {
  LocalListSchema, MembersBody, SettingsBody, SettingsChangeSchema, SettingsSchema, SyncResultSchema, VersionReportSchema,
  toLocalListView, toSettingsView,
} from './http-schemas.js';
import type { LocalListService } from './local-list-service.js';
import type { CallFailure } from './station-calls.js';
import type { StationAuthorizationService } from './station-authorization-service.js';

export type StationAuthorizationRoutesDeps = {
  settings: StationAuthorizationService;
  lists: LocalListService;
  defaultTenant: string;
};

const StationParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 48 }) });

const PROBLEM_OF_FAILURE: Record<CallFailure['status'], ApiErrorCode> = {
  Offline: 'station_offline',
  Timeout: 'station_timeout',
  Busy: 'station_busy',
  NotSupported: 'station_call_error',
  CallError: 'station_call_error',
  InvalidResponse: 'station_invalid_response',
  InvalidRequest: 'invalid_payload',
};

export function registerStationAuthorizationRoutes(app: ApiApp, deps: StationAuthorizationRoutesDeps): void {
  const { settings, lists } = deps;
  const tags = ['authorization'];
  const caller = (request: FastifyRequest) => ({ tenantId: tenantOf(request, deps.defaultTenant), requestedBy: request.principal?.keyId ?? null });

  app.get('/api/v1/stations/:id/authorization', {
    schema: { tags, summary: 'Authorization settings of a station', params: StationParams, response: { 200: SettingsSchema } },
  }, async (request) => toSettingsView(await settings.getSettings(caller(request).tenantId, request.params.id)));

  app.put('/api/v1/stations/:id/authorization', {
    schema: {
      tags, summary: 'Set the authorization cache and local list policy of a station',
      description: 'Stored, then applied when the station is connected (1.6 ChangeConfiguration AuthorizationCacheEnabled / LocalAuthListEnabled; '
        + '2.x SetVariables AuthCacheCtrlr.Enabled / LocalAuthListCtrlr.Enabled) with the station\'s answers; applied again each time it connects.',
      params: StationParams, body: SettingsBody, response: { 200: SettingsChangeSchema },
    },
  }, async (request) => {
    const { tenantId, requestedBy } = caller(request);
    const change = await settings.updateSettings(tenantId, request.params.id, request.body as Static<typeof SettingsBody>, requestedBy);
    return { settings: toSettingsView(change.settings), applied: change.applied };
  });

  app.post('/api/v1/stations/:id/authorization/clear-cache', {
    schema: {
      tags, summary: 'Clear the station\'s authorization cache (ClearCache) and return its answer', params: StationParams,
      response: { 200: Type.Object({ stationId: Type.String(), status: Type.String({ description: 'Accepted or Rejected' }) }) },
    },
  }, async (request) => {
    const { tenantId, requestedBy } = caller(request);
    const outcome = await settings.clearCache(tenantId, request.params.id, requestedBy);
    const response = responseOrThrow(request.params.id, 'ClearCache', outcome) as { status: string };
    return { stationId: request.params.id, status: response.status };
  });

  app.get('/api/v1/stations/:id/local-list', {
    schema: {
      tags, summary: 'The local list: desired members, what the station acknowledged, version, last sync and error',
      params: StationParams, response: { 200: LocalListSchema },
    },
  }, async (request) => toLocalListView(await lists.view(caller(request).tenantId, request.params.id)));

  app.put('/api/v1/stations/:id/local-list', {
    schema: {
      tags, summary: 'Replace the members of the station\'s local list (synced now if connected, else when it connects)',
      params: StationParams, body: MembersBody, response: { 200: LocalListSchema },
    },
  }, async (request) => toLocalListView(await lists.replaceMembers(caller(request).tenantId, request.params.id, request.body.members)));

  app.post('/api/v1/stations/:id/local-list/sync', {
    schema: {
      tags, summary: 'Send the station what its list lacks (SendLocalList) and wait for its answers',
      description: 'Differential by default; full=true resends the whole list. 409 when the station is offline (the list stays pending).',
      params: StationParams, querystring: Type.Object({ full: Type.Boolean({ default: false }) }), response: { 200: SyncResultSchema },
    },
  }, async (request) => {
    const { tenantId, requestedBy } = caller(request);
    return lists.sync(tenantId, request.params.id, { full: request.query.full, requestedBy });
  });

  app.get('/api/v1/stations/:id/local-list/version', {
    schema: {
      tags, summary: 'Ask the station its local list version (GetLocalListVersion), next to the one it acknowledged to us',
      params: StationParams, response: { 200: VersionReportSchema },
    },
  }, async (request) => {
    const { tenantId, requestedBy } = caller(request);
    const report = await lists.stationVersion(tenantId, request.params.id, requestedBy);
    if ('ok' in report) throw new ApiError(PROBLEM_OF_FAILURE[report.status], `GetLocalListVersion: ${report.detail}`);
    return report;
  });
}
