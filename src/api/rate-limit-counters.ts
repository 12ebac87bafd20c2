// The counters every node shares (table rate_counters, ADR 037). Each change is ONE upsert
// (INSERT ... ON CONFLICT DO UPDATE ... RETURNING), atomic on PostgreSQL and PGlite alike, so two
// nodes counting the same key can never both read a stale value. Times are milliseconds since the
// epoch from the node's clock (nodes are assumed NTP-synchronised; a skew of a second moves a
// window edge by a second).
import { and, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Executor } from '../infra/db/database.js';
import { rateCounters as rc } from '../infra/db/schema.js';

export type FailureLimits = { limit: number; windowMs: number; lockoutMs: number };

export function createRateCounterStore() {
  return {
    /**
     * Adds `amount` to the key's count in the fixed window starting at `windowStart` (an older
     * window's count is replaced) and returns the count after adding.
     */
    async add(ex: Executor, key: string, windowStart: number, windowMs: number, amount: number): Promise<number> {
      const [row] = await ex.insert(rc).values({ key, windowStart, count: amount, blockedUntil: 0, expiresAt: windowStart + windowMs })
        .onConflictDoUpdate({
          target: rc.key,
          set: {
            count: sql`case when ${rc.windowStart} < ${windowStart}::bigint then ${amount}::integer else ${rc.count} + ${amount}::integer end`,
            windowStart: sql`greatest(${rc.windowStart}, ${windowStart}::bigint)`,
            expiresAt: sql`greatest(${rc.expiresAt}, ${windowStart + windowMs}::bigint)`,
          },
        })
        .returning({ count: rc.count });
      return row!.count;
    },

    /**
     * Counts one failure in a window that starts at the first failure; reaching the limit locks the
     * key for the lockout period and starts counting afresh. Returns the locked-until time (0: not locked).
     */
    async recordFailure(ex: Executor, key: string, at: number, limits: FailureLimits): Promise<number> {
      const windowOver = sql`${rc.windowStart} <= ${at - limits.windowMs}::bigint`;
      const failures = sql`(case when ${windowOver} then 1 else ${rc.count} + 1 end)`;
      const locks = limits.limit <= 1;
      const [row] = await ex.insert(rc).values({
        key, windowStart: at, count: locks ? 0 : 1, blockedUntil: locks ? at + limits.lockoutMs : 0,
        expiresAt: at + Math.max(limits.windowMs, limits.lockoutMs),
      }).onConflictDoUpdate({
        target: rc.key,
        set: {
          count: sql`case when ${failures} >= ${limits.limit}::integer then 0 else ${failures} end`,
          windowStart: sql`case when ${windowOver} then ${at}::bigint else ${rc.windowStart} end`,
          blockedUntil: sql`case when ${failures} >= ${limits.limit}::integer then ${at + limits.lockoutMs}::bigint else ${rc.blockedUntil} end`,
          expiresAt: sql`greatest(${rc.expiresAt}, ${at + Math.max(limits.windowMs, limits.lockoutMs)}::bigint)`,
        },
      }).returning({ blockedUntil: rc.blockedUntil });
      return row!.blockedUntil;
    },

    /** The latest locked-until time among the keys that is still ahead of `at` (0: none locked). */
    async lockedUntil(ex: Executor, keys: string[], at: number): Promise<number> {
      const rows = await ex.select({ blockedUntil: rc.blockedUntil }).from(rc).where(and(inArray(rc.key, keys), gt(rc.blockedUntil, at)));
      return Math.max(0, ...rows.map((row) => row.blockedUntil));
    },

    async clear(ex: Executor, key: string): Promise<void> {
      await ex.delete(rc).where(sql`${rc.key} = ${key}`);
    },

    /** Deletes up to `batch` rows that expired before `at`; returns how many. */
    async prune(ex: Executor, at: number, batch = 5000): Promise<number> {
      const expired = ex.select({ key: rc.key }).from(rc).where(lt(rc.expiresAt, at)).limit(batch);
      const rows = await ex.delete(rc).where(inArray(rc.key, expired)).returning({ key: rc.key });
      return rows.length;
    },
  };
}

export type RateCounterStore = ReturnType<typeof createRateCounterStore>;
