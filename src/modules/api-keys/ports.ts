import type { Executor } from '../../infra/db/database.js';

/** An API key as stored: only a hash of the secret is kept; the secret is shown once at creation. */
export type ApiKey = {
  id: string;
  /** null for platform-wide keys (the bootstrap admin key). */
  tenantId: string | null;
  name: string;
  /** The first characters of the key, shown in listings so an operator can tell keys apart. */
  prefix: string;
  role: string;
  /** A narrower scope than the role (only these permissions); null: all of the role's. */
  permissions: string[] | null;
  /** The user or key that created it; null for bootstrap keys. */
  createdBy: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export interface ApiKeyStore {
  /** Active (not revoked) key whose secret hashes to `secretHash`. */
  findActiveByHash(ex: Executor, secretHash: string): Promise<ApiKey | null>;
  create(ex: Executor, key: { tenantId: string | null; name: string; prefix: string; secretHash: string; role: string; permissions?: string[] | null; createdBy?: string | null }): Promise<ApiKey>;
  countActive(ex: Executor): Promise<number>;
  /** Keys of a tenant (null: platform keys), newest first, revoked ones included. */
  /** Every key, in the `?sort=` order (API_KEY_SORT in store.ts; default newest first). */
  list(ex: Executor, tenantId: string | null, sort?: string): Promise<ApiKey[]>;
  get(ex: Executor, tenantId: string | null, id: string): Promise<ApiKey | null>;
  /** Revokes an active key; false when there is no such active key in the tenant. */
  revoke(ex: Executor, tenantId: string | null, id: string, at: Date): Promise<boolean>;
  touch(ex: Executor, id: string, at: Date): Promise<void>;
}
