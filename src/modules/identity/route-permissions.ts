// Which permission a route needs. A route may declare it (`config: { permission }`); otherwise it
// is derived from the method and the resource path, so modules written before permissions existed
// are covered. A route under /api/v1 that resolves to nothing is refused at run time and fails the
// route-coverage test: nothing is left open by accident.
import { isPermission, type Permission } from './permissions.js';

/** `public`: no credentials (sign-in, password reset). `authenticated`: any signed-in principal. */
export type RouteAccess = Permission | 'public' | 'authenticated';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The permission the route requires; see src/modules/identity/route-permissions.ts. */
    permission?: RouteAccess;
  }
}

type ReadWrite = { read: Permission; write: Permission };

/**
 * Keyed by the static segments of the path after /api/v1 joined with '/' (parameters dropped), the
 * longest known prefix wins: `stations/ocpp` is `POST /stations/:id/ocpp/:action`.
 */
const RESOURCE_PERMISSIONS: Record<string, ReadWrite> = {
  stations: { read: 'stations:read', write: 'stations:write' },
  'stations/ocpp': { read: 'commands:read', write: 'commands:send' },
  'stations/commands': { read: 'commands:read', write: 'commands:send' },
  'stations/remote-start': { read: 'commands:read', write: 'commands:send' },
  'stations/unlock': { read: 'commands:read', write: 'commands:send' },
  'stations/availability': { read: 'commands:read', write: 'commands:send' },
  'stations/reset': { read: 'commands:read', write: 'commands:send' },
  'stations/trigger': { read: 'commands:read', write: 'commands:send' },
  'stations/reservations': { read: 'reservations:read', write: 'reservations:write' },
  'stations/authorization': { read: 'stations:read', write: 'stations:write' },
  'stations/authorization/clear-cache': { read: 'commands:read', write: 'commands:send' },
  'stations/local-list': { read: 'tokens:read', write: 'tokens:write' },
  'stations/local-list/sync': { read: 'tokens:read', write: 'commands:send' },
  commands: { read: 'commands:read', write: 'commands:send' },
  sessions: { read: 'sessions:read', write: 'commands:send' },
  reservations: { read: 'reservations:read', write: 'reservations:write' },
  tokens: { read: 'tokens:read', write: 'tokens:write' },
  sites: { read: 'sites:read', write: 'sites:write' },
  events: { read: 'events:read', write: 'events:read' },
  webhooks: { read: 'webhooks:read', write: 'webhooks:manage' },
  audit: { read: 'audit:read', write: 'audit:read' },
  users: { read: 'users:read', write: 'users:manage' },
  'api-keys': { read: 'api-keys:manage', write: 'api-keys:manage' },
  tenants: { read: 'tenants:read', write: 'tenants:manage' },
  finance: { read: 'finance:read', write: 'finance:write' },
  tariffs: { read: 'finance:read', write: 'finance:write' },
  cdrs: { read: 'finance:read', write: 'finance:write' },
  invoices: { read: 'finance:read', write: 'finance:write' },
};

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The static segments of a route pattern after /api/v1/, e.g. ['stations', 'ocpp']. */
export function resourcePath(routeUrl: string): string[] {
  return routeUrl.replace(/^\/api\/v1\/?/, '').split('/').filter((segment) => segment.length > 0 && !segment.startsWith(':') && segment !== '*');
}

/** The access a route needs, or null when it declares none and none can be derived. */
export function requiredAccess(method: string, routeUrl: string, declared: string | undefined): RouteAccess | null {
  if (declared !== undefined) {
    return declared === 'public' || declared === 'authenticated' || isPermission(declared) ? declared : null;
  }
  const segments = resourcePath(routeUrl);
  for (let length = segments.length; length > 0; length--) {
    const entry = RESOURCE_PERMISSIONS[segments.slice(0, length).join('/')];
    if (entry) return READ_METHODS.has(method.toUpperCase()) ? entry.read : entry.write;
  }
  return null;
}
