import type { Executor } from '../../infra/db/database.js';
import { isUniqueViolation } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { decodeIdCursor, encodeIdCursor } from '../../api/cursor.js';
import type { TenantPatch, TenantStore } from './store.js';
import {
  canSee, checkLogo, normalizeColor, normalizeHost, normalizeHosts, type Branding, type Tenant, type TenantStatus, type TenantViewer,
} from './tenant.js';

export type CreateTenantInput = Partial<Branding> & { id: string; name: string; parentId?: string | null; status?: TenantStatus; hosts?: string[] };
export type UpdateTenantInput = Partial<Branding & { name: string; status: TenantStatus; hosts: string[] }>;

/** What the dashboard login page of a host shows; the platform's own when no tenant claims the host. */
export type PublicBranding = Branding & { tenantId: string | null; name: string };

const PLATFORM_BRANDING: PublicBranding = { tenantId: null, name: 'ChargeOps', displayName: null, logo: null, primaryColor: null, accentColor: null };

/**
 * Tenant administration (ADR 016): platform keys manage every tenant; a tenant key sees and
 * manages itself and its white-label sub-operators, and creates sub-operators under itself. A
 * sub-operator has no sub-operators of its own, and never sees its parent.
 */
export class TenantService {
  /** Status and parent per tenant, read on every API request by the scope hook; refreshed after a few seconds. */
  private readonly cache = new Map<string, { tenant: Tenant | null; at: number }>();

  constructor(private readonly db: Executor, private readonly store: TenantStore, private readonly now: () => Date = () => new Date(), private readonly cacheMs = 5_000) {}

  async create(viewer: TenantViewer, input: CreateTenantInput): Promise<Tenant> {
    const parentId = viewer.tenantId === null ? (input.parentId ?? null) : (input.parentId ?? viewer.tenantId);
    if (viewer.tenantId !== null && parentId !== viewer.tenantId) {
      throw new ApiError('forbidden', 'A tenant key creates sub-operators under its own tenant only');
    }
    if (viewer.tenantId !== null && input.status === 'suspended') throw new ApiError('invalid_tenant', 'Create the sub-operator active, then suspend it');
    if (parentId !== null) {
      const parent = await this.store.get(this.db, parentId);
      if (!parent) throw new ApiError('invalid_tenant', `Parent tenant ${parentId} does not exist`);
      if (parent.parentId !== null) throw new ApiError('invalid_tenant', 'A sub-operator cannot have sub-operators of its own');
    }
    const hosts = normalizeHosts(input.hosts ?? []);
    const tenant = {
      id: input.id, name: input.name, parentId, status: input.status ?? 'active', hosts,
      displayName: input.displayName ?? null,
      logo: checkLogo(input.logo ?? null),
      primaryColor: normalizeColor('primaryColor', input.primaryColor ?? null),
      accentColor: normalizeColor('accentColor', input.accentColor ?? null),
    } as const;
    try {
      await this.db.transaction(async (tx) => {
        const taken = await this.store.hostsTakenByOthers(tx, hosts, tenant.id);
        if (taken.length > 0) throw new ApiError('host_taken', `Host name ${taken.join(', ')} already belongs to another tenant`);
        await this.store.insert(tx, tenant);
      });
    } catch (error) {
      throw await this.explainConflict(error, tenant.id, hosts);
    }
    return this.get(viewer, tenant.id);
  }

  async get(viewer: TenantViewer, id: string): Promise<Tenant> {
    const tenant = await this.store.get(this.db, id);
    // Another tenant's existence is not revealed: not visible = not found.
    if (!tenant || !canSee(viewer, tenant)) throw new ApiError('tenant_not_found', `Tenant ${id} not found`);
    return tenant;
  }

  async list(viewer: TenantViewer, query: { limit: number; cursor?: string; parentId?: string }): Promise<{ items: Tenant[]; nextCursor: string | null }> {
    const after = query.cursor === undefined ? undefined : decodeIdCursor(query.cursor);
    const page = await this.store.list(this.db, {
      limit: query.limit, scope: viewer.tenantId, ...(after === undefined ? {} : { after }), ...(query.parentId === undefined ? {} : { parentId: query.parentId }),
    });
    const last = page.items[page.items.length - 1];
    return { items: page.items, nextCursor: page.more && last ? encodeIdCursor(last.id) : null };
  }

  async update(viewer: TenantViewer, id: string, input: UpdateTenantInput): Promise<Tenant> {
    const current = await this.get(viewer, id);
    if (input.status !== undefined && viewer.tenantId === current.id && input.status !== current.status) {
      throw new ApiError('forbidden', 'A tenant cannot change its own status; its parent operator or the platform does');
    }
    const patch: TenantPatch = {};
    if (input.name !== undefined) patch.name = input.name;
    if (input.status !== undefined) patch.status = input.status;
    if (input.displayName !== undefined) patch.displayName = input.displayName;
    if (input.logo !== undefined) patch.logo = checkLogo(input.logo);
    if (input.primaryColor !== undefined) patch.primaryColor = normalizeColor('primaryColor', input.primaryColor);
    if (input.accentColor !== undefined) patch.accentColor = normalizeColor('accentColor', input.accentColor);
    const hosts = input.hosts === undefined ? undefined : normalizeHosts(input.hosts);
    if (hosts !== undefined) patch.hosts = hosts;
    try {
      await this.db.transaction(async (tx) => {
        const taken = await this.store.hostsTakenByOthers(tx, hosts ?? [], id);
        if (taken.length > 0) throw new ApiError('host_taken', `Host name ${taken.join(', ')} already belongs to another tenant`);
        await this.store.update(tx, id, patch, this.now());
      });
    } catch (error) {
      throw await this.explainConflict(error, null, hosts ?? []);
    }
    this.cache.delete(id);
    return this.get(viewer, id);
  }

  /** The branding for a Host header (public: the login page is shown before anyone signs in). */
  async brandingForHost(hostHeader: string | undefined): Promise<PublicBranding> {
    if (!hostHeader) return PLATFORM_BRANDING;
    const tenant = await this.store.findByHost(this.db, normalizeHost(hostHeader));
    if (!tenant) return PLATFORM_BRANDING;
    const { id, name, displayName, logo, primaryColor, accentColor } = tenant;
    return { tenantId: id, name, displayName, logo, primaryColor, accentColor };
  }

  /** A tenant for the per-request scope checks (status, parent); cached briefly. */
  async lookup(id: string): Promise<Tenant | null> {
    const cached = this.cache.get(id);
    const at = Date.now();
    if (cached && at - cached.at < this.cacheMs) return cached.tenant;
    const tenant = await this.store.get(this.db, id);
    this.cache.set(id, { tenant, at });
    return tenant;
  }

  private async explainConflict(error: unknown, newId: string | null, hosts: string[]): Promise<unknown> {
    if (!isUniqueViolation(error)) return error;
    if (newId !== null && (await this.store.get(this.db, newId))) return new ApiError('tenant_exists', `Tenant ${newId} already exists`);
    // Two requests claimed the same host at once: the primary key of tenant_hosts refused the second.
    return new ApiError('host_taken', `One of ${hosts.join(', ')} already belongs to another tenant`);
  }
}
