// Tables of maintenance (issue 6 item 5): preventive maintenance schedules, work orders with their
// attachments, maintenance windows, and outage causes an operator records as excluded from uptime
// (23 CFR 680.116(b)). Station/site references carry no FK: these rows are history and outlive the
// station; every query filters on tenant_id.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, customType, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

export type ChecklistItem = { item: string; done: boolean };
export type WorkOrderNote = { at: string; by: string; text: string };

/** A recurring preventive maintenance plan for one station or every station of a site. */
export const maintenanceSchedules = pgTable('maintenance_schedules', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id'),
  siteId: text('site_id'),
  title: text('title').notNull(),
  instructions: text('instructions').notNull().default(''),
  /** RFC 5545 RRULE with its DTSTART, e.g. "DTSTART:20260101T080000Z\nRRULE:FREQ=MONTHLY;INTERVAL=3". */
  recurrence: text('recurrence').notNull(),
  checklist: jsonb('checklist').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  technicianUserId: text('technician_user_id'),
  /** Work orders are opened this long before an occurrence is due. */
  leadMinutes: integer('lead_minutes').notNull().default(0),
  active: boolean('active').notNull().default(true),
  /** The last occurrence a work order was generated for. */
  lastGeneratedFor: timestamptz('last_generated_for'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('maintenance_schedules_tenant_idx').on(t.tenantId, t.id),
  check('maintenance_schedules_scope_check', sql`(${t.stationId} is null) <> (${t.siteId} is null)`),
  check('maintenance_schedules_lead_check', sql`${t.leadMinutes} >= 0`),
]);

export const workOrders = pgTable('work_orders', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id'),
  incidentId: text('incident_id'),
  scheduleId: text('schedule_id'),
  title: text('title').notNull(),
  instructions: text('instructions').notNull().default(''),
  status: text('status').notNull(),
  technicianUserId: text('technician_user_id'),
  checklist: jsonb('checklist').$type<ChecklistItem[]>().notNull().default(sql`'[]'::jsonb`),
  notes: jsonb('notes').$type<WorkOrderNote[]>().notNull().default(sql`'[]'::jsonb`),
  dueAt: timestamptz('due_at'),
  /** Set while a technician is on site (started, not stopped). */
  onSiteSince: timestamptz('on_site_since'),
  /** Time on site of the finished visits. */
  onSiteMs: bigint('on_site_ms', { mode: 'number' }).notNull().default(0),
  createdBy: text('created_by').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  closedAt: timestamptz('closed_at'),
}, (t) => [
  index('work_orders_tenant_idx').on(t.tenantId, t.id),
  index('work_orders_station_idx').on(t.tenantId, t.stationId),
  index('work_orders_schedule_due_idx').on(t.scheduleId, t.dueAt),
  check('work_orders_status_check', sql`${t.status} in ('open', 'assigned', 'in-progress', 'done', 'cancelled')`),
]);

export const workOrderAttachments = pgTable('work_order_attachments', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  workOrderId: text('work_order_id').notNull().references(() => workOrders.id, { onDelete: 'cascade' }),
  fileName: text('file_name').notNull(),
  contentType: text('content_type').notNull(),
  sizeBytes: integer('size_bytes').notNull(),
  content: bytea('content').notNull(),
  uploadedBy: text('uploaded_by').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  index('work_order_attachments_order_idx').on(t.tenantId, t.workOrderId),
  check('work_order_attachments_size_check', sql`${t.sizeBytes} > 0 and ${t.sizeBytes} <= 524288`),
]);

/** A planned window (station, one EVSE of it, or a whole site): downtime inside it is excluded and alerts are held. */
export const maintenanceWindows = pgTable('maintenance_windows', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id'),
  siteId: text('site_id'),
  evseId: integer('evse_id'),
  startsAt: timestamptz('starts_at').notNull(),
  endsAt: timestamptz('ends_at').notNull(),
  reason: text('reason').notNull().default(''),
  workOrderId: text('work_order_id'),
  createdBy: text('created_by').notNull(),
  /** maintenance.window-started / -ended published. */
  startedPublished: boolean('started_published').notNull().default(false),
  endedPublished: boolean('ended_published').notNull().default(false),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  index('maintenance_windows_tenant_time_idx').on(t.tenantId, t.startsAt),
  index('maintenance_windows_station_idx').on(t.tenantId, t.stationId, t.endsAt),
  index('maintenance_windows_pending_idx').on(t.startsAt).where(sql`not ${t.endedPublished}`),
  check('maintenance_windows_scope_check', sql`(${t.stationId} is null) <> (${t.siteId} is null) and (${t.evseId} is null or ${t.stationId} is not null)`),
  check('maintenance_windows_time_check', sql`${t.endsAt} > ${t.startsAt}`),
]);

/** An outage interval an operator attributes to a cause outside their control (NEVI T_excluded). */
export const excludedOutages = pgTable('excluded_outages', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id'),
  siteId: text('site_id'),
  evseId: integer('evse_id'),
  startsAt: timestamptz('starts_at').notNull(),
  endsAt: timestamptz('ends_at').notNull(),
  cause: text('cause').notNull(),
  note: text('note').notNull().default(''),
  recordedBy: text('recorded_by').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  index('excluded_outages_tenant_time_idx').on(t.tenantId, t.startsAt),
  check('excluded_outages_scope_check', sql`(${t.stationId} is null) <> (${t.siteId} is null) and (${t.evseId} is null or ${t.stationId} is not null)`),
  check('excluded_outages_time_check', sql`${t.endsAt} > ${t.startsAt}`),
  check('excluded_outages_cause_check', sql`${t.cause} in ('utility-interruption', 'vehicle-fault', 'vandalism', 'natural-disaster', 'outside-operating-hours')`),
]);
