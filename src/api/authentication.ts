import type { FastifyRequest } from 'fastify';
import type { ApiApp } from './http-server.js';
import type { ApiKeyService, Principal } from '../modules/api-keys/service.js';
import { ApiError } from './problem.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/**
 * Bearer API-key authentication for everything under /api/v1. The tenant a request acts for is
 * the key's tenant; a platform key (no tenant) names one with `X-Tenant-Id`, else the default.
 */
export function registerAuthentication(app: ApiApp, keys: ApiKeyService): void {
  app.decorateRequest('principal', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>"');
    const principal = await keys.authenticate(match[1]);
    if (!principal) throw new ApiError('unauthorized', 'The API key is unknown or revoked');
    request.principal = principal;
  });
}

export function tenantOf(request: FastifyRequest, defaultTenant: string): string {
  const principal = request.principal;
  if (!principal) throw new ApiError('unauthorized');
  if (principal.tenantId) return principal.tenantId;
  const requested = request.headers['x-tenant-id'];
  return typeof requested === 'string' && requested.length > 0 ? requested : defaultTenant;
}
