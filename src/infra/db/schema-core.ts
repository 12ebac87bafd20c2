// Core tables: tenants, stations, their status and connection history, API keys. Migrations are generated with `npm run db:generate`
// into ./migrations and committed; never edit an applied migration, add a new one.
//
// Rules: every tenant-owned table carries `tenant_id` and every query filters on it; it is an FK to
// tenants except in the append-only history tables (…_log, …_events, meter values), which have no FK
// to the station either, so they survive its deletion. Their tenant comes from the row they record
// (a connected station, a session), and the FK's per-row check locked the one tenant row from every
// concurrent writer: ADR 109.
import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn, bigserial, boolean, check, foreignKey, index, integer, jsonb, pgSequence, pgTable, primaryKey,
  smallint, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { sites } from './schema-places.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const createdAt = () => timestamptz('created_at').notNull().defaultNow();
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
/** The tenant of an append-only history row: no FK (ADR 109, and the rules above). */
export const historyTenant = () => text('tenant_id').notNull();

/**
 * Operators on the platform. A tenant with a parent is a white-label sub-operator of that tenant
 * (ADR 016: one level only, checked by the tenants service). Branding is what the dashboard login
 * page and the driver pages show on the tenant's host names (tenant_hosts, schema-tenants.ts).
 */
export const tenants = pgTable('tenants', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  parentId: text('parent_id').references((): AnyPgColumn => tenants.id),
  displayName: text('display_name'),
  /** An https URL or a data:image/... URL, at most 256 KiB. */
  logo: text('logo'),
  primaryColor: text('primary_color'),
  accentColor: text('accent_color'),
  status: text('status').notNull().default('active'),
  createdAt: createdAt(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  index('tenants_parent_idx').on(t.parentId).where(sql`${t.parentId} is not null`),
  check('tenants_parent_check', sql`${t.parentId} is null or ${t.parentId} <> ${t.id}`),
  check('tenants_status_check', sql`${t.status} in ('active', 'suspended')`),
  check('tenants_colors_check', sql`(${t.primaryColor} is null or ${t.primaryColor} ~ '^#[0-9a-f]{6}$')
    and (${t.accentColor} is null or ${t.accentColor} ~ '^#[0-9a-f]{6}$')`),
  check('tenants_logo_check', sql`${t.logo} is null or (length(${t.logo}) <= 262144 and (${t.logo} like 'https://%' or ${t.logo} like 'data:image/%'))`),
]);

export const stations = pgTable('stations', {
  /** Station ids (the OCPP identity in the URL) are unique per deployment, not per tenant. */
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  displayName: text('display_name'),
  /** The site the station stands at (schema-places.ts); null until an operator places it. */
  siteId: text('site_id'),
  registrationStatus: text('registration_status').notNull(),
  securityProfile: smallint('security_profile').notNull(),
  passwordHash: text('password_hash'),
  ocppVersion: text('ocpp_version'),
  vendor: text('vendor'),
  model: text('model'),
  serialNumber: text('serial_number'),
  firmwareVersion: text('firmware_version'),
  iccid: text('iccid'),
  imsi: text('imsi'),
  bootReason: text('boot_reason'),
  online: boolean('online').notNull().default(false),
  /** The gateway node holding the station's socket; null while offline. */
  nodeId: text('node_id'),
  lastBootAt: timestamptz('last_boot_at'),
  lastSeenAt: timestamptz('last_seen_at'),
  createdAt: createdAt(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  // Unique (not just an index) so that child tables can reference (tenant_id, id): a row can then
  // never point at a station of another tenant. Also serves tenant-scoped listings ordered by id.
  unique('stations_tenant_id_id_unique').on(t.tenantId, t.id),
  index('stations_node_id_idx').on(t.nodeId).where(sql`${t.nodeId} is not null`),
  index('stations_site_idx').on(t.tenantId, t.siteId).where(sql`${t.siteId} is not null`),
  // A composite FK is not checked while site_id is null (MATCH SIMPLE); a site with stations cannot be deleted.
  foreignKey({ name: 'stations_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('restrict'),
  check('stations_registration_status_check', sql`${t.registrationStatus} in ('Accepted', 'Pending', 'Rejected')`),
]);

/**
 * The EVSE/connector layout an operator declared for a station (type, power, phases). Live status is
 * kept apart in connector_status: a station may report connectors nobody declared, and a declared
 * connector may not have reported yet.
 */
export const connectors = pgTable('connectors', {
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id').notNull(),
  connectorId: integer('connector_id').notNull(),
  /** OCPP 2.x ConnectorEnumType spelling, e.g. cType2, cCCS2, sType2, cCHAdeMO. */
  type: text('type'),
  maxPowerW: integer('max_power_w'),
  phases: smallint('phases'),
}, (t) => [
  primaryKey({ columns: [t.stationId, t.evseId, t.connectorId] }),
  foreignKey({
    name: 'connectors_station_fk',
    columns: [t.tenantId, t.stationId],
    foreignColumns: [stations.tenantId, stations.id],
  }).onDelete('cascade'),
  check('connectors_ids_check', sql`${t.evseId} >= 1 and ${t.connectorId} >= 1`),
  check('connectors_phases_check', sql`${t.phases} is null or ${t.phases} in (1, 2, 3)`),
  check('connectors_power_check', sql`${t.maxPowerW} is null or ${t.maxPowerW} > 0`),
]);

/** Columns shared by the current connector status and its append-only log. */
const connectorStatusColumns = () => ({
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  /** 0 = the station itself. */
  evseId: integer('evse_id').notNull(),
  /** 0 = the EVSE as a whole. */
  connectorId: integer('connector_id').notNull(),
  occupancy: text('occupancy').notNull(),
  chargingState: text('charging_state'),
  rawStatus: text('raw_status').notNull(),
  errorCode: text('error_code'),
  vendorErrorCode: text('vendor_error_code'),
  info: text('info'),
  reportedAt: timestamptz('reported_at').notNull(),
  receivedAt: timestamptz('received_at').notNull(),
});

export const connectorStatus = pgTable('connector_status', connectorStatusColumns(), (t) => [
  primaryKey({ columns: [t.stationId, t.evseId, t.connectorId] }),
  foreignKey({
    name: 'connector_status_station_fk',
    columns: [t.tenantId, t.stationId],
    foreignColumns: [stations.tenantId, stations.id],
  }).onDelete('cascade'),
]);

export const connectorStatusLog = pgTable('connector_status_log', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  ...connectorStatusColumns(),
  tenantId: historyTenant(),
}, (t) => [
  index('connector_status_log_station_idx').on(t.tenantId, t.stationId, t.reportedAt),
]);

export const connectionEvents = pgTable('connection_events', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: historyTenant(),
  stationId: text('station_id').notNull(),
  kind: text('kind').notNull(),
  at: timestamptz('at').notNull(),
  reason: text('reason'),
  closeCode: integer('close_code'),
  ocppVersion: text('ocpp_version'),
  remoteAddress: text('remote_address'),
  nodeId: text('node_id').notNull(),
}, (t) => [
  index('connection_events_station_idx').on(t.tenantId, t.stationId, t.id),
  check('connection_events_kind_check', sql`${t.kind} in ('connected', 'disconnected')`),
]);

export const stationEvents = pgTable('station_events', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: historyTenant(),
  stationId: text('station_id').notNull(),
  /** 'SecurityEventNotification' | 'NotifyEvent' | 'DataTransfer' | ... */
  kind: text('kind').notNull(),
  occurredAt: timestamptz('occurred_at'),
  receivedAt: timestamptz('received_at').notNull(),
  payload: jsonb('payload').$type<unknown>().notNull(),
}, (t) => [
  index('station_events_station_idx').on(t.tenantId, t.stationId, t.id),
]);

export const apiKeys = pgTable('api_keys', {
  id: text('id').primaryKey(),
  /** null for platform-wide keys (the bootstrap admin key). */
  tenantId: text('tenant_id').references(() => tenants.id),
  name: text('name').notNull(),
  prefix: text('prefix').notNull(),
  secretHash: text('secret_hash').notNull().unique('api_keys_secret_hash_unique'),
  role: text('role').notNull(),
  /** A narrower scope than the role: the key may use only these permissions (null: all of the role's). */
  permissions: jsonb('permissions').$type<string[]>(),
  /** Who created the key (user id or api key id); null for bootstrap keys. */
  createdBy: text('created_by'),
  createdAt: createdAt(),
  lastUsedAt: timestamptz('last_used_at'),
  revokedAt: timestamptz('revoked_at'),
});

/**
 * OCPP 1.6 transaction ids are integers chosen by the CSMS; allocated from this sequence. Capped at
 * int32 because stations commonly store the id in a 32-bit integer (nextval fails rather than overflow).
 */
export const ocpp16TransactionIdSeq = pgSequence('ocpp16_transaction_id_seq', { startWith: 1, maxValue: 2147483647 });
