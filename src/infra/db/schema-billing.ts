// Tables of billing (issue 8): tariffs in OCPI 2.2.1 form, where they apply and to whom, dynamic
// price schedules, and charge detail records. Amounts are numeric (exact), never float.
import { sql } from 'drizzle-orm';
import {
  check, foreignKey, index, integer, jsonb, numeric, pgTable, text, timestamp, unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { stations, tenants } from './schema-core.js';
import { sites } from './schema-places.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
const money = (name: string) => numeric(name, { precision: 20, scale: 6 });

/** Idle fee of a tariff: parking after charging completes, priced per hour in blocks of step seconds. */
export type IdleFeeSettings = {
  pricePerHour: string;
  stepSeconds: number;
  vatPercent?: string;
  /** Local "HH:MM" window in which idle time is charged (e.g. not at night); absent: always. */
  startTime?: string;
  endTime?: string;
};

/**
 * A tariff: the OCPI Tariff object as the operator wrote it, plus what OCPI has no field for.
 * `ocpi_id` is the OCPI Tariff.id (unique per tenant); `version` counts edits, and a CDR keeps a
 * copy of the tariff it was priced with, so editing a tariff never changes a past price.
 */
export const tariffs = pgTable('tariffs', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  ocpiId: text('ocpi_id').notNull(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  tariff: jsonb('tariff').$type<Record<string, unknown>>().notNull(),
  idleFee: jsonb('idle_fee').$type<IdleFeeSettings>(),
  version: integer('version').notNull().default(1),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  unique('tariffs_tenant_id_unique').on(t.tenantId, t.id),
  unique('tariffs_tenant_ocpi_id_unique').on(t.tenantId, t.ocpiId),
  check('tariffs_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check('tariffs_ocpi_id_check', sql`length(${t.ocpiId}) between 1 and 36`),
]);

/**
 * Which tariff applies where and to whom. Scope: the whole tenant, a site, a station or one EVSE;
 * customer group: public (ad hoc), members, fleet, roaming, optionally narrowed by `group_ref`
 * (a fleet contract id, a roaming partner's party id). Precedence in ADR 025.
 */
export const tariffAssignments = pgTable('tariff_assignments', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  tariffId: text('tariff_id').notNull(),
  scope: text('scope').notNull(),
  siteId: text('site_id'),
  stationId: text('station_id'),
  evseId: integer('evse_id'),
  customerGroup: text('customer_group').notNull(),
  groupRef: text('group_ref'),
  validFrom: timestamptz('valid_from').notNull().defaultNow(),
  validTo: timestamptz('valid_to'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  foreignKey({ name: 'tariff_assignments_tariff_fk', columns: [t.tenantId, t.tariffId], foreignColumns: [tariffs.tenantId, tariffs.id] }).onDelete('cascade'),
  foreignKey({ name: 'tariff_assignments_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
  foreignKey({ name: 'tariff_assignments_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
  index('tariff_assignments_lookup_idx').on(t.tenantId, t.customerGroup, t.scope),
  check('tariff_assignments_scope_check', sql`(${t.scope} = 'tenant' and ${t.siteId} is null and ${t.stationId} is null and ${t.evseId} is null)
    or (${t.scope} = 'site' and ${t.siteId} is not null and ${t.stationId} is null and ${t.evseId} is null)
    or (${t.scope} = 'station' and ${t.siteId} is null and ${t.stationId} is not null and ${t.evseId} is null)
    or (${t.scope} = 'evse' and ${t.siteId} is null and ${t.stationId} is not null and ${t.evseId} is not null)`),
  check('tariff_assignments_group_check', sql`${t.customerGroup} in ('public', 'members', 'fleet', 'roaming')`),
  check('tariff_assignments_validity_check', sql`${t.validTo} is null or ${t.validTo} > ${t.validFrom}`),
]);

/**
 * Dynamic prices pushed through the API (e.g. day-ahead market prices): from `starts_at` to
 * `ends_at` the price of every `dimension` component of the tariff is `price` (excl. VAT).
 */
export const priceScheduleEntries = pgTable('price_schedule_entries', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  tariffId: text('tariff_id').notNull(),
  dimension: text('dimension').notNull(),
  startsAt: timestamptz('starts_at').notNull(),
  endsAt: timestamptz('ends_at').notNull(),
  price: money('price').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  foreignKey({ name: 'price_schedule_entries_tariff_fk', columns: [t.tenantId, t.tariffId], foreignColumns: [tariffs.tenantId, tariffs.id] }).onDelete('cascade'),
  unique('price_schedule_entries_start_unique').on(t.tenantId, t.tariffId, t.dimension, t.startsAt),
  check('price_schedule_entries_dimension_check', sql`${t.dimension} in ('ENERGY', 'TIME', 'PARKING_TIME')`),
  check('price_schedule_entries_range_check', sql`${t.endsAt} > ${t.startsAt}`),
  check('price_schedule_entries_price_check', sql`${t.price} >= 0`),
]);

/**
 * Charge detail records, immutable: the application has no UPDATE or DELETE path for them, and a
 * correction is a new row of kind 'credit' that refers to the CDR it reverses (wholly or in part).
 * One debit CDR per session.
 */
export const cdrs = pgTable('cdrs', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  kind: text('kind').notNull(),
  sessionId: text('session_id').notNull(),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id').notNull(),
  creditsCdrId: text('credits_cdr_id'),
  reason: text('reason'),
  currency: text('currency').notNull(),
  totalExclVat: money('total_excl_vat').notNull(),
  totalInclVat: money('total_incl_vat'),
  energyKwh: numeric('energy_kwh', { precision: 20, scale: 6 }).notNull(),
  startedAt: timestamptz('started_at').notNull(),
  endedAt: timestamptz('ended_at').notNull(),
  /** The OCPI CDR object. */
  cdr: jsonb('cdr').$type<Record<string, unknown>>().notNull(),
  /** The pricing engine's full result: lines, matched restrictions, roundings, notes. */
  pricing: jsonb('pricing').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  unique('cdrs_tenant_id_unique').on(t.tenantId, t.id),
  foreignKey({ name: 'cdrs_credits_fk', columns: [t.tenantId, t.creditsCdrId], foreignColumns: [t.tenantId, t.id] }),
  uniqueIndex('cdrs_one_debit_per_session').on(t.tenantId, t.sessionId).where(sql`${t.kind} = 'debit'`),
  index('cdrs_tenant_created_idx').on(t.tenantId, t.createdAt),
  check('cdrs_kind_check', sql`(${t.kind} = 'debit' and ${t.creditsCdrId} is null)
    or (${t.kind} = 'credit' and ${t.creditsCdrId} is not null and ${t.reason} is not null and ${t.totalExclVat} <= 0)`),
  check('cdrs_currency_check', sql`${t.currency} ~ '^[A-Z]{3}$'`),
]);
