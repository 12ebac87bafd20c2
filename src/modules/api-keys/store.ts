// PostgreSQL implementation of ApiKeyStore. Only a hash of each secret is stored.
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull, lt, or } from 'drizzle-orm';
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
    createdAt: row.createdAt,
    lastUsedAt: row.lastUsedAt,
    revokedAt: row.revokedAt,
  };
}

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
      }).returning();
      return toApiKey(row!);
    },

    async countActive(ex) {
      const [row] = await ex.select({ n: count() }).from(apiKeys).where(isNull(apiKeys.revokedAt));
      return row?.n ?? 0;
    },

    async touch(ex, id, at) {
      // Never moves backwards (concurrent requests may finish out of order).
      await ex.update(apiKeys).set({ lastUsedAt: at })
        .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, at))));
    },
  };
}
