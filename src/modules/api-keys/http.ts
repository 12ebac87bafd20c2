// API keys for integrations: scoped by a role (optionally narrowed to a permission list), the
// secret shown once at creation, revocable.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import { tenantOf } from '../../api/authentication.js';
import { PERMISSIONS, ROLES } from '../identity/permissions.js';
import type { ApiKey } from './ports.js';
import { permissionsOfKey, type ApiKeyService } from './service.js';
import { API_KEY_SORT } from './store.js';
import { sortParameter } from '../../api/sorting.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const tags = ['api-keys'];
const PlatformQuery = Type.Object({ platform: Type.Optional(Type.Boolean({ description: 'Platform keys instead of a tenant\'s (platform administrators only)' })) });

const ApiKeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the secret, to tell keys apart' }),
  tenantId: Nullable(Type.String()),
  role: Type.String(),
  scope: Nullable(Type.Array(Type.String()), { description: 'The permission list the key was narrowed to; null: its role\'s' }),
  permissions: Type.Array(Type.String(), { description: 'What the key may do' }),
  createdBy: Nullable(Type.String()),
  createdAt: DateTime,
  lastUsedAt: Nullable(DateTime),
  revokedAt: Nullable(DateTime),
});

function toView(key: ApiKey) {
  return {
    id: key.id, name: key.name, prefix: key.prefix, tenantId: key.tenantId, role: key.role, scope: key.permissions,
    permissions: [...permissionsOfKey(key)].sort(), createdBy: key.createdBy, createdAt: key.createdAt.toISOString(),
    lastUsedAt: key.lastUsedAt?.toISOString() ?? null, revokedAt: key.revokedAt?.toISOString() ?? null,
  };
}

export function registerApiKeyRoutes(app: ApiApp, deps: { keys: ApiKeyService; defaultTenant: string }): void {
  const scopeOf = (request: FastifyRequest): string | null => {
    if ((request.query as { platform?: boolean }).platform !== true) return tenantOf(request, deps.defaultTenant);
    if (!request.principal?.permissions.has('platform:manage')) throw new ApiError('forbidden', 'Only platform administrators manage platform keys');
    return null;
  };

  app.get('/api/v1/api-keys', {
    schema: {
      tags, summary: 'API keys (never their secrets), revoked ones included', querystring: Type.Intersect([PlatformQuery, Type.Object({ sort: sortParameter(API_KEY_SORT) })]),
      response: { 200: Type.Object({ items: Type.Array(ApiKeySchema) }) },
    },
  }, async (request) => ({ items: (await deps.keys.list(scopeOf(request), request.query.sort)).map(toView) }));

  app.post('/api/v1/api-keys', {
    schema: {
      tags, summary: 'Create an API key: the secret is in this answer only', querystring: PlatformQuery,
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 200 }),
        role: Type.Optional(Type.Union(ROLES.map((role) => Type.Literal(role)), { description: 'Default viewer' })),
        permissions: Type.Optional(Type.Union([Type.Null(), Type.Array(Type.Union(PERMISSIONS.map((p) => Type.Literal(p))), { minItems: 1, maxItems: PERMISSIONS.length })], {
          description: 'Narrow the key to these permissions of its role',
        })),
      }, { additionalProperties: false }),
      response: { 201: Type.Object({ apiKey: ApiKeySchema, secret: Type.String({ description: 'Send as "Authorization: Bearer <secret>"; not retrievable later' }) }) },
    },
  }, async (request, reply) => {
    const created = await deps.keys.create(request.principal!, scopeOf(request), request.body);
    reply.header('cache-control', 'no-store');
    return reply.code(201).send({ apiKey: toView(created.key), secret: created.secret });
  });

  app.delete('/api/v1/api-keys/:id', {
    schema: { tags, summary: 'Revoke an API key (at once, for every request after this one)', params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) }), querystring: PlatformQuery, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await deps.keys.revoke(scopeOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
