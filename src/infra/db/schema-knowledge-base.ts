// Error knowledge base (issue 6 item 2): a tenant's own entries, which extend or override the seed
// shipped in src/modules/knowledge-base/data/, and the codes stations sent that nothing explained.
// Owned by src/modules/knowledge-base.
import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
/** The codes that identify a fault (1.6 errorCode / vendorId / vendorErrorCode, 2.x component / variable / event). */
const faultCodeColumns = () => ({
  errorCode: text('error_code'),
  vendorId: text('vendor_id'),
  vendorErrorCode: text('vendor_error_code'),
  component: text('component'),
  variable: text('variable'),
  eventCode: text('event_code'),
});

export const kbEntries = pgTable('kb_entries', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  /** Glob (`*`, `?`) over the BootNotification vendor, case-insensitive; null: any vendor. */
  vendor: text('vendor'),
  /** Glob (`*`, `?`) over the station model, case-insensitive; null: any model. */
  modelPattern: text('model_pattern'),
  /** Inclusive firmware range, compared segment by segment (1.10 > 1.9); null: open end. */
  firmwareMin: text('firmware_min'),
  firmwareMax: text('firmware_max'),
  /** 'ocpp1.6' | 'ocpp2.0.1' | 'ocpp2.1'; null: any. */
  ocppVersion: text('ocpp_version'),
  ...faultCodeColumns(),
  meaning: text('meaning').notNull(),
  severity: text('severity').notNull(),
  probableCause: text('probable_cause').notNull(),
  remoteAction: text('remote_action').notNull(),
  technicianInstructions: text('technician_instructions').notNull(),
  source: text('source').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('kb_entries_tenant_idx').on(t.tenantId, t.id),
  check('kb_entries_severity_check', sql`${t.severity} in ('critical', 'major', 'minor', 'info')`),
  check('kb_entries_remote_action_check', sql`${t.remoteAction} in ('none', 'trigger-status', 'soft-reset', 'hard-reset', 'unlock', 'clear-transaction', 'set-inoperative', 'work-order')`),
  check('kb_entries_has_code_check', sql`coalesce(${t.errorCode}, ${t.vendorErrorCode}, ${t.component}, ${t.variable}, ${t.eventCode}) is not null`),
]);

/** Codes seen with no knowledge-base entry for them, one row per (tenant, fingerprint). */
export const kbUnknownCodes = pgTable('kb_unknown_codes', {
  tenantId: tenantRef(),
  /** The fault's identifying fields joined (see domain/fingerprint.ts). */
  fingerprint: text('fingerprint').notNull(),
  vendor: text('vendor'),
  model: text('model'),
  firmware: text('firmware'),
  ocppVersion: text('ocpp_version').notNull(),
  ...faultCodeColumns(),
  count: bigint('count', { mode: 'number' }).notNull(),
  firstSeenAt: timestamptz('first_seen_at').notNull(),
  lastSeenAt: timestamptz('last_seen_at').notNull(),
}, (t) => [
  primaryKey({ name: 'kb_unknown_codes_pk', columns: [t.tenantId, t.fingerprint] }),
  index('kb_unknown_codes_rank_idx').on(t.tenantId, t.count),
]);

/** Which stations sent an unknown code (a station once per code). */
export const kbUnknownCodeStations = pgTable('kb_unknown_code_stations', {
  tenantId: tenantRef(),
  fingerprint: text('fingerprint').notNull(),
  stationId: text('station_id').notNull(),
}, (t) => [
  primaryKey({ name: 'kb_unknown_code_stations_pk', columns: [t.tenantId, t.fingerprint, t.stationId] }),
]);
