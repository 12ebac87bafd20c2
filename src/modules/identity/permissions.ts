// Roles and what they may do: one data table, read by the authorization hook, by /auth/me (the
// dashboard shows actions by it) and by the role-matrix test. Change access here, nowhere else.

export const PERMISSIONS = [
  'stations:read', 'stations:write',
  'commands:read', 'commands:send',
  'sessions:read',
  'reservations:read', 'reservations:write',
  'tokens:read', 'tokens:write',
  'sites:read', 'sites:write',
  'health:read', 'health:write',
  'energy:read', 'energy:write',
  'events:read',
  'webhooks:read', 'webhooks:manage',
  'audit:read',
  'finance:read', 'finance:write',
  'users:read', 'users:manage',
  'api-keys:manage',
  'tenants:read', 'tenants:manage',
  'platform:manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLES = ['platform-admin', 'tenant-admin', 'operator', 'support', 'technician', 'finance', 'viewer', 'site-host'] as const;
export type Role = (typeof ROLES)[number];

/** Roles whose users must be given a site scope (they see only their sites' stations). */
export const SITE_BOUND_ROLES: ReadonlySet<Role> = new Set(['technician', 'site-host']);

const READ_ONLY: Permission[] = ['stations:read', 'commands:read', 'sessions:read', 'reservations:read', 'tokens:read', 'sites:read', 'health:read', 'energy:read', 'events:read', 'tenants:read'];
const TENANT_ADMIN: Permission[] = PERMISSIONS.filter((p) => p !== 'platform:manage' && p !== 'tenants:manage');

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  'platform-admin': PERMISSIONS,
  'tenant-admin': TENANT_ADMIN,
  operator: [...READ_ONLY, 'stations:write', 'commands:send', 'reservations:write', 'tokens:write', 'sites:write', 'health:write', 'energy:write', 'webhooks:read'],
  // Support works incidents (acknowledge, troubleshoot) but does not change energy settings.
  support: [...READ_ONLY, 'commands:send', 'reservations:write', 'health:write', 'users:read'],
  // Technicians close work orders and incidents on their sites.
  technician: ['stations:read', 'stations:write', 'commands:read', 'commands:send', 'sessions:read', 'sites:read', 'health:read', 'health:write', 'events:read'],
  finance: ['stations:read', 'sessions:read', 'tokens:read', 'sites:read', 'finance:read', 'finance:write', 'audit:read', 'tenants:read'],
  viewer: READ_ONLY,
  'site-host': ['stations:read', 'sessions:read', 'sites:read', 'health:read', 'events:read'],
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: string): value is Permission {
  return (PERMISSIONS as readonly string[]).includes(value);
}

/** An unknown role (e.g. from an old row) grants nothing rather than failing open. */
export function permissionsOfRole(role: string): readonly Permission[] {
  return isRole(role) ? ROLE_PERMISSIONS[role] : [];
}

/** A principal can grant (to a user or key) only what it holds itself: no escalation by delegation. */
export function canGrant(held: ReadonlySet<string>, granted: readonly string[]): boolean {
  return granted.every((permission) => held.has(permission));
}
