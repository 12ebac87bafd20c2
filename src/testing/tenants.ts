// Test helper: a tenant (optionally a sub-operator of another) with its own API key, arranged
// directly in the database, for tests that need a second tenant without going through the API.
import type { Executor } from '../infra/db/database.js';
import { tenants } from '../infra/db/schema.js';
import { generateApiKeySecret, hashApiKey } from '../modules/api-keys/service.js';
import { createApiKeyStore } from '../modules/api-keys/store.js';

export async function createTenantWithKey(
  db: Executor, tenantId: string, options: { parentId?: string } = {},
): Promise<{ apiKey: string; keyId: string }> {
  await db.insert(tenants).values({ id: tenantId, name: `Tenant ${tenantId}`, parentId: options.parentId ?? null }).onConflictDoNothing();
  return createKeyFor(db, tenantId);
}

/** Another tenant-admin key of an existing tenant (e.g. one created through the API). */
export async function createKeyFor(db: Executor, tenantId: string): Promise<{ apiKey: string; keyId: string }> {
  const apiKey = generateApiKeySecret();
  const key = await createApiKeyStore().create(db, {
    tenantId, name: `${tenantId} key`, prefix: apiKey.slice(0, 10), secretHash: hashApiKey(apiKey), role: 'tenant-admin',
  });
  return { apiKey, keyId: key.id };
}
