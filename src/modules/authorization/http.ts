// REST routes of tokens: /api/v1/tokens (CRUD, list, CSV import/export). The per-station routes
// (settings, ClearCache, local lists) are in http-stations.ts.
import { Type, type Static } from '@sinclair/typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { tenantOf } from '../../api/authentication.js';
import type { TokenFields } from './domain/token.js';
import {
  CreateTokenBody, ImportResult, Page, TokenListQuery, TokenSchema, UpdateTokenBody, fromTokenBody, toTokenView,
} from './http-schemas.js';
import { registerStationAuthorizationRoutes, type StationAuthorizationRoutesDeps } from './http-stations.js';
import type { TokenLocationService } from './token-locations.js';
import type { TokenService } from './token-service.js';

export type AuthorizationRoutesDeps = StationAuthorizationRoutesDeps & { tokens: TokenService; locations: TokenLocationService };

const TokenLocations = Type.Object({
  locations: Type.Array(Type.Object({
    stationId: Type.String({ minLength: 1, maxLength: 48 }),
    evseId: Type.Optional(Type.Integer({ minimum: 0, description: '0 or absent: every EVSE of the station' })),
  }, { additionalProperties: false }), { maxItems: 1000, description: 'Where the token may charge; empty: anywhere' }),
}, { additionalProperties: false });

const TokenParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
/** Large enough for about 100 000 tokens. */
const IMPORT_BODY_LIMIT = 16 * 1024 * 1024;

export function registerAuthorizationRoutes(app: ApiApp, deps: AuthorizationRoutesDeps): void {
  const { tokens } = deps;
  const tags = ['tokens'];
  const tenant = (request: FastifyRequest) => tenantOf(request, deps.defaultTenant);
  const now = () => new Date();

  app.get('/api/v1/tokens', {
    schema: { tags, summary: 'List tokens by value', querystring: TokenListQuery, response: { 200: Page(TokenSchema) } },
  }, async (request) => {
    const page = await tokens.list(tenant(request), request.query);
    const at = now();
    return { items: page.items.map((token) => toTokenView(token, at)), nextCursor: page.nextCursor };
  });

  app.get('/api/v1/tokens/:id/locations', {
    schema: { tags, summary: 'Where the token may charge (empty: anywhere)', params: TokenParams, response: { 200: TokenLocations } },
  }, async (request) => ({ locations: await deps.locations.list(tenant(request), request.params.id) }));

  app.put('/api/v1/tokens/:id/locations', {
    schema: {
      tags, summary: 'Limit the token to stations or EVSEs (NotAtThisLocation elsewhere; 1.6 Invalid); an empty list lifts the limit',
      params: TokenParams, body: TokenLocations, response: { 200: TokenLocations },
    },
  }, async (request) => {
    const locations = request.body.locations.map((l) => ({ stationId: l.stationId, evseId: l.evseId ?? 0 }));
    return { locations: await deps.locations.replace(tenant(request), request.params.id, locations) };
  });

  app.post('/api/v1/tokens', {
    schema: { tags, summary: 'Create a token', body: CreateTokenBody, response: { 201: TokenSchema } },
  }, async (request, reply) => {
    // The type provider cannot see through the nullable fields' schemas (type: [T, "null"]): TypeBox's Static can.
    const body = request.body as Static<typeof CreateTokenBody>;
    const fields: TokenFields = {
      groupIdToken: null, blocked: false, expiresAt: null, language: null, owner: null, masterPass: false,
      ...fromTokenBody(body), idToken: body.idToken, type: body.type,
    };
    return reply.code(201).send(toTokenView(await tokens.create(tenant(request), fields), now()));
  });

  app.get('/api/v1/tokens/export', {
    schema: {
      tags, summary: 'Export every token as CSV (columns idToken,type,groupIdToken,blocked,expiresAt,language,owner,masterPass)',
      produces: ['text/csv'], response: { 200: Type.String() },
    },
  }, async (request, reply) => {
    const csv = await tokens.exportCsv(tenant(request));
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="tokens.csv"').send(csv);
  });

  // The CSV parser is registered in this scope only: everything else stays JSON.
  void app.register(async (plugin) => {
    const scope = plugin.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => done(null, body));
    scope.post('/api/v1/tokens/import', {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags, summary: 'Import tokens from CSV (all or nothing; upsert by value)',
        description: 'A header row names the columns (idToken and type required; groupIdToken, blocked, expiresAt, language, owner, masterPass optional). '
          + 'Any bad row rejects the whole file with 422 invalid_csv listing every line and problem; nothing is stored.',
        consumes: ['text/csv'], body: Type.String(), response: { 200: ImportResult },
      },
    }, async (request) => tokens.importCsv(tenant(request), request.body));
  });

  app.get('/api/v1/tokens/:id', {
    schema: { tags, summary: 'A token', params: TokenParams, response: { 200: TokenSchema } },
  }, async (request) => toTokenView(await tokens.get(tenant(request), request.params.id), now()));

  app.patch('/api/v1/tokens/:id', {
    schema: { tags, summary: 'Change a token (local lists that carry it are updated)', params: TokenParams, body: UpdateTokenBody, response: { 200: TokenSchema } },
  }, async (request) => toTokenView(await tokens.update(tenant(request), request.params.id, fromTokenBody(request.body as Static<typeof UpdateTokenBody>)), now()));

  app.delete('/api/v1/tokens/:id', {
    schema: { tags, summary: 'Delete a token (it leaves every local list)', params: TokenParams, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await tokens.remove(tenant(request), request.params.id);
    return reply.code(204).send(null);
  });

  registerStationAuthorizationRoutes(app, deps);
}
