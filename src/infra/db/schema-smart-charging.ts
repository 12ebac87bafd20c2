// Smart charging (OCPP 2.0.1 block K): a site's electrical topology and strategy, the state pushed
// by its meters (site load, PV, battery), grid signals with a schedule and an expiry, the operator's
// profile library, and the limits dispatched to each EVSE (what was sent, what the station applied).
import { doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { stations, tenants } from './schema-core.js';
import { sites } from './schema-places.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);

/**
 * One per site under load management. `circuits` and `evses` are the allocator's `CircuitSpec[]` /
 * `EvseSpec[]` (validated as a whole on every write: one root, no cycle, known circuits, limits >= 0);
 * an EVSE id is `<stationId>/<evseId>` (1.6: the connector id).
 */
export const siteEnergyConfigs = pgTable('site_energy_configs', {
  tenantId: tenantRef(),
  siteId: text('site_id').notNull(),
  strategy: text('strategy').notNull(),
  voltageV: doublePrecision('voltage_v').notNull(),
  circuits: jsonb('circuits').$type<unknown[]>().notNull(),
  evses: jsonb('evses').$type<unknown[]>().notNull(),
  /** Allocator and dispatch options: minimum change step, fallback reserve, debounce. */
  options: jsonb('options').$type<Record<string, unknown>>().notNull(),
  /** Latest site meter reading (non-EV load per phase, A), PV production and battery state. */
  readings: jsonb('readings').$type<Record<string, unknown>>(),
  readingsAt: timestamptz('readings_at'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ name: 'site_energy_configs_pk', columns: [t.tenantId, t.siteId] }),
  foreignKey({ name: 'site_energy_configs_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
]);

/** A dynamic external cap (grid operator, energy manager): the allocator's `ExternalCap`. */
export const siteEnergySignals = pgTable('site_energy_signals', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  siteId: text('site_id').notNull(),
  source: text('source'),
  circuitId: text('circuit_id'),
  validFrom: timestamptz('valid_from'),
  validUntil: timestamptz('valid_until'),
  maxCurrentA: jsonb('max_current_a').$type<number | number[]>(),
  maxPowerKw: doublePrecision('max_power_kw'),
  schedule: jsonb('schedule').$type<unknown[]>(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
}, (t) => [
  foreignKey({ name: 'site_energy_signals_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
  index('site_energy_signals_site_idx').on(t.tenantId, t.siteId),
]);

/** Operator-defined charging profiles (version-neutral: purpose, kind, unit, periods). */
export const chargingProfileLibrary = pgTable('charging_profile_library', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  name: text('name').notNull(),
  profile: jsonb('profile').$type<Record<string, unknown>>().notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [index('charging_profile_library_tenant_idx').on(t.tenantId)]);

/**
 * The limit last dispatched to each EVSE of a site and what came of it. Offline stations' last
 * limits count against the cap from here; hysteresis compares against `limit_a`.
 */
export const siteEnergyLimits = pgTable('site_energy_limits', {
  tenantId: tenantRef(),
  siteId: text('site_id').notNull(),
  evseKey: text('evse_key').notNull(),
  stationId: text('station_id').notNull(),
  sessionId: text('session_id'),
  limitA: doublePrecision('limit_a').notNull(),
  fallbackA: doublePrecision('fallback_a'),
  reason: jsonb('reason').$type<Record<string, unknown>>().notNull(),
  chargingProfileId: integer('charging_profile_id'),
  /** accepted, rejected, failed (no answer: offline, timeout), pending. */
  status: text('status').notNull(),
  /** Limit read back with GetCompositeSchedule (A per phase), null until read. */
  appliedA: doublePrecision('applied_a'),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  primaryKey({ name: 'site_energy_limits_pk', columns: [t.tenantId, t.siteId, t.evseKey] }),
  foreignKey({ name: 'site_energy_limits_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
]);

/**
 * The station maximum (1.6 ChargePointMaxProfile / 2.x ChargingStationMaxProfile, id 40000) each
 * station last accepted from the load balancer (ADR 048, 081). Kept so a restarted ChargeOps knows
 * what every station carries: the fallback sum (the cap with ChargeOps unreachable) stays checked,
 * and nothing is sent again that the station already holds. A row exists only for an accepted send;
 * a refused or unanswered one deletes it (unknown: sent again).
 */
export const siteEnergyStationMaxima = pgTable('site_energy_station_maxima', {
  stationId: text('station_id').primaryKey().references(() => stations.id, { onDelete: 'cascade' }),
  tenantId: tenantRef(),
  limitA: doublePrecision('limit_a').notNull(),
  acceptedAt: timestamptz('accepted_at').notNull(),
}, (t) => [index('site_energy_station_maxima_tenant_idx').on(t.tenantId)]);
