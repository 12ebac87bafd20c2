// Tables of tokens and authorization (OCPP blocks C and D): ID tokens, local authorization lists.
import { sql } from 'drizzle-orm';
import {
  boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique,
} from 'drizzle-orm/pg-core';
import { stations, tenants } from './schema-core.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const tenantRef = () => text('tenant_id').notNull().references(() => tenants.id);

/** ID tokens of every OCPP type; the value is unique per tenant (a 1.6 idTag has no type). */
export const idTokens = pgTable('id_tokens', {
  id: text('id').primaryKey(),
  tenantId: tenantRef(),
  /** The token value: RFID UID, eMAID, key code, MAC address, ... (2.x: up to 36 characters; 1.6 idTag: 20). */
  idToken: text('id_token').notNull(),
  /** ISO14443, ISO15693, KeyCode, Local, MacAddress, eMAID, Central, NoAuthorization, or 2.1's others. */
  type: text('type').notNull(),
  /** The value of the group token this token belongs to (C09), if any. */
  groupIdToken: text('group_id_token'),
  blocked: boolean('blocked').notNull().default(false),
  expiresAt: timestamptz('expires_at'),
  /** RFC 5646 language for messages shown to the driver. */
  language: text('language'),
  /** Free text: who holds it (driver, fleet, EMSP contract). */
  owner: text('owner'),
  /** A master pass may stop any transaction (C16). */
  masterPass: boolean('master_pass').notNull().default(false),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
}, (t) => [
  unique('id_tokens_tenant_value_unique').on(t.tenantId, t.idToken),
  unique('id_tokens_tenant_id_unique').on(t.tenantId, t.id),
  index('id_tokens_group_idx').on(t.tenantId, t.groupIdToken),
]);

/** Per-station authorization settings and the local list version the station has acknowledged. */
export const stationAuthorization = pgTable('station_authorization', {
  tenantId: tenantRef(),
  stationId: text('station_id').primaryKey(),
  /** null: leave the station's own setting alone; true/false: enforce (AuthCacheEnabled / AuthorizationCacheEnabled). */
  authCacheEnabled: boolean('auth_cache_enabled'),
  localListEnabled: boolean('local_list_enabled').notNull().default(false),
  /** The version of the local list the station last acknowledged (SendLocalList Accepted). */
  localListVersion: integer('local_list_version').notNull().default(0),
  localListSyncedAt: timestamptz('local_list_synced_at'),
  /** Why the last sync failed (VersionMismatch, Failed, offline, ...), cleared on success. */
  localListSyncError: text('local_list_sync_error'),
}, (t) => [
  foreignKey({ name: 'station_authorization_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
]);

/** Which tokens an operator put on which station's local list (the desired state). */
export const localListMembers = pgTable('local_list_members', {
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  tokenId: text('token_id').notNull(),
}, (t) => [
  primaryKey({ columns: [t.stationId, t.tokenId] }),
  foreignKey({ name: 'local_list_members_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
  foreignKey({ name: 'local_list_members_token_fk', columns: [t.tenantId, t.tokenId], foreignColumns: [idTokens.tenantId, idTokens.id] }).onDelete('cascade'),
  index('local_list_members_token_idx').on(t.tenantId, t.tokenId),
]);

/**
 * What each station's local list holds as far as the station acknowledged: the entry exactly as it
 * was sent. Desired (members + token state) minus this is the differential update to send next.
 */
export const localListEntries = pgTable('local_list_entries', {
  tenantId: tenantRef(),
  stationId: text('station_id').notNull(),
  idToken: text('id_token').notNull(),
  /** The version-neutral entry as sent: { type, status, expiresAt, groupIdToken, language }. */
  entry: jsonb('entry').$type<Record<string, unknown>>().notNull(),
  version: integer('version').notNull(),
}, (t) => [
  primaryKey({ columns: [t.stationId, t.idToken] }),
  foreignKey({ name: 'local_list_entries_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
  check('local_list_entries_version_check', sql`${t.version} > 0`),
]);
