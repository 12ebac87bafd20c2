// The Authorize fast path: stored tokens (with their group type and places) kept in memory per
// node, so a repeated Authorize / transaction start does not read the token again. The decision
// itself is not cached: it depends on the time (expiry) and the place, and is computed each time
// from the cached token (pure, cheap). Every token write invalidates the tenant's entries through
// the domain events (token.created/updated/deleted/imported/locations-changed): the bus is
// synchronous, so a block is effective on this node before the API answers, and on a cluster
// the bus is bridged to every node. A short TTL bounds what a missed event could leave behind.
// A token in use is read again in the background once its entry is half its TTL old (ADR 077):
// the answer never waits for that read, and a token presented every few seconds never misses.
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { StoredToken } from './domain/token.js';

export const TOKEN_CHANGE_EVENTS = new Set(['token.created', 'token.updated', 'token.deleted', 'token.imported', 'token.locations-changed']);

export type TokenCacheOptions = {
  /** Entries kept at most (the least recently used go first). */
  maxEntries?: number;
  /** An entry is not used after this long: the next presentation reads the token again. */
  ttlMs?: number;
  /** A hit on an entry older than this also reads the token again in the background (ttlMs / 2 by default). */
  refreshAfterMs?: number;
  now?: () => number;
};

type Entry = { token: StoredToken | null; storedAt: number };

export class TokenCache {
  private readonly entries = new Map<string, Entry>();
  /** Per tenant, bumped on every invalidation: a read that began before it is not stored. */
  private readonly generations = new Map<string, number>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly refreshAfterMs: number;
  private readonly now: () => number;
  /** Keys being read again in the background (one read per key at a time). */
  private readonly refreshing = new Set<string>();
  hits = 0;
  misses = 0;
  refreshes = 0;

  constructor(options: TokenCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 50_000;
    this.ttlMs = options.ttlMs ?? 60_000;
    this.refreshAfterMs = options.refreshAfterMs ?? this.ttlMs / 2;
    this.now = options.now ?? Date.now;
  }

  /** The token for a presented value, from memory or `load` (unknown tokens are cached as null too). */
  async get(tenantId: string, value: string, load: () => Promise<StoredToken | null>): Promise<StoredToken | null> {
    const key = `${tenantId}\u0000${value.toLowerCase()}`;
    const entry = this.entries.get(key);
    const age = entry ? this.now() - entry.storedAt : Infinity;
    if (entry && age < this.ttlMs) {
      this.hits += 1;
      this.entries.delete(key); // most recently used last
      this.entries.set(key, entry);
      if (age >= this.refreshAfterMs) this.refreshInBackground(tenantId, key, load);
      return entry.token;
    }
    this.misses += 1;
    const generation = this.generations.get(tenantId) ?? 0;
    const token = await load();
    this.store(tenantId, key, generation, token);
    return token;
  }

  /** Stores a read unless the tenant was invalidated since it began (it may predate the change). */
  private store(tenantId: string, key: string, generation: number, token: StoredToken | null): void {
    if ((this.generations.get(tenantId) ?? 0) !== generation) return;
    this.entries.delete(key);
    this.entries.set(key, { token, storedAt: this.now() });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Refresh-ahead: a failed read is dropped (the entry then expires and the next Authorize reads). */
  private refreshInBackground(tenantId: string, key: string, load: () => Promise<StoredToken | null>): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    this.refreshes += 1;
    const generation = this.generations.get(tenantId) ?? 0;
    void load()
      .then((token) => this.store(tenantId, key, generation, token), () => undefined)
      .finally(() => this.refreshing.delete(key));
  }

  /**
   * Forgets every token of the tenant. Per tenant rather than per value: a change of one token can
   * change others' answers (the type of a group token is part of its members' idTokenInfo).
   */
  invalidateTenant(tenantId: string): void {
    this.generations.set(tenantId, (this.generations.get(tenantId) ?? 0) + 1);
    const prefix = `${tenantId}\u0000`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** The event-bus hook: token writes of any kind invalidate their tenant. */
  observe(event: DomainEvent): void {
    if (TOKEN_CHANGE_EVENTS.has(event.type)) this.invalidateTenant(event.tenantId);
  }

  get size(): number {
    return this.entries.size;
  }
}
