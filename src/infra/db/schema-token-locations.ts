// Where a token may charge: a token with rows here is valid only at those stations, or only at
// those EVSEs of a station (2.x idTokenInfo.evseId; NotAtThisLocation elsewhere). No rows: anywhere.
import { sql } from 'drizzle-orm';
import { check, foreignKey, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { idTokens } from './schema-authorization.js';
import { stations, tenants } from './schema-core.js';

export const idTokenLocations = pgTable('id_token_locations', {
  tenantId: text('tenant_id').notNull().references(() => tenants.id),
  tokenId: text('token_id').notNull(),
  stationId: text('station_id').notNull(),
  /** 0: every EVSE of the station (as evseId 0 means the whole station in OCPP 2.x). */
  evseId: integer('evse_id').notNull().default(0),
}, (t) => [
  primaryKey({ columns: [t.tokenId, t.stationId, t.evseId] }),
  foreignKey({ name: 'id_token_locations_token_fk', columns: [t.tenantId, t.tokenId], foreignColumns: [idTokens.tenantId, idTokens.id] }).onDelete('cascade'),
  foreignKey({ name: 'id_token_locations_station_fk', columns: [t.tenantId, t.stationId], foreignColumns: [stations.tenantId, stations.id] }).onDelete('cascade'),
  check('id_token_locations_evse_check', sql`${t.evseId} >= 0`),
]);
