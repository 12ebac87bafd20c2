// Tables of the operator platform: the persisted event log (SSE resume, webhooks), webhook
// subscriptions and deliveries, and the audit log.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { historyTenant, tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);

/** Every domain event, in order; its id is the SSE event id (Last-Event-ID) and the webhook event id. */
export const eventLog = pgTable('event_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: historyTenant(),
  type: text('type').notNull(),
  stationId: text('station_id'),
  at: timestamptz('at').notNull(),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
}, (t) => [
  index('event_log_tenant_idx').on(t.tenantId, t.id),
]);

export const webhookSubscriptions = pgTable('webhook_subscriptions', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  url: text('url').notNull(),
  /** The HMAC-SHA256 signing secret; it must be kept in clear to sign, and is shown once at creation. */
  secret: text('secret').notNull(),
  /** Event types (exact, or a prefix ending in '.*', or '*'). */
  eventTypes: jsonb('event_types').$type<string[]>().notNull(),
  enabled: boolean('enabled').notNull().default(true),
  disabledReason: text('disabled_reason'),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  description: text('description'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('webhook_subscriptions_tenant_idx').on(t.tenantId),
]);

/** One event to one subscription: retried with backoff until delivered or given up; survives restarts. */
export const webhookDeliveries = pgTable('webhook_deliveries', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: tenantRef(),
  subscriptionId: text('subscription_id').notNull(),
  eventId: bigint('event_id', { mode: 'bigint' }).notNull(),
  /** pending, succeeded, failed (gave up). */
  status: text('status').notNull(),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamptz('next_attempt_at'),
  lastAttemptAt: timestamptz('last_attempt_at'),
  lastStatusCode: integer('last_status_code'),
  lastError: text('last_error'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  index('webhook_deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  index('webhook_deliveries_subscription_idx').on(t.tenantId, t.subscriptionId, t.id),
  check('webhook_deliveries_status_check', sql`${t.status} in ('pending', 'succeeded', 'failed')`),
]);

/** Who did what, when, from where, with the state before and after. Append-only. */
export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  /** null for platform-level actions. */
  tenantId: text('tenant_id'),
  /** api-key, user, system */
  actorType: text('actor_type').notNull(),
  actorId: text('actor_id'),
  action: text('action').notNull(),
  targetType: text('target_type'),
  targetId: text('target_id'),
  at: timestamptz('at').notNull(),
  remoteAddress: text('remote_address'),
  before: jsonb('before').$type<unknown>(),
  after: jsonb('after').$type<unknown>(),
  details: jsonb('details').$type<unknown>(),
}, (t) => [
  index('audit_log_tenant_idx').on(t.tenantId, t.id),
  index('audit_log_target_idx').on(t.tenantId, t.targetType, t.targetId),
]);
