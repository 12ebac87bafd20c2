// The station writes of the OCPP hot path (connect, disconnect, boot, heartbeat, status) as grouped
// writers for the GroupCommitter: whatever a batch holds of each kind is written with one multi-row
// statement, the rows passed as ONE JSON parameter (`json_to_recordset`), so a batch of 1,000
// stations costs the same three round trips as a batch of one (ADR 010). The SQL is plain text
// built once: no query builder runs per message or per batch.
import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../infra/db/database.js';
import type { BatchWriter } from '../../infra/db/group-commit.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { BootInfo, ConnectionEvent, ConnectorStatus, RegistrationStatus } from './domain/station.js';
import type { NewStation } from './ports.js';

/**
 * A change to a station row's live state. Patches for the same station in one batch are merged in
 * submission order, so the row is updated once: a connect and the boot that follows it cost one
 * row version, not two.
 */
export type StationPatch = {
  tenantId: string;
  stationId: string;
  /** The reported identity of a BootNotification (also sets last_boot_at and updated_at). */
  boot?: { info: BootInfo; registrationStatus: RegistrationStatus; at: Date; updatedAt: Date };
  /** Link state: online with the node holding it, or offline (node cleared). */
  link?: { online: boolean; nodeId: string | null };
  /** Protocol version in use; null keeps the stored one. */
  version?: OcppVersion | null;
  /** Moves last_seen_at forward (never backwards: a late message does not rewind it). */
  seenAt?: Date;
};

type StationRow = {
  tenant_id: string; id: string;
  boot: boolean; vendor: string | null; model: string | null; serial_number: string | null; firmware_version: string | null;
  iccid: string | null; imsi: string | null; boot_reason: string | null; registration_status: string | null;
  last_boot_at: Date | null; updated_at: Date | null;
  link: boolean; online: boolean | null; node_id: string | null;
  ocpp_version: string | null; last_seen_at: Date | null;
};

function mergeInto(row: StationRow, patch: StationPatch): void {
  if (patch.boot) {
    const { info, registrationStatus, at, updatedAt } = patch.boot;
    row.boot = true;
    row.vendor = info.vendor;
    row.model = info.model;
    row.serial_number = info.serialNumber;
    row.firmware_version = info.firmwareVersion;
    row.iccid = info.iccid;
    row.imsi = info.imsi;
    row.boot_reason = info.reason;
    row.registration_status = registrationStatus;
    row.last_boot_at = at;
    row.updated_at = updatedAt;
  }
  if (patch.link) {
    row.link = true;
    row.online = patch.link.online;
    row.node_id = patch.link.online ? patch.link.nodeId : null;
  }
  if (patch.version) row.ocpp_version = patch.version;
  if (patch.seenAt && (row.last_seen_at === null || patch.seenAt > row.last_seen_at)) row.last_seen_at = patch.seenAt;
}

const emptyRow = (tenantId: string, id: string): StationRow => ({
  tenant_id: tenantId, id,
  boot: false, vendor: null, model: null, serial_number: null, firmware_version: null, iccid: null, imsi: null, boot_reason: null,
  registration_status: null, last_boot_at: null, updated_at: null,
  link: false, online: null, node_id: null, ocpp_version: null, last_seen_at: null,
});

/** `greatest` ignores NULL: a patch without a time leaves last_seen_at as it is. */
const UPDATE_STATIONS = `
update stations s set
  vendor = case when v.boot then v.vendor else s.vendor end,
  model = case when v.boot then v.model else s.model end,
  serial_number = case when v.boot then v.serial_number else s.serial_number end,
  firmware_version = case when v.boot then v.firmware_version else s.firmware_version end,
  iccid = case when v.boot then v.iccid else s.iccid end,
  imsi = case when v.boot then v.imsi else s.imsi end,
  boot_reason = case when v.boot then v.boot_reason else s.boot_reason end,
  registration_status = case when v.boot then v.registration_status else s.registration_status end,
  last_boot_at = case when v.boot then v.last_boot_at else s.last_boot_at end,
  updated_at = case when v.boot then v.updated_at else s.updated_at end,
  online = case when v.link then v.online else s.online end,
  node_id = case when v.link then v.node_id else s.node_id end,
  ocpp_version = coalesce(v.ocpp_version, s.ocpp_version),
  last_seen_at = greatest(s.last_seen_at, v.last_seen_at)
from json_to_recordset(`;
const UPDATE_STATIONS_TAIL = `::json) as v(
  tenant_id text, id text, boot boolean, vendor text, model text, serial_number text, firmware_version text,
  iccid text, imsi text, boot_reason text, registration_status text, last_boot_at timestamptz, updated_at timestamptz,
  link boolean, online boolean, node_id text, ocpp_version text, last_seen_at timestamptz)
where s.tenant_id = v.tenant_id and s.id = v.id
  and s.id = any(array(select json_array_elements_text(`;
/** The ids again, as an array the primary key is probed with (PostgreSQL guesses 100 rows for a JSON set and would scan the table). */
const UPDATE_STATIONS_IDS = `::json)))`;

const INSERT_CONNECTION_EVENTS = `
insert into connection_events (tenant_id, station_id, kind, at, reason, close_code, ocpp_version, remote_address, node_id)
select tenant_id, station_id, kind, at, reason, close_code, ocpp_version, remote_address, node_id
from json_to_recordset(`;
const INSERT_CONNECTION_EVENTS_TAIL = `::json) as v(
  tenant_id text, station_id text, kind text, at timestamptz, reason text, close_code integer,
  ocpp_version text, remote_address text, node_id text)`;

/**
 * What one station message or link event writes: a change to the station row and/or a connection
 * event. Both parts of an item are written in the same transaction (a connect never stored without
 * its online flag).
 */
export type StationWrite = { patch?: StationPatch; connectionEvent?: ConnectionEvent };

/** For the whole batch: one UPDATE of the stations touched (patches merged per station), one INSERT of the connection events. */
export const stationWriter: BatchWriter<StationWrite> = {
  async write(tx, writes) {
    const rows = new Map<string, StationRow>();
    const events: object[] = [];
    for (const { patch, connectionEvent: e } of writes) {
      if (patch) {
        const key = `${patch.tenantId}\u0000${patch.stationId}`;
        let row = rows.get(key);
        if (!row) rows.set(key, row = emptyRow(patch.tenantId, patch.stationId));
        mergeInto(row, patch);
      }
      if (e) {
        events.push({
          tenant_id: e.tenantId, station_id: e.stationId, kind: e.kind, at: e.at, reason: e.reason, close_code: e.closeCode,
          ocpp_version: e.ocppVersion, remote_address: e.remoteAddress, node_id: e.nodeId,
        });
      }
    }
    if (rows.size > 0) {
      const ids = [...rows.values()].map((row) => row.id);
      await tx.execute(statement([UPDATE_STATIONS, UPDATE_STATIONS_TAIL, UPDATE_STATIONS_IDS], [JSON.stringify([...rows.values()]), JSON.stringify(ids)]));
    }
    if (events.length > 0) await tx.execute(statement([INSERT_CONNECTION_EVENTS, INSERT_CONNECTION_EVENTS_TAIL], [JSON.stringify(events)]));
  },
};

const INSERT_STATIONS = `
insert into stations (tenant_id, id, display_name, registration_status, security_profile, password_hash)
select tenant_id, id, display_name, registration_status, security_profile, password_hash
from json_to_recordset(`;
const INSERT_STATIONS_TAIL = `::json) as v(
  tenant_id text, id text, display_name text, registration_status text, security_profile smallint, password_hash text)`;

/**
 * One INSERT for the stations registered in the batch (unknown stations admitted by policy). An id
 * that already exists fails the statement; the committer then narrows the failure down to it.
 */
export const stationCreateWriter: BatchWriter<NewStation> = {
  async write(tx, created) {
    const rows = created.map((s) => ({
      tenant_id: s.tenantId, id: s.id, display_name: s.displayName ?? null, registration_status: s.registrationStatus,
      security_profile: s.securityProfile, password_hash: s.passwordHash ?? null,
    }));
    await tx.execute(statement([INSERT_STATIONS, INSERT_STATIONS_TAIL], [JSON.stringify(rows)]));
  },
};

const STATUS_COLUMNS = 'tenant_id, station_id, evse_id, connector_id, occupancy, charging_state, raw_status, error_code, vendor_error_code, info, reported_at, received_at';
const STATUS_RECORD = `tenant_id text, station_id text, evse_id integer, connector_id integer, occupancy text, charging_state text,
  raw_status text, error_code text, vendor_error_code text, info text, reported_at timestamptz, received_at timestamptz`;
/** What a status says (everything but its times): a report that says the same as the one before it is no change. */
const STATUS_FACTS = 'occupancy, charging_state, raw_status, error_code, vendor_error_code, info';
/**
 * The log keeps every status CHANGE (ADR 071): a report goes to the log unless it says the same as
 * the connector's previous report, i.e. the current row (read in the statement's snapshot, by
 * primary key) or, for the second report of a connector in the batch, the report before it
 * (`repeat`, decided in JS). A late report (older than the current row) is always logged, so the
 * history stays complete when reports arrive out of order. The current row takes the latest report
 * per connector (its reported_at says when the status was last confirmed); a late report never
 * replaces it, and a row of another tenant is never touched.
 */
const UPSERT_STATUS = [`
with v as materialized (
  select * from json_to_recordset(`, `::json) as v(${STATUS_RECORD}, n integer, repeat boolean, latest boolean)
  -- The number of rows: json_to_recordset is estimated at 100 rows, and at that size the planner
  -- hashed a scan of every connector's status instead of probing the primary key (ADR 107).
  limit `, `
), log as (
  insert into connector_status_log (${STATUS_COLUMNS})
  select ${STATUS_COLUMNS.split(', ').map((c) => `v.${c}`).join(', ')}
  from v left join lateral (
    select c.tenant_id, c.reported_at, ${STATUS_FACTS.split(', ').map((c) => `c.${c}`).join(', ')} from connector_status c
    where c.station_id = v.station_id and c.evse_id = v.evse_id and c.connector_id = v.connector_id
  ) c on true
  where not v.repeat and (c.tenant_id is distinct from v.tenant_id or v.reported_at < c.reported_at
    or (${STATUS_FACTS.split(', ').map((c) => `c.${c}`).join(', ')}) is distinct from (${STATUS_FACTS.split(', ').map((c) => `v.${c}`).join(', ')}))
  order by v.n -- log ids in submission order, whatever plan the join gets
)
insert into connector_status as c (${STATUS_COLUMNS})
select ${STATUS_COLUMNS} from v where v.latest
on conflict (station_id, evse_id, connector_id) do update set
  occupancy = excluded.occupancy, charging_state = excluded.charging_state, raw_status = excluded.raw_status,
  error_code = excluded.error_code, vendor_error_code = excluded.vendor_error_code, info = excluded.info,
  reported_at = excluded.reported_at, received_at = excluded.received_at
where c.tenant_id = excluded.tenant_id and c.reported_at <= excluded.reported_at`];

type StatusRow = ReturnType<typeof statusRow>;
const statusRow = (s: ConnectorStatus) => ({
  tenant_id: s.tenantId, station_id: s.stationId, evse_id: s.evseId, connector_id: s.connectorId, occupancy: s.occupancy,
  charging_state: s.chargingState, raw_status: s.rawStatus, error_code: s.errorCode, vendor_error_code: s.vendorErrorCode,
  info: s.info, reported_at: s.reportedAt, received_at: s.receivedAt,
});

const sameFacts = (a: ConnectorStatus, b: ConnectorStatus): boolean => a.tenantId === b.tenantId && a.occupancy === b.occupancy
  && a.chargingState === b.chargingState && a.rawStatus === b.rawStatus && a.errorCode === b.errorCode
  && a.vendorErrorCode === b.vendorErrorCode && a.info === b.info;

/** One statement for every StatusNotification of the batch: log rows for the changes plus one upsert per connector. */
export const connectorStatusWriter: BatchWriter<ConnectorStatus> = {
  async write(tx, statuses) {
    // ON CONFLICT cannot touch a row twice in one statement: only the latest report per connector
    // goes to the current row (a later submission wins a tie, as it would have written last).
    // `previous` is the report before each one in submission order: a repeat of it is no change.
    const latest = new Map<string, number>();
    const previous = new Map<string, ConnectorStatus>();
    const rows: Array<StatusRow & { n: number; repeat: boolean; latest: boolean }> = [];
    statuses.forEach((status, i) => {
      const key = `${status.stationId}\u0000${status.evseId}\u0000${status.connectorId}`;
      const before = previous.get(key);
      rows.push({ ...statusRow(status), n: i, repeat: before !== undefined && sameFacts(before, status) && before.reportedAt <= status.reportedAt, latest: true });
      previous.set(key, status);
      const kept = latest.get(key);
      if (kept === undefined || statuses[kept]!.reportedAt <= status.reportedAt) {
        if (kept !== undefined) rows[kept]!.latest = false;
        latest.set(key, i);
      } else {
        rows[i]!.latest = false;
      }
    });
    await tx.execute(statement(UPSERT_STATUS, [JSON.stringify(rows), rows.length]));
  },
};

/** Plain SQL text pieces with one parameter between each two: `texts[0] $1 texts[1] $2 ...`. */
function statement(texts: readonly string[], params: readonly unknown[]): SQL {
  const chunks: SQL[] = [sql.raw(texts[0]!)];
  params.forEach((param, i) => chunks.push(sql`${param}`, sql.raw(texts[i + 1]!)));
  return sql.join(chunks);
}
