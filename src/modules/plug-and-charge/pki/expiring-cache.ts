// A bounded in-memory cache whose entries carry their own expiry (an OCSP response's or a CRL's
// nextUpdate), with one load in flight per key: Authorize requests for the same contract that
// arrive together share one request to the responder or distribution point.

export type ExpiringCacheOptions = {
  /** Entries kept at most; the least recently used go first. */
  maxEntries: number;
};

export class ExpiringCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();
  private readonly loading = new Map<string, Promise<V>>();

  constructor(private readonly options: ExpiringCacheOptions) {}

  /** The cached value for `key` if it has not expired at `now`. */
  get(key: string, now: Date): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now.getTime()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key); // most recently used last
    this.entries.set(key, entry);
    return entry.value;
  }

  /**
   * The cached value, or the result of `load` (shared with concurrent callers for the same key),
   * stored until `expiryOf(value)` when that gives a time after `now` (undefined: not stored).
   */
  async getOrLoad(key: string, now: Date, load: () => Promise<V>, expiryOf: (value: V) => Date | undefined): Promise<V> {
    const cached = this.get(key, now);
    if (cached !== undefined) return cached;
    const inFlight = this.loading.get(key);
    if (inFlight) return inFlight;
    const loaded = load().then((value) => {
      const expiresAt = expiryOf(value)?.getTime();
      if (expiresAt !== undefined && expiresAt > now.getTime()) this.set(key, value, expiresAt);
      return value;
    }).finally(() => this.loading.delete(key));
    this.loading.set(key, loaded);
    return loaded;
  }

  private set(key: string, value: V, expiresAt: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  get size(): number {
    return this.entries.size;
  }
}
