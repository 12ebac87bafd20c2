import type { Permission } from './permissions.js';

/** Who is calling the API, once a credential (API key or dashboard session cookie) is verified. */
export type Principal = {
  actorType: 'api-key' | 'user';
  /** The acting credential: the API key id or the user id (recorded as requestedBy / audit actor). */
  keyId: string;
  /** null for platform principals, which name the tenant they act for with X-Tenant-Id. */
  tenantId: string | null;
  role: string;
  name: string;
  permissions: ReadonlySet<Permission>;
  /** The sites a site-scoped principal may see; null when not site-scoped. */
  siteIds: readonly string[] | null;
  /** Set when authenticated by the session cookie: the CSRF token mutating requests must echo. */
  session: { id: string; csrfToken: string } | null;
  /** The signed-in user, for principals authenticated as a user. */
  userId: string | null;
  /** The API key's name, for principals authenticated by an API key. */
  apiKeyName: string | null;
};
