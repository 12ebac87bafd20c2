import type { FastifyReply, FastifyRequest } from 'fastify';
import { parseCookie, stringifySetCookie } from 'cookie';
import type { ApiApp } from './http-server.js';
import type { ApiKeyService } from '../modules/api-keys/service.js';
import type { AuthService } from '../modules/identity/auth-service.js';
import type { Principal } from '../modules/identity/principal.js';
import { requiredAccess, type RouteAccess } from '../modules/identity/route-permissions.js';
import type { SiteScope } from '../modules/identity/site-scope.js';
import { constantTimeEqual } from '../modules/identity/secrets.js';
import { ApiError } from './problem.js';

export type { Principal } from '../modules/identity/principal.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

export const SESSION_COOKIE = 'chargeops_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every /api/v1 route with the access it requires; null marks a route nobody can use (a bug the coverage test catches). */
export type ApiRoute = { method: string; url: string; access: RouteAccess | null };

export type AuthenticationDeps = { keys: ApiKeyService; sessions: AuthService; siteScope: SiteScope };

/**
 * Authentication and authorization of everything under /api/v1, in one place:
 * 1. who: a Bearer API key, else the dashboard session cookie (an Authorization header that does
 *    not verify is refused, never silently replaced by the cookie);
 * 2. CSRF: a cookie-authenticated request other than GET/HEAD/OPTIONS must echo X-CSRF-Token;
 * 3. what: the permission the route declares (`config.permission`) or derives from its method and
 *    path (src/modules/identity/route-permissions.ts); a route resolving to none is refused;
 * 4. where: site-scoped principals reach only their sites' stations (SiteScope).
 * The tenant a request acts for is the principal's; a platform principal (no tenant) names one
 * with `X-Tenant-Id`, else the default.
 */
export function registerAuthentication(app: ApiApp, deps: AuthenticationDeps): { routes: ApiRoute[] } {
  const routes: ApiRoute[] = [];
  app.decorateRequest('principal', null);

  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/v1/')) return;
    const declared = (route.config as { permission?: string } | undefined)?.permission;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue; // Fastify's implicit twin of a GET: same access
      routes.push({ method, url: route.url, access: requiredAccess(method, route.url, declared) });
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const routeUrl = request.routeOptions.url;
    const access = routeUrl === undefined ? null : requiredAccess(request.method, routeUrl, request.routeOptions.config.permission);
    if (access === 'public') return;
    const principal = await authenticate(request, deps);
    request.principal = principal;
    if (principal.session && !SAFE_METHODS.has(request.method)) checkCsrf(request, principal.session.csrfToken);
    if (routeUrl === undefined) return; // no such route: the 404 handler answers, to authenticated callers only
    if (access === null) {
      request.log.error({ method: request.method, route: routeUrl }, 'route declares no permission and none can be derived: refused');
      throw new ApiError('forbidden', 'This route declares no permission');
    }
    if (access !== 'authenticated' && !principal.permissions.has(access)) {
      throw new ApiError('forbidden', `This needs the permission ${access}`, { requiredPermission: access });
    }
    if (principal.siteIds !== null) await deps.siteScope.check(request, principal, tenantOf(request, ''));
  });

  // Lists answered to site-scoped principals keep only what is in their sites.
  app.addHook('preSerialization', async (request: FastifyRequest, _reply: FastifyReply, payload: unknown) => {
    const principal = request.principal;
    if (!principal || principal.siteIds === null || request.method !== 'GET') return payload;
    return deps.siteScope.filterList(request, principal, tenantOf(request, ''), payload);
  });

  return { routes };
}

async function authenticate(request: FastifyRequest, deps: AuthenticationDeps): Promise<Principal> {
  const header = request.headers.authorization;
  if (header !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match?.[1]) throw new ApiError('unauthorized', 'Send an API key as "Authorization: Bearer <key>"');
    const principal = await deps.keys.authenticate(match[1]);
    if (!principal) throw new ApiError('unauthorized', 'The API key is unknown or revoked');
    return principal;
  }
  const token = sessionTokenOf(request);
  if (token !== null) {
    const principal = await deps.sessions.authenticate(token);
    if (!principal) throw new ApiError('unauthorized', 'The session has expired or was ended: sign in again');
    return principal;
  }
  throw new ApiError('unauthorized', 'Sign in, or send an API key as "Authorization: Bearer <key>"');
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.cookie;
  if (!header) return null;
  const token = parseCookie(header)[SESSION_COOKIE];
  return token && token.length > 0 ? token : null;
}

function checkCsrf(request: FastifyRequest, expected: string): void {
  const sent = request.headers['x-csrf-token'];
  if (typeof sent !== 'string' || !constantTimeEqual(sent, expected)) {
    throw new ApiError('csrf_token_invalid', 'Requests signed in by cookie must send the csrfToken from sign-in as X-CSRF-Token');
  }
}

/** The Set-Cookie value of a new session (Secure when the request came over https). */
export function sessionCookie(request: FastifyRequest, token: string, maxAgeSeconds: number): string {
  return stringifySetCookie({
    name: SESSION_COOKIE, value: token, httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge: maxAgeSeconds,
  });
}

export function clearedSessionCookie(request: FastifyRequest): string {
  return stringifySetCookie({ name: SESSION_COOKIE, value: '', httpOnly: true, sameSite: 'strict', path: '/', secure: request.protocol === 'https', maxAge: 0 });
}

export function tenantOf(request: FastifyRequest, defaultTenant: string): string {
  const principal = request.principal;
  if (!principal) throw new ApiError('unauthorized');
  if (principal.tenantId) return principal.tenantId;
  const requested = request.headers['x-tenant-id'];
  return typeof requested === 'string' && requested.length > 0 ? requested : defaultTenant;
}
