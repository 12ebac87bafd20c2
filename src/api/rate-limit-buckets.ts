// Node-local token buckets that reserve their tokens in chunks from the shared fixed-window counter
// (ADR 037). Most calls are answered from memory; one upsert per `chunk` calls of a key per node
// reserves the next chunk. A node never hands out more than it reserved, and reservations never
// exceed the limit in total, so across all nodes at most `limit` calls pass per window; tokens a node
// reserved and did not use are lost at the window's end (the price of the cheap hot path).
import type { RateCounterStore } from './rate-limit-counters.js';
import type { Executor } from '../infra/db/database.js';

export type BucketDecision =
  | { allowed: true; limit: number; remaining: number; resetMs: number }
  | { allowed: false; limit: number; remaining: 0; resetMs: number };

type Bucket = {
  windowStart: number;
  /** Tokens this node reserved and has not used yet. */
  local: number;
  /** The shared count after this node's last reservation (what all nodes reserved). */
  shared: number;
  /** No more tokens exist in this window (the shared count reached the limit). */
  exhausted: boolean;
  reserving: Promise<void> | null;
};

export type BucketOptions = {
  windowMs: number;
  /** Tokens reserved at once for a limit: 2 % of it, at least 1 (6000/min -> 120 per statement). */
  chunkOf?: (limit: number) => number;
  now?: () => number;
  /** A reservation failed (database unreachable): the call is let through and this is told. */
  onError?: (error: unknown) => void;
};

export const defaultChunk = (limit: number): number => Math.max(1, Math.floor(limit / 50));

export class SharedBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly chunkOf: (limit: number) => number;
  private readonly now: () => number;
  private currentWindow = 0;

  constructor(private readonly db: Executor, private readonly counters: RateCounterStore, private readonly options: BucketOptions) {
    this.chunkOf = options.chunkOf ?? defaultChunk;
    this.now = options.now ?? Date.now;
  }

  /**
   * Takes one token of `key`. Synchronous (no promise) when this node holds a token or knows the
   * window is used up; a promise only when a chunk must be reserved from the shared counter.
   */
  take(key: string, limit: number): BucketDecision | Promise<BucketDecision> {
    const at = this.now();
    const windowStart = at - (at % this.options.windowMs);
    if (windowStart !== this.currentWindow) this.startWindow(windowStart);
    let bucket = this.buckets.get(key);
    if (!bucket || bucket.windowStart !== windowStart) {
      bucket = { windowStart, local: 0, shared: 0, exhausted: false, reserving: null };
      this.buckets.set(key, bucket);
    }
    const decided = this.decide(bucket, limit, at);
    if (decided) return decided;
    // After the reservation this node holds tokens or knows there are none: calls that waited for it
    // and found its chunk already used by the others reserve the next one.
    return this.reserve(key, bucket, limit).then(() => this.take(key, limit));
  }

  /** Whether this node has seen `key` in the current window (no statement, no token). */
  seen(key: string): boolean {
    return this.buckets.get(key)?.windowStart === this.currentWindow;
  }

  private decide(bucket: Bucket, limit: number, at: number): BucketDecision | null {
    const resetMs = bucket.windowStart + this.options.windowMs - at;
    if (bucket.local > 0) {
      bucket.local -= 1;
      return { allowed: true, limit, remaining: bucket.local + Math.max(0, limit - bucket.shared), resetMs };
    }
    if (bucket.exhausted) return this.refuse(bucket, limit, at);
    return null;
  }

  private refuse(bucket: Bucket, limit: number, at: number): BucketDecision {
    return { allowed: false, limit, remaining: 0, resetMs: Math.max(1, bucket.windowStart + this.options.windowMs - at) };
  }

  /** One reservation in flight per key and node: calls arriving meanwhile wait for it. */
  private reserve(key: string, bucket: Bucket, limit: number): Promise<void> {
    bucket.reserving ??= (async () => {
      const chunk = Math.min(limit, this.chunkOf(limit));
      try {
        const after = await this.counters.add(this.db, key, bucket.windowStart, this.options.windowMs, chunk);
        const granted = Math.max(0, Math.min(chunk, limit - (after - chunk)));
        bucket.local += granted;
        bucket.shared = Math.min(after, limit);
        if (after >= limit) bucket.exhausted = true;
      } catch (error) {
        // Fail open: the call will meet the same database on its own; refusing every call while the
        // database is away would turn a blip into an outage of the whole API.
        bucket.local += 1;
        this.options.onError?.(error);
      } finally {
        bucket.reserving = null;
      }
    })();
    return bucket.reserving;
  }

  /** A new window: forget the buckets of older windows (bounded memory under a spray of keys). */
  private startWindow(windowStart: number): void {
    this.currentWindow = windowStart;
    for (const [key, bucket] of this.buckets) {
      if (bucket.windowStart < windowStart && !bucket.reserving) this.buckets.delete(key);
    }
  }
}
