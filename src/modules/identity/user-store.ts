// PostgreSQL implementation of UserStore: users plus their site scope (user_sites).
import { and, asc, count, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { userSites, users } from '../../infra/db/schema.js';
import type { User, UserCredentials, UserStore } from './ports.js';
import { newId } from './secrets.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

type UserRow = typeof users.$inferSelect;

/** The user list's `?sort=` fields (ADR 037). */
export const USER_SORT: Sortable<UserRow> = {
  fields: {
    id: { column: users.id, kind: 'text', valueOf: (row) => row.id },
    email: { column: users.email, kind: 'text', valueOf: (row) => row.email },
    name: { column: users.name, kind: 'text', valueOf: (row) => row.name },
    role: { column: users.role, kind: 'text', valueOf: (row) => row.role },
    createdAt: { column: users.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    lastLoginAt: { column: sql`coalesce(${users.lastLoginAt}, 'epoch'::timestamptz)`, kind: 'timestamp', valueOf: (row) => row.lastLoginAt ?? new Date(0) },
  },
  id: { column: users.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: 'id',
};

const tenantIs = (tenantId: string | null): SQL => (tenantId === null ? isNull(users.tenantId) : eq(users.tenantId, tenantId));

function toCredentials(row: UserRow, siteIds: string[] | null): UserCredentials {
  return {
    id: row.id, email: row.email, name: row.name, tenantId: row.tenantId, role: row.role,
    siteIds, totpEnabled: row.totpEnabled, createdAt: row.createdAt, lastLoginAt: row.lastLoginAt,
    passwordHash: row.passwordHash, totpSecret: row.totpSecret, totpLastStep: row.totpLastStep,
  };
}

function toUser(row: UserRow, siteIds: string[] | null): User {
  const { passwordHash: _hash, totpSecret: _secret, totpLastStep: _step, ...user } = toCredentials(row, siteIds);
  return user;
}

async function siteIdsOf(ex: Executor, rows: UserRow[]): Promise<Map<string, string[]>> {
  const scoped = rows.filter((row) => row.siteScoped).map((row) => row.id);
  const result = new Map<string, string[]>(scoped.map((id) => [id, []]));
  if (scoped.length === 0) return result;
  const links = await ex.select().from(userSites).where(inArray(userSites.userId, scoped)).orderBy(asc(userSites.siteId));
  for (const link of links) result.get(link.userId)?.push(link.siteId);
  return result;
}

async function withSites(ex: Executor, row: UserRow | undefined): Promise<User | null> {
  if (!row) return null;
  return toUser(row, row.siteScoped ? (await siteIdsOf(ex, [row])).get(row.id) ?? [] : null);
}

async function credentials(ex: Executor, row: UserRow | undefined): Promise<UserCredentials | null> {
  if (!row) return null;
  return toCredentials(row, row.siteScoped ? (await siteIdsOf(ex, [row])).get(row.id) ?? [] : null);
}

async function replaceSites(ex: Executor, tenantId: string | null, userId: string, siteIds: string[] | null): Promise<void> {
  await ex.delete(userSites).where(eq(userSites.userId, userId));
  if (siteIds && siteIds.length > 0 && tenantId !== null) {
    await ex.insert(userSites).values([...new Set(siteIds)].map((siteId) => ({ tenantId, userId, siteId })));
  }
}

export function createUserStore(): UserStore {
  return {
    async create(ex, user) {
      return ex.transaction(async (tx) => {
        const [row] = await tx.insert(users).values({
          id: newId('usr'), tenantId: user.tenantId, email: user.email, name: user.name, role: user.role,
          siteScoped: user.siteIds !== null, passwordHash: user.passwordHash,
        }).returning();
        await replaceSites(tx, user.tenantId, row!.id, user.siteIds);
        return (await withSites(tx, row))!;
      });
    },

    async list(ex, tenantId, page) {
      const sort = parseSort(USER_SORT, page.sort);
      const rows = await ex.select().from(users)
        .where(and(tenantIs(tenantId), afterCursor(sort, page.cursor)))
        .orderBy(...sortOrder(sort)).limit(page.limit + 1);
      const { rows: items, nextCursor } = keysetPage(rows, page.limit, sort);
      const sites = await siteIdsOf(ex, items);
      return { items: items.map((row) => toUser(row, row.siteScoped ? sites.get(row.id) ?? [] : null)), nextCursor };
    },

    async get(ex, tenantId, id) {
      const [row] = await ex.select().from(users).where(and(tenantIs(tenantId), eq(users.id, id)));
      return withSites(ex, row);
    },

    async findCredentialsByEmail(ex, email) {
      const [row] = await ex.select().from(users).where(eq(users.email, email));
      return credentials(ex, row);
    },

    async findCredentialsById(ex, id) {
      const [row] = await ex.select().from(users).where(eq(users.id, id));
      return credentials(ex, row);
    },

    async update(ex, tenantId, id, changes) {
      return ex.transaction(async (tx) => {
        const [row] = await tx.update(users).set({
          ...(changes.name === undefined ? {} : { name: changes.name }),
          ...(changes.role === undefined ? {} : { role: changes.role }),
          ...(changes.passwordHash === undefined ? {} : { passwordHash: changes.passwordHash }),
          ...(changes.siteIds === undefined ? {} : { siteScoped: changes.siteIds !== null }),
          updatedAt: new Date(),
        }).where(and(tenantIs(tenantId), eq(users.id, id))).returning();
        if (!row) return null;
        if (changes.siteIds !== undefined) await replaceSites(tx, row.tenantId, row.id, changes.siteIds);
        return withSites(tx, row);
      });
    },

    async delete(ex, tenantId, id) {
      const deleted = await ex.delete(users).where(and(tenantIs(tenantId), eq(users.id, id))).returning({ id: users.id });
      return deleted.length > 0;
    },

    async count(ex) {
      const [row] = await ex.select({ n: count() }).from(users);
      return row?.n ?? 0;
    },

    async countWithRole(ex, tenantId, role) {
      const [row] = await ex.select({ n: count() }).from(users).where(and(tenantIs(tenantId), eq(users.role, role)));
      return row?.n ?? 0;
    },

    async setTotp(ex, id, totp) {
      // Enabling keeps the last accepted step, so the code that confirmed enrolment cannot sign in again.
      await ex.update(users).set({ totpSecret: totp.secret, totpEnabled: totp.enabled, ...(totp.enabled ? {} : { totpLastStep: null }), updatedAt: new Date() }).where(eq(users.id, id));
    },

    async acceptTotpStep(ex, id, step) {
      // One conditional update: two concurrent sign-ins with the same code cannot both pass.
      const updated = await ex.update(users).set({ totpLastStep: step })
        .where(and(eq(users.id, id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step)))).returning({ id: users.id });
      return updated.length > 0;
    },

    async recordLogin(ex, id, at) {
      await ex.update(users).set({ lastLoginAt: at }).where(eq(users.id, id));
    },
  };
}
