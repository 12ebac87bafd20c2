import { createHash, randomBytes } from 'node:crypto';
import type { Executor } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { canGrant, isPermission, isRole, permissionsOfRole, type Permission } from '../identity/permissions.js';
import type { Principal } from '../identity/principal.js';
import type { ApiKey, ApiKeyStore } from './ports.js';

export type { Principal } from '../identity/principal.js';

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

/** What a key may do: its role's permissions, narrowed to its own list when it has one. */
export function permissionsOfKey(key: Pick<ApiKey, 'role' | 'permissions'>): Set<Permission> {
  const ofRole = permissionsOfRole(key.role);
  return new Set(key.permissions === null ? ofRole : ofRole.filter((permission) => key.permissions!.includes(permission)));
}

export function principalOfKey(key: ApiKey): Principal {
  return {
    actorType: 'api-key', keyId: key.id, tenantId: key.tenantId, role: key.role, name: key.name,
    permissions: permissionsOfKey(key), siteIds: null, session: null, userId: null, apiKeyName: key.name,
  };
}

export type NewApiKey = { name: string; role?: string | undefined; permissions?: string[] | null | undefined };

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
    return principalOfKey(key);
  }

  /**
   * A key for an integration, in `tenantId` (null: a platform key). Its scope is a role, optionally
   * narrowed to a permission list; the creator must hold every permission it gets. The secret is
   * returned here only.
   */
  async create(actor: Principal, tenantId: string | null, input: NewApiKey): Promise<{ secret: string; key: ApiKey }> {
    const role = input.role ?? 'viewer';
    if (!isRole(role)) throw new ApiError('invalid_api_key', `Unknown role ${role}`);
    if (role === 'platform-admin' && tenantId !== null) throw new ApiError('invalid_api_key', 'platform-admin keys are platform keys');
    if (tenantId === null && !actor.permissions.has('platform:manage')) throw new ApiError('forbidden', 'Only platform administrators create platform keys');
    const permissions = input.permissions ?? null;
    if (permissions !== null) {
      const unknown = permissions.filter((permission) => !isPermission(permission));
      if (unknown.length > 0) throw new ApiError('invalid_api_key', `Unknown permissions: ${unknown.join(', ')}`);
      const outside = permissions.filter((permission) => !permissionsOfRole(role).includes(permission as Permission));
      if (outside.length > 0) throw new ApiError('invalid_api_key', `The role ${role} does not hold: ${outside.join(', ')}`);
    }
    if (!canGrant(actor.permissions, [...permissionsOfKey({ role, permissions })])) {
      throw new ApiError('forbidden', 'A key cannot get permissions its creator does not have');
    }
    if (actor.siteIds !== null) throw new ApiError('forbidden', 'Site-scoped users cannot create API keys');
    const secret = generateApiKeySecret();
    const key = await this.store.create(this.db, {
      tenantId, name: input.name, prefix: secret.slice(0, KEY_PREFIX.length + 6), secretHash: hashApiKey(secret),
      role, permissions: permissions === null ? null : [...new Set(permissions)], createdBy: actor.keyId,
    });
    return { secret, key };
  }

  list(tenantId: string | null, sort?: string): Promise<ApiKey[]> {
    return this.store.list(this.db, tenantId, sort);
  }

  async revoke(tenantId: string | null, id: string): Promise<void> {
    if (!(await this.store.revoke(this.db, tenantId, id, this.now()))) throw new ApiError('api_key_not_found', `No active API key ${id}`);
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
      await this.createBootstrap(configuredSecret, 'bootstrap (CHARGEOPS_API_KEY)');
      return null;
    }
    if ((await this.store.countActive(this.db)) > 0) return null;
    const secret = generateApiKeySecret();
    const key = await this.createBootstrap(secret, 'bootstrap (generated)');
    return { secret, key };
  }

  private createBootstrap(secret: string, name: string): Promise<ApiKey> {
    return this.store.create(this.db, {
      tenantId: null,
      name,
      prefix: secret.slice(0, KEY_PREFIX.length + 6),
      secretHash: hashApiKey(secret),
      role: 'platform-admin',
    });
  }
}
