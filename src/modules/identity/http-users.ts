// Users API: the people of a tenant (or, with ?platform=true, of the platform) and invitations.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import { tenantOf } from '../../api/authentication.js';
import type { UserService, Invitation } from './user-service.js';
import { Email, Password, RoleSchema, SiteIds, UserSchema, toUserView } from './http-schemas.js';
import { USER_SORT } from './user-store.js';
import { sortParameter } from '../../api/sorting.js';

const tags = ['users'];
const UserParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const PlatformQuery = Type.Object({
  platform: Type.Optional(Type.Boolean({ description: 'The platform\'s own users instead of a tenant\'s (platform administrators only)' })),
});
const InvitationSchema = Type.Object({
  id: Type.String(), email: Type.String(), role: Type.Union([Type.String(), Type.Null()]), tenantId: Type.Union([Type.String(), Type.Null()]),
  siteIds: Type.Union([Type.Array(Type.String()), Type.Null()]), createdBy: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }), expiresAt: Type.String({ format: 'date-time' }),
});
const toInvitationView = (invitation: Invitation) => ({ ...invitation, createdAt: invitation.createdAt.toISOString(), expiresAt: invitation.expiresAt.toISOString() });

export function registerUserRoutes(app: ApiApp, deps: { users: UserService; defaultTenant: string }): void {
  const { users } = deps;
  /** The tenant whose users a request manages: the caller's (X-Tenant-Id for platform callers), or the platform. */
  const scopeOf = (request: FastifyRequest): string | null => {
    if ((request.query as { platform?: boolean }).platform !== true) return tenantOf(request, deps.defaultTenant);
    if (!request.principal?.permissions.has('platform:manage')) throw new ApiError('forbidden', 'Only platform administrators see platform users');
    return null;
  };

  app.get('/api/v1/users', {
    schema: {
      tags, summary: 'List users', querystring: Type.Intersect([PlatformQuery, Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String({ maxLength: 400 })),
        sort: sortParameter(USER_SORT),
      })]),
      response: { 200: Type.Object({ items: Type.Array(UserSchema), nextCursor: Type.Union([Type.String(), Type.Null()]) }) },
    },
  }, async (request) => {
    const page = await users.list(scopeOf(request), { limit: request.query.limit, cursor: request.query.cursor, sort: request.query.sort });
    return { items: page.items.map(toUserView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/users', {
    schema: {
      tags, summary: 'Create a user with an initial password (or invite them: POST /users/invitations)', querystring: PlatformQuery,
      body: Type.Object({ email: Email, name: Type.String({ minLength: 1, maxLength: 200 }), role: RoleSchema, siteIds: Type.Optional(SiteIds), password: Password }, { additionalProperties: false }),
      response: { 201: UserSchema },
    },
  }, async (request, reply) => reply.code(201).send(toUserView(await users.create(request.principal!, scopeOf(request), request.body))));

  app.get('/api/v1/users/invitations', {
    schema: { tags, summary: 'Pending invitations', querystring: PlatformQuery, response: { 200: Type.Object({ items: Type.Array(InvitationSchema) }) } },
  }, async (request) => ({ items: (await users.listInvitations(scopeOf(request))).map(toInvitationView) }));

  app.post('/api/v1/users/invitations', {
    schema: {
      tags, summary: 'Invite someone by email: the link lets them choose a name and password', querystring: PlatformQuery,
      body: Type.Object({ email: Email, role: RoleSchema, siteIds: Type.Optional(SiteIds) }, { additionalProperties: false }),
      response: { 201: Type.Object({ invitation: InvitationSchema, emailSent: Type.Boolean({ description: 'false when no SMTP server is configured' }) }) },
    },
  }, async (request, reply) => {
    const result = await users.invite(request.principal!, scopeOf(request), request.body);
    return reply.code(201).send({ invitation: toInvitationView(result.invitation), emailSent: result.emailSent });
  });

  app.delete('/api/v1/users/invitations/:id', {
    schema: { tags, summary: 'Withdraw a pending invitation', params: UserParams, querystring: PlatformQuery, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await users.revokeInvitation(scopeOf(request), request.params.id);
    return reply.code(204).send(null);
  });

  app.get('/api/v1/users/:id', {
    schema: { tags, summary: 'A user', params: UserParams, querystring: PlatformQuery, response: { 200: UserSchema } },
  }, async (request) => toUserView(await users.get(scopeOf(request), request.params.id)));

  app.patch('/api/v1/users/:id', {
    schema: {
      tags, summary: 'Change a user: name, role, site scope, password (role, scope and password changes end their sessions)',
      params: UserParams, querystring: PlatformQuery,
      body: Type.Object({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), role: Type.Optional(RoleSchema), siteIds: Type.Optional(SiteIds), password: Type.Optional(Password) }, { additionalProperties: false, minProperties: 1 }),
      response: { 200: UserSchema },
    },
  }, async (request) => toUserView(await users.update(request.principal!, scopeOf(request), request.params.id, request.body)));

  app.delete('/api/v1/users/:id', {
    schema: { tags, summary: 'Delete a user (their sessions end)', params: UserParams, querystring: PlatformQuery, response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await users.delete(request.principal!, scopeOf(request), request.params.id);
    return reply.code(204).send(null);
  });
}
