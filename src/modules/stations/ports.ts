import type { OcppVersion } from '../../protocol/versions.js';
import type { Executor } from '../../infra/db/database.js';
import type {
  BootInfo, ConnectionEvent, ConnectorStatus, RegistrationStatus, Station,
} from './domain/station.js';

export type StationWithSecret = Station & { passwordHash: string | null };

/** What a connecting station is checked against. */
export type AdmissionRecord = {
  tenantId: string;
  id: string;
  registrationStatus: RegistrationStatus;
  securityProfile: number;
  passwordHash: string | null;
};

export type NewStation = {
  tenantId: string;
  id: string;
  displayName?: string | null;
  registrationStatus: RegistrationStatus;
  securityProfile: number;
  passwordHash?: string | null;
};

export type StationPatch = Partial<{
  displayName: string | null;
  registrationStatus: RegistrationStatus;
  securityProfile: number;
  passwordHash: string | null;
}>;

export type Page<T> = { items: T[]; nextCursor: string | null };

export type StationListQuery = {
  limit: number;
  /** Opaque cursor from a previous page. */
  cursor?: string | null;
  registrationStatus?: RegistrationStatus;
  online?: boolean;
  /** Only the stations placed at this site. */
  siteId?: string;
  /** `?sort=` (STATION_SORT in store.ts); default by id. */
  sort?: string;
};

/** A stored station event that is not a status: security events, NotifyEvent data, DataTransfer. */
export type StationEventRecord = {
  tenantId: string;
  stationId: string;
  /** 'SecurityEventNotification' | 'NotifyEvent' | 'DataTransfer' | ... */
  kind: string;
  /** The event's own timestamp as the station reported it, if any. */
  occurredAt: Date | null;
  receivedAt: Date;
  payload: unknown;
};

/**
 * Queries for stations, their EVSE/connector status, connection history and events. Every method
 * takes the executor (the database or a group-commit transaction) so that writes can be batched,
 * and every tenant-owned read requires the tenant id; only `findAnyById` is cross-tenant because
 * station ids are unique per deployment and the gateway must resolve an id before it knows the tenant.
 */
export interface StationStore {
  findAnyById(ex: Executor, stationId: string): Promise<StationWithSecret | null>;
  /** Admission records of the stations among `stationIds` that exist (any tenant), by id: one query. */
  findForAdmission(ex: Executor, stationIds: readonly string[]): Promise<Map<string, AdmissionRecord>>;
  /** Every station's admission record (loaded once at start when admissions are cached, ADR 072). */
  allForAdmission(ex: Executor): Promise<AdmissionRecord[]>;
  get(ex: Executor, tenantId: string, stationId: string): Promise<Station | null>;
  /** Stations by id across tenants (callers check the tenant), in one query. */
  getMany(ex: Executor, stationIds: readonly string[]): Promise<Map<string, Station>>;
  create(ex: Executor, station: NewStation): Promise<Station>;
  update(ex: Executor, tenantId: string, stationId: string, patch: StationPatch): Promise<Station | null>;
  /** Removes the station and its EVSEs/connectors/status; history rows stay for audit. */
  delete(ex: Executor, tenantId: string, stationId: string): Promise<boolean>;
  list(ex: Executor, tenantId: string, query: StationListQuery): Promise<Page<Station>>;

  recordBoot(ex: Executor, tenantId: string, stationId: string, info: BootInfo, version: OcppVersion, at: Date, registrationStatus: RegistrationStatus): Promise<void>;
  recordSeen(ex: Executor, tenantId: string, stationId: string, at: Date): Promise<void>;
  /** Online state, protocol version and the node that holds the socket (null when offline). */
  setOnline(ex: Executor, tenantId: string, stationId: string, state: { online: boolean; version: OcppVersion | null; nodeId: string | null }, at: Date): Promise<void>;
  /**
   * Marks offline every station that this node held (after an unclean stop), appending a
   * 'disconnected' connection event with reason 'node-restart' for each; returns how many.
   */
  markNodeStationsOffline(ex: Executor, nodeId: string, at: Date): Promise<number>;

  /** Upserts the current status of (station, evse, connector) and appends it to the status log. */
  recordConnectorStatus(ex: Executor, status: ConnectorStatus): Promise<void>;
  listConnectorStatus(ex: Executor, tenantId: string, stationId: string): Promise<ConnectorStatus[]>;

  appendConnectionEvent(ex: Executor, event: ConnectionEvent): Promise<void>;
  listConnectionEvents(ex: Executor, tenantId: string, stationId: string, query: { limit: number; cursor?: string | null }): Promise<Page<ConnectionEvent & { id: string }>>;

  appendStationEvent(ex: Executor, event: StationEventRecord): Promise<void>;
  listStationEvents(ex: Executor, tenantId: string, stationId: string, query: { limit: number; cursor?: string | null; kind?: string }): Promise<Page<StationEventRecord & { id: string }>>;
}
