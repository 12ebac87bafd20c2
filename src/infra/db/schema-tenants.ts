// Tenant administration and API conventions: the host names a tenant's dashboard and driver pages
// answer on, and the stored responses behind Idempotency-Key replays.
import { sql } from 'drizzle-orm';
import { check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** A host name belongs to one tenant across the whole deployment (the primary key enforces it). */
export const tenantHosts = pgTable('tenant_hosts', {
  /** Lower case, without scheme or path; a port is part of the name (dev setups use localhost:5173). */
  host: text('host').primaryKey(),
  tenantId: text('tenant_id').notNull().references(() => tenants.id, { onDelete: 'cascade' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  index('tenant_hosts_tenant_idx').on(t.tenantId),
  check('tenant_hosts_host_check', sql`${t.host} ~ '^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?(:[0-9]{1,5})?$'`),
]);

/**
 * One row per Idempotency-Key a tenant used on a POST: claimed before the request runs (state
 * in-progress, so a concurrent duplicate is refused), then completed with the response that a
 * replay returns. Rows expire after a retention period (ADR 017).
 */
export const idempotencyKeys = pgTable('idempotency_keys', {
  tenantId: text('tenant_id').notNull().references(() => tenants.id),
  key: text('key').notNull(),
  method: text('method').notNull(),
  /** The request path with its query string: the same key on another path is a misuse. */
  path: text('path').notNull(),
  /** SHA-256 of the request body: the same key with another body is a misuse. */
  requestHash: text('request_hash').notNull(),
  state: text('state').notNull(),
  responseStatus: integer('response_status'),
  responseHeaders: jsonb('response_headers').$type<Record<string, string>>(),
  responseBody: text('response_body'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  completedAt: timestamptz('completed_at'),
}, (t) => [
  primaryKey({ columns: [t.tenantId, t.key] }),
  index('idempotency_keys_created_idx').on(t.createdAt),
  check('idempotency_keys_state_check', sql`${t.state} in ('in-progress', 'completed')`),
  check('idempotency_keys_completed_check', sql`(${t.state} = 'completed') = (${t.responseStatus} is not null)`),
]);
