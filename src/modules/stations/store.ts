// PostgreSQL implementation of StationStore (Drizzle; runs on PGlite and node-postgres alike).
import { and, asc, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import { DomainError } from '../../shared/domain-error.js';
import {
  connectionEvents, connectorStatus, stationEvents, stations,
} from '../../infra/db/schema.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type {
  ChargingState, ConnectionEvent, ConnectionEventKind, ConnectorOccupancy, ConnectorStatus,
  RegistrationStatus, Station,
} from './domain/station.js';
import type { AdmissionRecord, Page, StationEventRecord, StationStore, StationWithSecret } from './ports.js';
import { connectorStatusWriter, stationWriter } from './batch-writes.js';
import { afterCursor, keysetPage, parseSort, sortOrder, type Sortable } from '../../api/sorting.js';

/** The station list's `?sort=` fields (ADR 037). */
export const STATION_SORT: Sortable<typeof stations.$inferSelect> = {
  fields: {
    id: { column: stations.id, kind: 'text', valueOf: (row) => row.id },
    displayName: { column: sql`coalesce(${stations.displayName}, '')`, kind: 'text', valueOf: (row) => row.displayName ?? '' },
    createdAt: { column: stations.createdAt, kind: 'timestamp', valueOf: (row) => row.createdAt },
    updatedAt: { column: stations.updatedAt, kind: 'timestamp', valueOf: (row) => row.updatedAt },
    lastSeenAt: { column: sql`coalesce(${stations.lastSeenAt}, 'epoch'::timestamptz)`, kind: 'timestamp', valueOf: (row) => row.lastSeenAt ?? new Date(0) },
    registrationStatus: { column: stations.registrationStatus, kind: 'text', valueOf: (row) => row.registrationStatus },
  },
  id: { column: stations.id, kind: 'text', valueOf: (row) => row.id },
  defaultSort: 'id',
};

/** A pagination cursor that was not produced by this store (tampered or from another listing). */
export class InvalidCursorError extends DomainError {
  override readonly name = 'InvalidCursorError';
  constructor() { super('invalid_cursor', 'Invalid pagination cursor'); }
}

// Cursors are the base64url of the last key of the previous page: opaque to clients, cheap to check.
const encodeCursor = (key: string): string => Buffer.from(key, 'utf8').toString('base64url');

function decodeCursor(cursor: string): string {
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw new InvalidCursorError();
  return key;
}

/** Event listings page on the bigserial id. */
function decodeIdCursor(cursor: string): bigint {
  const key = decodeCursor(cursor);
  if (!/^[1-9][0-9]{0,18}$/.test(key)) throw new InvalidCursorError();
  return BigInt(key);
}

function checkLimit(limit: number): void {
  if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
}

/** `rows` was fetched with limit + 1: the extra row only tells that another page exists. */
function toPage<R, T>(rows: R[], limit: number, map: (row: R) => T, key: (row: R) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items: items.map(map), nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}


type StationRow = typeof stations.$inferSelect;
type AdmissionRow = { tenant_id: string; id: string; registration_status: string; security_profile: number | string; password_hash: string | null };
const toAdmission = (row: AdmissionRow): AdmissionRecord => ({
  tenantId: row.tenant_id, id: row.id, registrationStatus: row.registration_status as RegistrationStatus,
  securityProfile: Number(row.security_profile), passwordHash: row.password_hash,
});

function toStation(row: StationRow): Station {
  return {
    tenantId: row.tenantId,
    id: row.id,
    displayName: row.displayName,
    registrationStatus: row.registrationStatus as RegistrationStatus,
    securityProfile: row.securityProfile,
    hasPassword: row.passwordHash !== null,
    ocppVersion: row.ocppVersion as OcppVersion | null,
    vendor: row.vendor,
    model: row.model,
    serialNumber: row.serialNumber,
    firmwareVersion: row.firmwareVersion,
    iccid: row.iccid,
    imsi: row.imsi,
    online: row.online,
    lastBootAt: row.lastBootAt,
    lastSeenAt: row.lastSeenAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toConnectorStatus(row: typeof connectorStatus.$inferSelect): ConnectorStatus {
  return {
    ...row,
    occupancy: row.occupancy as ConnectorOccupancy,
    chargingState: row.chargingState as ChargingState | null,
  };
}

const stationKey = (tenantId: string, stationId: string): SQL | undefined =>
  and(eq(stations.tenantId, tenantId), eq(stations.id, stationId));

/**
 * `updated_at` tracks changes to the station's configuration and reported identity (create, update,
 * boot); the live state (online, node, last seen) changes far more often and does not touch it.
 */
export function createStationStore(): StationStore {
  const store: StationStore = {
    async findAnyById(ex, stationId): Promise<StationWithSecret | null> {
      const [row] = await ex.select().from(stations).where(eq(stations.id, stationId));
      return row ? { ...toStation(row), passwordHash: row.passwordHash } : null;
    },

    async findForAdmission(ex, stationIds) {
      // Plain SQL: this runs for every handshake of a reconnect storm (infra/db/batched-lookup.ts batches it).
      // `= any(array(...))` probes the primary key; a join with the JSON set would scan the table.
      const result = await ex.execute(sql`select tenant_id, id, registration_status, security_profile, password_hash
        from stations where id = any(array(select json_array_elements_text(${JSON.stringify(stationIds)}::json)))`);
      const found = new Map<string, AdmissionRecord>();
      for (const row of (result as unknown as { rows: AdmissionRow[] }).rows) found.set(row.id, toAdmission(row));
      return found;
    },

    async allForAdmission(ex) {
      const result = await ex.execute(sql`select tenant_id, id, registration_status, security_profile, password_hash from stations`);
      return (result as unknown as { rows: AdmissionRow[] }).rows.map(toAdmission);
    },

    async get(ex, tenantId, stationId) {
      const [row] = await ex.select().from(stations).where(stationKey(tenantId, stationId));
      return row ? toStation(row) : null;
    },

    async getMany(ex, stationIds) {
      const rows = await ex.select().from(stations).where(inArray(stations.id, [...stationIds]));
      return new Map(rows.map((row) => [row.id, toStation(row)]));
    },

    async create(ex, station) {
      const [row] = await ex.insert(stations).values({
        tenantId: station.tenantId,
        id: station.id,
        displayName: station.displayName ?? null,
        registrationStatus: station.registrationStatus,
        securityProfile: station.securityProfile,
        passwordHash: station.passwordHash ?? null,
      }).returning();
      return toStation(row!);
    },

    async update(ex, tenantId, stationId, patch) {
      const set: Partial<typeof stations.$inferInsert> = {};
      if (patch.displayName !== undefined) set.displayName = patch.displayName;
      if (patch.registrationStatus !== undefined) set.registrationStatus = patch.registrationStatus;
      if (patch.securityProfile !== undefined) set.securityProfile = patch.securityProfile;
      if (patch.passwordHash !== undefined) set.passwordHash = patch.passwordHash;
      if (Object.keys(set).length === 0) return store.get(ex, tenantId, stationId);
      const [row] = await ex.update(stations).set({ ...set, updatedAt: new Date() })
        .where(stationKey(tenantId, stationId)).returning();
      return row ? toStation(row) : null;
    },

    async delete(ex, tenantId, stationId) {
      // connector_status goes with it (FK cascade); the logs and event tables have no FK and stay.
      const rows = await ex.delete(stations).where(stationKey(tenantId, stationId)).returning({ id: stations.id });
      return rows.length > 0;
    },

    async list(ex, tenantId, query) {
      checkLimit(query.limit);
      const sort = parseSort(STATION_SORT, query.sort);
      const rows = await ex.select().from(stations).where(and(
        eq(stations.tenantId, tenantId),
        afterCursor(sort, query.cursor),
        query.registrationStatus ? eq(stations.registrationStatus, query.registrationStatus) : undefined,
        query.online !== undefined ? eq(stations.online, query.online) : undefined,
        query.siteId !== undefined ? eq(stations.siteId, query.siteId) : undefined,
      )).orderBy(...sortOrder(sort)).limit(query.limit + 1);
      const page = keysetPage(rows, query.limit, sort);
      return { items: page.rows.map(toStation), nextCursor: page.nextCursor };
    },

    // The hot-path writes are the grouped writers of batch-writes.ts, called here with one item.
    async recordBoot(ex, tenantId, stationId, info, version, at, registrationStatus) {
      await stationWriter.write(ex, [{ patch: { tenantId, stationId, boot: { info, registrationStatus, at, updatedAt: new Date() }, version, seenAt: at } }]);
    },

    async recordSeen(ex, tenantId, stationId, at) {
      await stationWriter.write(ex, [{ patch: { tenantId, stationId, seenAt: at } }]);
    },

    async setOnline(ex, tenantId, stationId, state, at) {
      // Going offline keeps the last known protocol version for display.
      await stationWriter.write(ex, [{ patch: {
        tenantId, stationId, link: { online: state.online, nodeId: state.nodeId }, version: state.version,
        ...(state.online ? { seenAt: at } : {}),
      } }]);
    },

    async markNodeStationsOffline(ex, nodeId, at) {
      // Two statements in one transaction (a savepoint when `ex` is already a transaction). Drizzle's
      // INSERT … SELECT wants every column, including the bigserial id, so no single-statement CTE.
      return ex.transaction(async (tx) => {
        const gone = await tx.update(stations).set({ online: false, nodeId: null })
          .where(eq(stations.nodeId, nodeId))
          .returning({ tenantId: stations.tenantId, stationId: stations.id, ocppVersion: stations.ocppVersion });
        if (gone.length === 0) return 0;
        await tx.insert(connectionEvents).values(gone.map((station) => ({
          ...station, kind: 'disconnected', at, reason: 'node-restart', nodeId,
        })));
        return gone.length;
      });
    },

    async recordConnectorStatus(ex, status) {
      await connectorStatusWriter.write(ex, [status]);
    },

    async listConnectorStatus(ex, tenantId, stationId) {
      const rows = await ex.select().from(connectorStatus)
        .where(and(eq(connectorStatus.tenantId, tenantId), eq(connectorStatus.stationId, stationId)))
        .orderBy(asc(connectorStatus.evseId), asc(connectorStatus.connectorId));
      return rows.map(toConnectorStatus);
    },

    async appendConnectionEvent(ex, event) {
      await stationWriter.write(ex, [{ connectionEvent: event }]);
    },

    async listConnectionEvents(ex, tenantId, stationId, query) {
      checkLimit(query.limit);
      const e = connectionEvents;
      const rows = await ex.select().from(e).where(and(
        eq(e.tenantId, tenantId), eq(e.stationId, stationId),
        query.cursor ? lt(e.id, decodeIdCursor(query.cursor)) : undefined,
      )).orderBy(desc(e.id)).limit(query.limit + 1);
      return toPage(rows, query.limit, (row): ConnectionEvent & { id: string } => ({
        ...row,
        id: row.id.toString(),
        kind: row.kind as ConnectionEventKind,
        ocppVersion: row.ocppVersion as OcppVersion | null,
      }), (row) => row.id.toString());
    },

    async appendStationEvent(ex, event) {
      await ex.insert(stationEvents).values({
        tenantId: event.tenantId,
        stationId: event.stationId,
        kind: event.kind,
        occurredAt: event.occurredAt,
        receivedAt: event.receivedAt,
        // A JSON null (not SQL NULL) when there is no payload; read back as null.
        payload: event.payload === undefined || event.payload === null ? sql`'null'::jsonb` : event.payload,
      });
    },

    async listStationEvents(ex, tenantId, stationId, query) {
      checkLimit(query.limit);
      const e = stationEvents;
      const rows = await ex.select().from(e).where(and(
        eq(e.tenantId, tenantId), eq(e.stationId, stationId),
        query.kind !== undefined ? eq(e.kind, query.kind) : undefined,
        query.cursor ? lt(e.id, decodeIdCursor(query.cursor)) : undefined,
      )).orderBy(desc(e.id)).limit(query.limit + 1);
      return toPage(rows, query.limit, (row): StationEventRecord & { id: string } => ({
        ...row,
        id: row.id.toString(),
      }), (row) => row.id.toString());
    },
  };
  return store;
}
