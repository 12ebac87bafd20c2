// PostgreSQL implementation of ApiKeyStore. Only a hash of each secret is stored.
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import { apiKeys } from '../../infra/db/schema.js';
import type { ApiKey, ApiKeyStore } from './ports.js';
import { parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

/** The key list's `?sort=` fields (ADR 037); the list is not paged (a tenant has a handful of keys). */
export const API_KEY_SORT: Sortable<typeof apiKeys.$inferSelect> = {
  fields: {
    name: { column: apiKeys.name, kind: 'text', valueOf: (row) => row.name },
    role: { column: apiKeys.role, kind: 'text', valueOf: (row) => row.role },
    createdAt: { column: apiKeys.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    lastUsedAt: { column: sql`coalesce(${apiKeys.lastUsedAt}, 'epoch'::timestamptz)`, kind: 'timestamp', valueOf: (row) => row.lastUsedAt ?? new Date(0) },
  },
  id: { column: apiKeys.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: '-createdAt',
};

/** `key_` + 16 lowercase hex characters (64 random bits): an identifier, not a secret. */
export function newApiKeyId(): string {
  return `key_${randomBytes(8).toString('hex')}`;
}

function toApiKey(row: typeof apiKeys.$inferSelect): ApiKey {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    prefix: row.prefix,
    role: row.role,
    permissions: row.permissions,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

const tenantIs = (tenantId: string | null): SQL => (tenantId === null ? isNull(apiKeys.tenantId) : eq(apiKeys.tenantId, tenantId));

export function createApiKeyStore(): ApiKeyStore {
  return {
    async findActiveByHash(ex, secretHash) {
      const [row] = await ex.select().from(apiKeys)
        .where(and(eq(apiKeys.secretHash, secretHash), isNull(apiKeys.revokedAt)));
      return row ? toApiKey(row) : null;
    },

    async create(ex, key) {
      const [row] = await ex.insert(apiKeys).values({
        id: newApiKeyId(),
        tenantId: key.tenantId,
        name: key.name,
        prefix: key.prefix,
        secretHash: key.secretHash,
        role: key.role,
        permissions: key.permissions ?? null,
        createdBy: key.createdBy ?? null,
      }).returning();
      return toApiKey(row!);
    },

    async countActive(ex) {
      const [row] = await ex.select({ n: count() }).from(apiKeys).where(isNull(apiKeys.revokedAt));
      return row?.n ?? 0;
    },

    async list(ex, tenantId, sort) {
      const rows = await ex.select().from(apiKeys).where(tenantIs(tenantId)).orderBy(...sortOrder(parseSort(API_KEY_SORT, sort)));
      return rows.map(toApiKey);
    },

    async get(ex, tenantId, id) {
      const [row] = await ex.select().from(apiKeys).where(and(tenantIs(tenantId), eq(apiKeys.id, id)));
      return row ? toApiKey(row) : null;
    },

    async revoke(ex, tenantId, id, at) {
      const rows = await ex.update(apiKeys).set({ revokedAt: at })
        .where(and(tenantIs(tenantId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt))).returning({ id: apiKeys.id });
      return rows.length > 0;
    },

    async touch(ex, id, at) {
      // Never moves backwards (concurrent requests may finish out of order).
      await ex.update(apiKeys).set({ lastUsedAt: at })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, at))));
    },
  };
}
