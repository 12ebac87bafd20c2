import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import type { TenantService } from './service.js';
import { TENANT_ID_PATTERN, type Tenant, type TenantViewer } from './tenant.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Status = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
const Color = Type.String({ pattern: '^#[0-9A-Fa-f]{6}$', description: '#RRGGBB' });
const Logo = Type.String({ maxLength: 262_144, description: 'An https URL or a base64 data:image/... URL (at most 256 KiB)' });
const Host = Type.String({ minLength: 1, maxLength: 260, description: 'e.g. charge.example.com (a port is part of the name)' });

// Null first in request unions: the REST validator coerces types and would turn null into "".
const BrandingFields = {
  displayName: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  logo: Type.Optional(Nullable(Logo)),
  primaryColor: Type.Optional(Nullable(Color)),
  accentColor: Type.Optional(Nullable(Color)),
};

const TenantSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  parentId: Nullable(Type.String()),
  status: Status,
  displayName: Nullable(Type.String()),
  logo: Nullable(Type.String()),
  primaryColor: Nullable(Type.String()),
  accentColor: Nullable(Type.String()),
  hosts: Type.Array(Type.String()),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const CreateTenantBody = Type.Object({
  id: Type.String({ pattern: TENANT_ID_PATTERN, description: 'Lower-case letters, digits and dashes' }),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  parentId: Type.Optional(Nullable(Type.String({ minLength: 1 }))),
  status: Type.Optional(Status),
  hosts: Type.Optional(Type.Array(Host, { maxItems: 20 })),
  ...BrandingFields,
}, { additionalProperties: false });

const UpdateTenantBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  status: Type.Optional(Status),
  hosts: Type.Optional(Type.Array(Host, { maxItems: 20 })),
  ...BrandingFields,
}, { additionalProperties: false, minProperties: 1 });

const BrandingSchema = Type.Object({
  tenantId: Nullable(Type.String()),
  name: Type.String(),
  displayName: Nullable(Type.String()),
  logo: Nullable(Type.String()),
  primaryColor: Nullable(Type.String()),
  accentColor: Nullable(Type.String()),
});

const toView = (tenant: Tenant) => ({ ...tenant, createdAt: tenant.createdAt.toISOString(), updatedAt: tenant.updatedAt.toISOString() });

/** The tenant whose tree the caller may see: its key's own tenant (platform keys: null, everything). */
function viewerOf(request: FastifyRequest): TenantViewer {
  if (!request.principal) throw new ApiError('unauthorized');
  return { tenantId: request.principal.tenantId };
}

/**
 * Who may create and change tenants (ADR 016): on the platform, `tenants:manage`; inside a tenant,
 * administering its own record and its sub-operators is tenant administration, the same trust as
 * managing its users (`users:manage`, held by tenant-admin). The service keeps a tenant principal
 * inside its own tree either way.
 */
function requireTenantAdministration(request: FastifyRequest): TenantViewer {
  const viewer = viewerOf(request);
  const needed = viewer.tenantId === null ? 'tenants:manage' : 'users:manage';
  if (!request.principal!.permissions.has(needed)) throw new ApiError('forbidden', `This needs the permission ${needed}`, { requiredPermission: needed });
  return viewer;
}

export function registerTenantRoutes(app: ApiApp, deps: { tenants: TenantService }): void {
  const { tenants } = deps;
  const tags = ['tenants'];
  const TenantParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 63 }) });

  app.get('/api/v1/tenants', {
    schema: {
      tags, summary: 'Tenants the key may see: every tenant for a platform key, else its own tenant and its sub-operators',
      querystring: Type.Object({
        limit: Type.Integer({ minimum: 1, maximum: 500, default: 50 }), cursor: Type.Optional(Type.String()),
        parentId: Type.Optional(Type.String({ description: 'Only the sub-operators of this tenant' })),
      }),
      response: { 200: Type.Object({ items: Type.Array(TenantSchema), nextCursor: Nullable(Type.String()) }) },
    },
  }, async (request) => {
    const page = await tenants.list(viewerOf(request), request.query);
    return { items: page.items.map(toView), nextCursor: page.nextCursor };
  });

  app.post('/api/v1/tenants', {
    schema: {
      tags, summary: 'Create a tenant (platform key) or a white-label sub-operator (under the key\'s tenant)',
      body: CreateTenantBody, response: { 201: TenantSchema },
    },
    config: { permission: 'authenticated' },
  }, async (request, reply) => reply.code(201).send(toView(await tenants.create(requireTenantAdministration(request), request.body))));

  app.get('/api/v1/tenants/:id', {
    schema: { tags, summary: 'A tenant with its branding and host names', params: TenantParams, response: { 200: TenantSchema } },
  }, async (request) => toView(await tenants.get(viewerOf(request), request.params.id)));

  app.patch('/api/v1/tenants/:id', {
    schema: {
      tags, summary: 'Change a tenant: name, branding, host names, status (not its own status)',
      params: TenantParams, body: UpdateTenantBody, response: { 200: TenantSchema },
    },
    config: { permission: 'authenticated' },
  }, async (request) => toView(await tenants.update(requireTenantAdministration(request), request.params.id, request.body)));

  app.get('/api/v1/branding', {
    schema: {
      tags, summary: 'Public: the branding of the tenant that owns the request\'s Host name (the platform\'s own otherwise)',
      security: [], response: { 200: BrandingSchema },
    },
    config: { permission: 'public' },
  }, async (request) => tenants.brandingForHost(request.headers.host));
}
