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
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
};

export interface ApiKeyStore {
  /** Active (not revoked) key whose secret hashes to `secretHash`. */
  findActiveByHash(ex: Executor, secretHash: string): Promise<ApiKey | null>;
  create(ex: Executor, key: { tenantId: string | null; name: string; prefix: string; secretHash: string; role: string }): Promise<ApiKey>;
  countActive(ex: Executor): Promise<number>;
  touch(ex: Executor, id: string, at: Date): Promise<void>;
}
