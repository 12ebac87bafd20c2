// Test helper: a second tenant with its own API key, arranged directly in the database (the API
// has no tenant administration yet).
import type { Executor } from '../infra/db/database.js';
import { tenants } from '../infra/db/schema.js';
import { generateApiKeySecret, hashApiKey } from '../modules/api-keys/service.js';
import { createApiKeyStore } from '../modules/api-keys/store.js';

export async function createTenantWithKey(db: Executor, tenantId: string): Promise<{ apiKey: string; keyId: string }> {
  await db.insert(tenants).values({ id: tenantId, name: `Tenant ${tenantId}` }).onConflictDoNothing();
  const apiKey = generateApiKeySecret();
  const key = await createApiKeyStore().create(db, {
    tenantId, name: `${tenantId} key`, prefix: apiKey.slice(0, 10), secretHash: hashApiKey(apiKey), role: 'tenant-admin',
  });
  return { apiKey, keyId: key.id };
}
