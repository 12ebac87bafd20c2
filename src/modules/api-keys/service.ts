import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../infra/db/database.js';
import type { ApiKey, ApiKeyStore } from './ports.js';

/** Who is calling the API, once the key is verified. */
export type Principal = { keyId: string; tenantId: string | null; role: string; name: string };

const KEY_PREFIX = 'cok_';

/**
 * API keys are 32 random bytes: with that much entropy a single SHA-256 is a sound way to store
 * them, and it keeps verification at one indexed lookup per request (no slow hash on a hot path).
 */
export function hashApiKey(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

export function generateApiKeySecret(): string {
  return KEY_PREFIX + randomBytes(32).toString('base64url');
}

export class ApiKeyService {
  /** Avoids a write per request: last-used is refreshed at most once a minute per key. */
  private readonly lastTouched = new Map<string, number>();

  constructor(private readonly db: Executor, private readonly store: ApiKeyStore, private readonly now: () => Date = () => new Date()) {}

  async authenticate(secret: string): Promise<Principal | null> {
    if (!secret.startsWith(KEY_PREFIX)) return null;
    const key = await this.store.findActiveByHash(this.db, hashApiKey(secret));
    if (!key) return null;
    const at = this.now();
    if ((this.lastTouched.get(key.id) ?? 0) < at.getTime() - 60_000) {
      this.lastTouched.set(key.id, at.getTime());
      await this.store.touch(this.db, key.id, at);
    }
    return { keyId: key.id, tenantId: key.tenantId, role: key.role, name: key.name };
  }

  /**
   * The first admin key. With a configured secret, that key is ensured to exist (idempotent).
   * Without one, a key is generated only when no active key exists yet, and returned so that
   * it can be printed once; later starts return null.
   */
  async ensureBootstrapKey(configuredSecret: string | undefined): Promise<{ secret: string; key: ApiKey } | null> {
    if (configuredSecret) {
      if (!configuredSecret.startsWith(KEY_PREFIX)) {
        throw new Error(`CHARGEOPS_API_KEY must start with "${KEY_PREFIX}" (generate one with: chargeops api-key)`);
      }
      const existing = await this.store.findActiveByHash(this.db, hashApiKey(configuredSecret));
      if (existing) return null;
      await this.create(configuredSecret, 'bootstrap (CHARGEOPS_API_KEY)');
      return null;
    }
    if ((await this.store.countActive(this.db)) > 0) return null;
    const secret = generateApiKeySecret();
    const key = await this.create(secret, 'bootstrap (generated)');
    return { secret, key };
  }

  private create(secret: string, name: string): Promise<ApiKey> {
    return this.store.create(this.db, {
      tenantId: null,
      name,
      prefix: secret.slice(0, KEY_PREFIX.length + 6),
      secretHash: hashApiKey(secret),
      role: 'platform-admin',
    });
  }
}
