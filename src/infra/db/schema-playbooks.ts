// Self-healing playbooks (issue 6 item 4): per-tenant rules trigger -> escalating steps, and every
// run with each step it took. Owned by src/modules/playbooks.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);

export const playbooks = pgTable('playbooks', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  name: text('name').notNull(),
  enabled: boolean('enabled').notNull().default(true),
  /** PlaybookTrigger (src/modules/playbooks/domain/playbook.ts): rules, codes, severities. */
  trigger: jsonb('trigger').$type<unknown>().notNull(),
  /** PlaybookStep[] in escalation order. */
  steps: jsonb('steps').$type<unknown>().notNull(),
  /** false: a step that would interrupt a running session is skipped. */
  allowDuringSession: boolean('allow_during_session').notNull().default(false),
  /** No new run for the same station + EVSE within this many seconds of the previous one. */
  cooldownSeconds: integer('cooldown_seconds').notNull(),
  /** Runs per station + EVSE within attemptWindowSeconds; past it, straight to the work order. */
  maxAttempts: integer('max_attempts').notNull(),
  attemptWindowSeconds: integer('attempt_window_seconds').notNull(),
  /** Lower runs first when several playbooks match. */
  priority: integer('priority').notNull().default(100),
  /** The default playbook this row was seeded from (data/default-playbooks.json); null: the operator's. */
  seedKey: text('seed_key'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('playbooks_tenant_idx').on(t.tenantId, t.id),
  uniqueIndex('playbooks_seed_unique').on(t.tenantId, t.seedKey).where(sql`${t.seedKey} is not null`),
]);

/** Tenants whose default playbooks were seeded once (a deleted default stays deleted). */
export const playbookSeeds = pgTable('playbook_seeds', {
  tenantId: text('tenant_id').primaryKey().references(() => tenants.id),
  seededAt: timestamptz('seeded_at').notNull().defaultNow(),
});

export const playbookRuns = pgTable('playbook_runs', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  /** No FK: a run is history and outlives the playbook's deletion. */
  playbookId: text('playbook_id').notNull(),
  incidentId: text('incident_id').notNull(),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id'),
  connectorId: integer('connector_id'),
  rule: text('rule').notNull(),
  status: text('status').notNull(),
  /** Why it ended as it did (cooldown, attempt limit, cleared after step 2, ...). */
  reason: text('reason'),
  /** PlaybookStepRecord[]: every step taken, its command id and outcome. */
  steps: jsonb('steps').$type<unknown>().notNull(),
  workOrderId: text('work_order_id'),
  startedAt: timestamptz('started_at').notNull(),
  finishedAt: timestamptz('finished_at'),
}, (t) => [
  index('playbook_runs_tenant_idx').on(t.tenantId, t.id),
  index('playbook_runs_scope_idx').on(t.tenantId, t.stationId, t.playbookId, t.startedAt),
  index('playbook_runs_incident_idx').on(t.tenantId, t.incidentId),
  check('playbook_runs_status_check', sql`${t.status} in ('running', 'resolved', 'work-order', 'gave-up', 'skipped', 'failed', 'interrupted')`),
]);
