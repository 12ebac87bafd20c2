// PostgreSQL implementation of ApiKeyStore. Only a hash of each secret is stored.
import { randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, lt, or, type SQL } from 'drizzle-orm';
import { apiKeys } from '../../infra/db/schema.js';
import type { ApiKey, ApiKeyStore } from './ports.js';

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

    async list(ex, tenantId) {
      const rows = await ex.select().from(apiKeys).where(tenantIs(tenantId)).orderBy(desc(apiKeys.createdAt), desc(apiKeys.id));
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
