import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import type { TenantService } from './service.js';

/**
 * Tenant scope of every /api/v1 request, after authentication (ADR 016):
 * - a key of a suspended tenant, or of a sub-operator of a suspended operator, is refused;
 * - a tenant key may name one of its own sub-operators in X-Tenant-Id and then acts for it
 *   (the operator controls its white-label sub-operators); any other tenant named is refused.
 * Platform keys keep naming any tenant with X-Tenant-Id.
 */
export function registerTenantScope(app: ApiApp, tenants: TenantService): void {
  app.addHook('onRequest', async (request) => {
    const principal = request.principal;
    if (!principal?.tenantId || !request.url.startsWith('/api/v1/')) return;
    const own = await tenants.lookup(principal.tenantId);
    if (!own || own.status !== 'active' || (own.parentId !== null && (await tenants.lookup(own.parentId))?.status !== 'active')) {
      throw new ApiError('forbidden', 'The tenant of this key is suspended');
    }
    const requested = request.headers['x-tenant-id'];
    if (typeof requested !== 'string' || requested === '' || requested === own.id) return;
    const target = await tenants.lookup(requested);
    if (!target || target.parentId !== own.id) {
      throw new ApiError('forbidden', 'X-Tenant-Id may name only the key\'s own tenant or one of its sub-operators');
    }
    if (target.status !== 'active') throw new ApiError('forbidden', `Sub-operator ${target.id} is suspended`);
    request.principal = { ...principal, tenantId: target.id };
  });
}
