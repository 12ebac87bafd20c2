// Tenants and their host names (Drizzle; PGlite and node-postgres alike).
import { and, asc, eq, gt, inArray, or } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { tenantHosts, tenants } from '../../infra/db/schema.js';
import type { Branding, Tenant, TenantStatus } from './tenant.js';

type Row = typeof tenants.$inferSelect;
const toTenant = (row: Row, hosts: string[]): Tenant => ({ ...row, status: row.status as TenantStatus, hosts: [...hosts].sort() });

export type NewTenant = Branding & { id: string; name: string; parentId: string | null; status: TenantStatus; hosts: string[] };
export type TenantPatch = Partial<Branding & { name: string; status: TenantStatus; hosts: string[] }>;

export function createTenantStore() {
  async function hostsOf(ex: Executor, ids: string[]): Promise<Map<string, string[]>> {
    const byTenant = new Map<string, string[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return byTenant;
    const rows = await ex.select().from(tenantHosts).where(inArray(tenantHosts.tenantId, ids));
    for (const row of rows) byTenant.get(row.tenantId)?.push(row.host);
    return byTenant;
  }

  return {
    async get(ex: Executor, id: string): Promise<Tenant | null> {
      const [row] = await ex.select().from(tenants).where(eq(tenants.id, id));
      return row ? toTenant(row, (await hostsOf(ex, [row.id])).get(row.id) ?? []) : null;
    },

    /** Ordered by id; `scope` limits the listing to one tenant and its sub-operators. */
    async list(ex: Executor, query: { limit: number; after?: string; scope: string | null; parentId?: string }) {
      const rows = await ex.select().from(tenants).where(and(
        query.scope === null ? undefined : or(eq(tenants.id, query.scope), eq(tenants.parentId, query.scope)),
        query.parentId === undefined ? undefined : eq(tenants.parentId, query.parentId),
        query.after === undefined ? undefined : gt(tenants.id, query.after),
      )).orderBy(asc(tenants.id)).limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      const hosts = await hostsOf(ex, page.map((row) => row.id));
      return { items: page.map((row) => toTenant(row, hosts.get(row.id) ?? [])), more: rows.length > query.limit };
    },

    /** Throws the unique violation of the id or of a host name taken by another tenant. */
    async insert(ex: Executor, tenant: NewTenant): Promise<void> {
      const { hosts, ...row } = tenant;
      await ex.insert(tenants).values(row);
      if (hosts.length > 0) await ex.insert(tenantHosts).values(hosts.map((host) => ({ host, tenantId: tenant.id })));
    },

    async update(ex: Executor, id: string, patch: TenantPatch, at: Date): Promise<boolean> {
      const { hosts, ...columns } = patch;
      const [row] = await ex.update(tenants).set({ ...columns, updatedAt: at }).where(eq(tenants.id, id)).returning({ id: tenants.id });
      if (!row) return false;
      if (hosts !== undefined) {
        await ex.delete(tenantHosts).where(eq(tenantHosts.tenantId, id));
        if (hosts.length > 0) await ex.insert(tenantHosts).values(hosts.map((host) => ({ host, tenantId: id })));
      }
      return true;
    },

    async findByHost(ex: Executor, host: string): Promise<Tenant | null> {
      const [row] = await ex.select({ tenant: tenants }).from(tenantHosts)
        .innerJoin(tenants, eq(tenants.id, tenantHosts.tenantId)).where(eq(tenantHosts.host, host));
      return row ? toTenant(row.tenant, (await hostsOf(ex, [row.tenant.id])).get(row.tenant.id) ?? []) : null;
    },

    /** Whether any of the host names belongs to a tenant other than `tenantId`. */
    async hostsTakenByOthers(ex: Executor, hosts: string[], tenantId: string): Promise<string[]> {
      if (hosts.length === 0) return [];
      const rows = await ex.select().from(tenantHosts).where(inArray(tenantHosts.host, hosts));
      return rows.filter((row) => row.tenantId !== tenantId).map((row) => row.host);
    },
  };
}

export type TenantStore = ReturnType<typeof createTenantStore>;
