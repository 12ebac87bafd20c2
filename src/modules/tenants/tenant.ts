// Tenants as the platform sees them: operators, and white-label sub-operators under one of them
// (ADR 016). Pure types and validation; the store and service sit beside this file.
import { ApiError } from '../../api/problem.js';

export type TenantStatus = 'active' | 'suspended';

export type Branding = {
  displayName: string | null;
  /** An https URL or a data:image/... URL. */
  logo: string | null;
  primaryColor: string | null;
  accentColor: string | null;
};

export type Tenant = Branding & {
  id: string;
  name: string;
  /** The operator this tenant is a sub-operator of; null for a top-level operator. */
  parentId: string | null;
  status: TenantStatus;
  /** Host names the tenant's dashboard and driver pages answer on (unique across the deployment). */
  hosts: string[];
  createdAt: Date;
  updatedAt: Date;
};

export const TENANT_ID_PATTERN = '^[a-z0-9][a-z0-9-]{0,62}$';
const MAX_LOGO_CHARS = 256 * 1024;
const MAX_HOSTS = 20;
const HOST = /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?$/;
const COLOR = /^#[0-9a-f]{6}$/;
const DATA_IMAGE = /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,[A-Za-z0-9+/]+={0,2}$/;

/** Lower-cases and checks host names; a Host header with a trailing dot names the same host. */
export function normalizeHosts(hosts: readonly string[]): string[] {
  if (hosts.length > MAX_HOSTS) throw new ApiError('invalid_tenant', `At most ${MAX_HOSTS} host names per tenant`);
  const normalized = [...new Set(hosts.map(normalizeHost))];
  const bad = normalized.find((host) => !HOST.test(host) || host.includes('..'));
  if (bad !== undefined) throw new ApiError('invalid_tenant', `"${bad}" is not a host name (e.g. charge.example.com or localhost:5173)`);
  return normalized;
}

export function normalizeHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.(?=(:\d+)?$)/, '');
}

export function normalizeColor(field: string, color: string | null): string | null {
  if (color === null) return null;
  const lower = color.toLowerCase();
  if (!COLOR.test(lower)) throw new ApiError('invalid_tenant', `${field} must be a colour as #RRGGBB`);
  return lower;
}

export function checkLogo(logo: string | null): string | null {
  if (logo === null) return null;
  if (logo.length > MAX_LOGO_CHARS) throw new ApiError('invalid_tenant', `logo must be at most ${MAX_LOGO_CHARS} characters`);
  if (logo.startsWith('data:')) {
    if (!DATA_IMAGE.test(logo)) throw new ApiError('invalid_tenant', 'logo must be a base64 data:image/(png|jpeg|gif|webp|svg+xml) URL');
    return logo;
  }
  let url: URL;
  try {
    url = new URL(logo);
  } catch {
    throw new ApiError('invalid_tenant', 'logo must be an https URL or a data:image URL');
  }
  if (url.protocol !== 'https:') throw new ApiError('invalid_tenant', 'logo must be an https URL or a data:image URL');
  return logo;
}

/** The calling key's view of the tenant tree: null tenant = platform key. */
export type TenantViewer = { tenantId: string | null };

/** Platform keys see every tenant; a tenant key sees itself and its own sub-operators (ADR 016). */
export function canSee(viewer: TenantViewer, tenant: Pick<Tenant, 'id' | 'parentId'>): boolean {
  return viewer.tenantId === null || tenant.id === viewer.tenantId || tenant.parentId === viewer.tenantId;
}
