// Counters shared by every node of a deployment (ADR 037): the API rate limits (fixed windows,
// reserved in chunks by each node) and the sign-in lockout (failures per account and per address).
// One row per key, updated only by single atomic upserts; rows past expires_at are pruned.
import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';

export const rateCounters = pgTable('rate_counters', {
  /** What is counted, e.g. `api:key:<hash>`, `api:ip:<address>`, `login:account:<email>`, `login:ip:<address>`. */
  key: text('key').primaryKey(),
  /** Start of the counting window, milliseconds since the epoch. */
  windowStart: bigint('window_start', { mode: 'number' }).notNull(),
  count: integer('count').notNull(),
  /** Locked until (sign-in lockout), milliseconds since the epoch; 0 when not locked. */
  blockedUntil: bigint('blocked_until', { mode: 'number' }).notNull().default(0),
  /** After this (milliseconds since the epoch) the row means nothing and may be deleted. */
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
}, (t) => [
  index('rate_counters_expires_idx').on(t.expiresAt),
]);
