// Tables of charging sessions (OCPP blocks E, H, F): sessions, their events and meter values,
// reservations, and the commands sent to stations.
import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, check, foreignKey, index, integer, jsonb, numeric, pgSequence, pgTable, pgView, text, timestamp,
  unique, uniqueIndex,
} from 'drizzle-orm/pg-core';
import { historyTenant, stations, tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);
/** Energy registers in Wh with the precision meters report (never a float in code: a decimal string). */
const energyWh = (name: string) => numeric(name, { precision: 20, scale: 4 });

/**
 * One charging session in the domain's terms, whatever the protocol. `external_id` is the
 * protocol's transaction id: the integer the CSMS allocated (1.6) or the station's string (2.x).
 */
export const sessions = pgTable('sessions', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  evseId: integer('evse_id').notNull(),
  connectorId: integer('connector_id'),
  ocppVersion: text('ocpp_version').notNull(),
  externalId: text('external_id').notNull(),
  /** active, completed (ended by the station), closed (ended by the CSMS: zombie, superseded, ...). */
  status: text('status').notNull(),
  idToken: text('id_token'),
  idTokenType: text('id_token_type'),
  groupIdToken: text('group_id_token'),
  /** The decision given to the station for the token (Accepted, Invalid, Blocked, Expired, ...). */
  authorizationStatus: text('authorization_status'),
  /** How it started: RFID, Remote, LocalList, Cache, NoAuthorization, PlugAndCharge, ... */
  authorizationMethod: text('authorization_method'),
  reservationId: integer('reservation_id'),
  remoteStartId: integer('remote_start_id'),
  startedAt: timestamptz('started_at').notNull(),
  endedAt: timestamptz('ended_at'),
  meterStartWh: energyWh('meter_start_wh'),
  meterStopWh: energyWh('meter_stop_wh'),
  /** Energy delivered so far, from register readings (resets and rollovers accounted for). */
  energyWh: energyWh('energy_wh').notNull().default('0'),
  lastMeterAt: timestamptz('last_meter_at'),
  /**
   * The newest energy register reading applied (Wh as reported), from which the next one continues
   * (ADR 112). Rows stored before migration 0023 have `readings_in_row` false: their reading is read
   * from the legacy meter_values until the session is next written.
   */
  lastReadingAt: timestamptz('last_reading_at'),
  lastReadingWh: numeric('last_reading_wh'),
  readingsInRow: boolean('readings_in_row').notNull().default(true),
  chargingState: text('charging_state'),
  stoppedReason: text('stopped_reason'),
  /** Highest 2.x seqNo applied. */
  lastSeqNo: integer('last_seq_no'),
  /** True when any of its events arrived queued from an offline period. */
  hadOfflineEvents: boolean('had_offline_events').notNull().default(false),
  /** Recorded anomalies: [{ kind, at, detail }] (meter going backwards, stop without start, ...). */
  anomalies: jsonb('anomalies').$type<unknown[]>().notNull().default(sql`'[]'::jsonb`),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  unique('sessions_station_external_unique').on(t.stationId, t.externalId),
  unique('sessions_tenant_id_unique').on(t.tenantId, t.id),
  foreignKey({ name: 'sessions_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }),
  index('sessions_tenant_started_idx').on(t.tenantId, t.startedAt),
  index('sessions_tenant_station_idx').on(t.tenantId, t.stationId, t.startedAt),
  index('sessions_tenant_token_idx').on(t.tenantId, t.idToken),
  index('sessions_active_idx').on(t.stationId, t.evseId).where(sql`${t.status} = 'active'`),
  // The ConcurrentTx check of every start probes these (ADR 110): without them it read every active
  // session of the network, since the token may also be a running session's group token.
  index('sessions_active_token_idx').on(t.tenantId, t.idToken).where(sql`${t.status} = 'active'`),
  index('sessions_active_group_idx').on(t.tenantId, t.groupIdToken).where(sql`${t.status} = 'active' and ${t.groupIdToken} is not null`),
  check('sessions_status_check', sql`${t.status} in ('active', 'completed', 'closed')`),
]);

/**
 * Every transaction message as received, append-only: the audit trail of a session. `dedupe_key`
 * makes retries idempotent: (transactionId, seqNo) for 2.x, a key of the message's content for 1.6.
 */
export const sessionEvents = pgTable('session_events', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: historyTenant(),
  sessionId: text('session_id'),
  stationId: text('station_id').notNull(),
  /** StartTransaction, StopTransaction, MeterValues (1.6); Started, Updated, Ended (2.x); or a CSMS action (closed, anomaly). */
  kind: text('kind').notNull(),
  seqNo: integer('seq_no'),
  triggerReason: text('trigger_reason'),
  offline: boolean('offline').notNull().default(false),
  occurredAt: timestamptz('occurred_at').notNull(),
  receivedAt: timestamptz('received_at').notNull(),
  dedupeKey: text('dedupe_key'),
  payload: jsonb('payload').$type<unknown>().notNull(),
  /**
   * The message's sampled values as the domain reads them (units normalised, signed data as
   * received): [{ evse_id, sampled_at, measurand, phase, location, context, unit, value, signed }].
   * Read through the meter_samples view (ADR 112); null when the message carried none.
   */
  samples: jsonb('samples').$type<StoredSample[]>(),
}, (t) => [
  index('session_events_session_idx').on(t.tenantId, t.sessionId, t.id),
  uniqueIndex('session_events_dedupe_unique').on(t.stationId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
]);

/** One element of session_events.samples; `value` is decimal text, 'NaN' for a signed blob without a plain reading. */
export type StoredSample = {
  evse_id: number; sampled_at: string; measurand: string; phase: string | null; location: string | null;
  context: string | null; unit: string | null; value: string; signed: unknown;
};

/** The columns of one sampled value: the legacy table's and the meter_samples view's. */
const sampleColumns = () => ({
  tenantId: historyTenant(),
  stationId: text('station_id').notNull(),
  sessionId: text('session_id'),
  evseId: integer('evse_id').notNull(),
  sampledAt: timestamptz('sampled_at').notNull(),
  /** Energy.Active.Import.Register, Power.Active.Import, Current.Import, Voltage, SoC, Temperature, ... */
  measurand: text('measurand').notNull(),
  phase: text('phase'),
  location: text('location'),
  context: text('context'),
  unit: text('unit'),
  value: numeric('value').notNull(),
  /** 1.6 format=SignedData value, or 2.x signedMeterValue object, byte for byte as received. */
  signed: jsonb('signed').$type<unknown>(),
});

/**
 * Sampled values as written before migration 0023 (one row per value), kept and read through the
 * meter_samples view; new samples are stored in their message's session_events row (ADR 112).
 */
export const meterValues = pgTable('meter_values', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  ...sampleColumns(),
}, (t) => [
  // Read by session only (series, energy, CDR, measured load); a station index cost every sample
  // an index entry no query used (ADR 109).
  index('meter_values_session_idx').on(t.tenantId, t.sessionId, t.sampledAt),
]);

/**
 * Every sampled value, old and new (created by migration 0023, not by drizzle-kit): the legacy
 * meter_values rows and the samples of each session_events row. `seq` orders values of the same
 * time as they were received: legacy rows first (negative), then by event and position in it.
 * Queries name the tenant and session: PostgreSQL pushes both into each branch's session index.
 */
export const meterSamples = pgView('meter_samples', {
  ...sampleColumns(),
  seq: bigint('seq', { mode: 'bigint' }).notNull(),
  /** The session_events row the value came with; null for a legacy meter_values row. */
  eventId: bigint('event_id', { mode: 'bigint' }),
}).existing();

/** OCPP reservation ids are integers the CSMS allocates, for both versions. */
export const reservationIdSeq = pgSequence('reservation_id_seq', { startWith: 1, maxValue: 2147483647 });
/** 2.x remoteStartId: integers the CSMS allocates to correlate RequestStartTransaction with its session. */
export const remoteStartIdSeq = pgSequence('remote_start_id_seq', { startWith: 1, maxValue: 2147483647 });

export const reservations = pgTable('reservations', {
  id: integer('id').primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  /** null: any EVSE of the station. */
  evseId: integer('evse_id'),
  connectorType: text('connector_type'),
  idToken: text('id_token').notNull(),
  idTokenType: text('id_token_type'),
  groupIdToken: text('group_id_token'),
  expiresAt: timestamptz('expires_at').notNull(),
  /** Requested, Accepted, Rejected, Faulted, Occupied, Unavailable, Cancelled, Expired, Used, Removed. */
  status: text('status').notNull(),
  sessionId: text('session_id'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  foreignKey({ name: 'reservations_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
  index('reservations_station_idx').on(t.tenantId, t.stationId, t.expiresAt),
]);

/** Commands sent to stations and what became of them: part of a session's record and the audit trail. */
export const stationCommands = pgTable('station_commands', {
  id: bigserial('id', { mode: 'bigint' }).primaryKey(),
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  action: text('action').notNull(),
  payload: jsonb('payload').$type<unknown>().notNull(),
  /** result, error, invalid-response, timeout, offline, busy. */
  outcome: text('outcome'),
  response: jsonb('response').$type<unknown>(),
  /** Who asked: an API key id, a user, or 'system:<job>'. */
  requestedBy: text('requested_by'),
  sessionId: text('session_id'),
  remoteStartId: integer('remote_start_id'),
  sentAt: timestamptz('sent_at').notNull(),
  answeredAt: timestamptz('answered_at'),
  /**
   * What the command finally led to, for commands whose effect comes later than the answer:
   * a remote start -> session-started / failed, a remote stop -> session-ended / failed.
   */
  finalOutcome: text('final_outcome'),
  finalDetail: text('final_detail'),
  finalAt: timestamptz('final_at'),
}, (t) => [
  index('station_commands_station_idx').on(t.tenantId, t.stationId, t.id),
  index('station_commands_session_idx').on(t.tenantId, t.sessionId),
]);
