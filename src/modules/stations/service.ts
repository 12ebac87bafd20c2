import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import { hashSecret, verifySecret } from '../../infra/crypto/secret-hash.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { BootInfo, ConnectorDefinition, ConnectorStatus, RegistrationStatus, Station } from './domain/station.js';
import type { ConnectorLayoutStore } from './connector-layout-store.js';
import { isForeignKeyViolation } from '../../infra/db/database.js';
import type { NewStation, Page, StationEventRecord, StationListQuery, StationPatch, StationStore } from './ports.js';
import { DomainError } from '../../shared/domain-error.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { AdmissionRecord } from './ports.js';
import { connectorStatusWriter, stationCreateWriter, stationWriter } from './batch-writes.js';
import { AdmissionCache } from './admission-cache.js';

export type UnknownStationPolicy = 'reject' | 'pending' | 'accept';

export type StationServiceConfig = {
  unknownStations: UnknownStationPolicy;
  defaultTenant: string;
  heartbeatIntervalSeconds: number;
  bootRetryIntervalSeconds: number;
  nodeId: string;
  /** Write-queue depth above which BootNotifications may be answered Pending (load shedding)... */
  shedQueueDepth: number;
  /** ...if the oldest queued write has also waited this long (default 3,000 ms): a deep queue that drains fast is no overload. */
  shedMinWaitMs?: number;
  /** Retry interval range, in seconds, given to shed stations (jittered so they do not return together). */
  shedRetrySeconds: [number, number];
  /**
   * Keep admission records in memory (ADR 072). Only when this process is the only writer of the
   * stations table, i.e. the embedded PGlite database; never with a database other nodes share.
   */
  cacheAdmissions?: boolean;
};

/** Who a message came from: enough for every use case without knowing about sockets. */
export type StationRef = { stationId: string; tenantId: string; version: OcppVersion };

export type Admission =
  | { ok: true; tenantId: string; registrationStatus: RegistrationStatus }
  | { ok: false; status: 401 | 403 | 404; reason: string };

/** `shed`: answered Pending because of load, not because of the station's registration. */
export type BootDecision = { status: RegistrationStatus; intervalSeconds: number; currentTime: Date; shed: boolean };

/** How long an admission read for a station the cache does not know waits for others (ADR 099). */
const ADMISSION_MISS_GATHER_MS = 10;
/**
 * Without the cache (PostgreSQL, several nodes) every handshake reads its station. In a storm the
 * handshakes arrive one per event-loop turn, so reads gather for a few ms: one read per ~20 handshakes
 * instead of one per ~6 (ADR 106). The gather follows the load: a lone handshake reads at once.
 */
const ADMISSION_READ_GATHER_MS = 4;

/** Station passwords: OCPP 2.0.1 requires 16-40 characters (A00.FR.205); 1.6 security allows 16-40 too. */
export const STATION_PASSWORD_LENGTH = { min: 16, max: 40 } as const;

/**
 * Provisioning (B) and availability (G) use cases: who may connect, BootNotification policy,
 * heartbeats, connector status, the connection history, and station CRUD for operators.
 * Writes that a station's answer depends on go through the group committer: durable before answered.
 */
export class StationService {
  private readonly admissions: BatchedLookup<AdmissionRecord>;
  private readonly reads: BatchedLookup<Station>;
  private readonly admissionCache: AdmissionCache | null;

  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly store: StationStore,
    private readonly layouts: ConnectorLayoutStore,
    private readonly config: StationServiceConfig,
    private readonly events: EventPublisher,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    // With the cache, only stations it does not know are read: a first-contact storm, whose
    // handshakes arrive one per event-loop turn. They wait a few ms to share one read (ADR 099).
    this.admissions = new BatchedLookup((ids) => store.findForAdmission(db, ids), { gatherMs: config.cacheAdmissions ? ADMISSION_MISS_GATHER_MS : ADMISSION_READ_GATHER_MS });
    this.reads = new BatchedLookup((ids) => store.getMany(db, ids));
    this.admissionCache = config.cacheAdmissions ? new AdmissionCache() : null;
  }

  /** Security profile 0/1 admission and the unknown-station policy (A00.FR.204, B01.FR.02). */
  async admit(stationId: string, credentials: { username: string; password: string } | undefined, version: OcppVersion): Promise<Admission> {
    if (credentials && credentials.username !== stationId) {
      return { ok: false, status: 401, reason: 'Basic auth username does not equal the station id' };
    }
    const station = this.admissionCache?.get(stationId) ?? await this.readAdmission(stationId);
    if (!station) return this.admitUnknown(stationId, credentials, version);
    if (station.securityProfile >= 1 || station.passwordHash) {
      if (!credentials) return { ok: false, status: 401, reason: 'Station requires HTTP Basic authentication' };
      if (!station.passwordHash || !(await verifySecret(credentials.password, station.passwordHash))) {
        return { ok: false, status: 401, reason: 'Wrong password' };
      }
    }
    return { ok: true, tenantId: station.tenantId, registrationStatus: station.registrationStatus };
  }

  private async readAdmission(stationId: string): Promise<AdmissionRecord | null> {
    const startedAt = this.admissionCache?.readStarted() ?? 0;
    const station = await this.admissions.find(stationId);
    if (station) this.admissionCache?.keep(station, startedAt);
    return station;
  }

  private async admitUnknown(stationId: string, credentials: { password: string } | undefined, version: OcppVersion): Promise<Admission> {
    const policy = this.config.unknownStations;
    if (policy === 'reject') return { ok: false, status: 401, reason: 'Unknown station (policy: reject)' };
    const registrationStatus: RegistrationStatus = policy === 'accept' ? 'Accepted' : 'Pending';
    // Trust on first use: a password presented by an auto-registered station becomes its password.
    const passwordHash = credentials ? await hashSecret(credentials.password) : null;
    const startedAt = this.admissionCache?.readStarted() ?? 0;
    const created: AdmissionRecord = { tenantId: this.config.defaultTenant, id: stationId, registrationStatus, securityProfile: credentials ? 1 : 0, passwordHash };
    await this.commits.submit(stationCreateWriter, created);
    this.admissionCache?.keep(created, startedAt);
    this.log.info({ stationId, version, registrationStatus }, 'unknown station registered by policy');
    return { ok: true, tenantId: this.config.defaultTenant, registrationStatus };
  }

  async recordConnected(ref: StationRef, at: Date, remoteAddress: string | null): Promise<void> {
    const { tenantId, stationId, version } = ref;
    const nodeId = this.config.nodeId;
    await this.commits.submit(stationWriter, {
      patch: { tenantId, stationId, link: { online: true, nodeId }, version, seenAt: at },
      connectionEvent: { tenantId, stationId, kind: 'connected', at, reason: null, closeCode: null, ocppVersion: version, remoteAddress, nodeId },
    });
    this.events.publish({ type: 'station.connected', tenantId: ref.tenantId, stationId: ref.stationId, at, data: { ocppVersion: ref.version } });
  }

  /** `stillCurrent` is false when a newer link replaced this one: the station stays online. */
  async recordDisconnected(ref: StationRef, at: Date, disconnect: { code: number; reason: string; stillCurrent: boolean }, remoteAddress: string | null): Promise<void> {
    const { tenantId, stationId, version } = ref;
    // Going offline keeps the last known protocol version for display.
    await this.commits.submit(stationWriter, {
      ...(disconnect.stillCurrent ? { patch: { tenantId, stationId, link: { online: false, nodeId: null }, version } } : {}),
      connectionEvent: {
        tenantId, stationId, kind: 'disconnected', at, reason: disconnect.reason, closeCode: disconnect.code,
        ocppVersion: version, remoteAddress, nodeId: this.config.nodeId,
      },
    });
    if (disconnect.stillCurrent) {
      this.events.publish({ type: 'station.disconnected', tenantId: ref.tenantId, stationId: ref.stationId, at, data: { reason: disconnect.reason, closeCode: disconnect.code } });
    }
  }

  /** Start-up after an unclean stop: stations this node held are offline until they reconnect. */
  async recoverAfterRestart(): Promise<number> {
    const recovered = await this.commits.run((tx) => this.store.markNodeStationsOffline(tx, this.config.nodeId, this.now()));
    if (this.admissionCache) {
      // Every known station at once: the first reconnect storm after a start then reads nothing either.
      const startedAt = this.admissionCache.readStarted();
      for (const record of await this.store.allForAdmission(this.db)) this.admissionCache.keep(record, startedAt);
    }
    return recovered;
  }

  /**
   * B01/B02/B03: the answer follows the registration status (mirrored on the live link, so a boot
   * costs no read); the hardware facts are kept. Under overload (the write queue deeper than
   * `shedQueueDepth` and its oldest write waiting `shedMinWaitMs`) the boot is answered Pending with a jittered retry interval and nothing is
   * written: a reconnect storm then degrades into spread-out retries instead of timeouts.
   */
  async boot(ref: StationRef & { registrationStatus: RegistrationStatus }, info: BootInfo): Promise<BootDecision> {
    const at = this.now();
    if (this.commits.queueDepth > this.config.shedQueueDepth && this.commits.oldestWaitMs >= (this.config.shedMinWaitMs ?? 3000)) {
      const [min, max] = this.config.shedRetrySeconds;
      this.log.debug({ stationId: ref.stationId, queueDepth: this.commits.queueDepth }, 'boot shed under load');
      return { status: 'Pending', intervalSeconds: min + Math.floor(Math.random() * (max - min + 1)), currentTime: at, shed: true };
    }
    const status = ref.registrationStatus;
    await this.commits.submit(stationWriter, {
      patch: { tenantId: ref.tenantId, stationId: ref.stationId, boot: { info, registrationStatus: status, at, updatedAt: new Date() }, version: ref.version, seenAt: at },
    });
    this.events.publish({ type: 'station.booted', tenantId: ref.tenantId, stationId: ref.stationId, at, data: { registrationStatus: status, reason: info.reason } });
    const intervalSeconds = status === 'Accepted' ? this.config.heartbeatIntervalSeconds : this.config.bootRetryIntervalSeconds;
    return { status, intervalSeconds, currentTime: at, shed: false };
  }

  async heartbeat(ref: StationRef): Promise<Date> {
    const at = this.now();
    await this.commits.submit(stationWriter, { patch: { tenantId: ref.tenantId, stationId: ref.stationId, seenAt: at } });
    return at;
  }

  async reportStatus(status: ConnectorStatus): Promise<void> {
    await this.commits.submit(connectorStatusWriter, status);
    const { tenantId, stationId, reportedAt, receivedAt: _received, ...data } = status;
    this.events.publish({ type: 'station.status-changed', tenantId, stationId, at: reportedAt, data });
  }

  async recordEvent(ref: StationRef, kind: string, occurredAt: Date | null, payload: unknown): Promise<void> {
    await this.commits.run((tx) => this.store.appendStationEvent(tx, {
      tenantId: ref.tenantId, stationId: ref.stationId, kind, occurredAt, receivedAt: this.now(), payload,
    }));
  }

  // --- operator use cases -----------------------------------------------------------------

  list(tenantId: string, query: StationListQuery): Promise<Page<Station>> {
    return this.store.list(this.db, tenantId, query);
  }

  /** Batched with the other reads of the same turn (every boot of a storm reads its station). */
  async get(tenantId: string, stationId: string): Promise<Station> {
    const found = await this.reads.find(stationId);
    const station = found && found.tenantId === tenantId ? found : null;
    if (!station) throw new DomainError('station_not_found', `Station ${stationId} does not exist`);
    return station;
  }

  async create(input: Omit<NewStation, 'passwordHash'> & { password?: string | null; layout?: ConnectorDefinition[] }): Promise<Station> {
    if (await this.store.findAnyById(this.db, input.id)) {
      throw new DomainError('station_exists', `Station ${input.id} already exists`);
    }
    const { password, layout, ...station } = input;
    const passwordHash = password ? await hashSecret(checkPassword(password)) : null;
    try {
      return await this.commits.run(async (tx) => {
        const created = await this.store.create(tx, { ...station, passwordHash });
        if (layout) await this.layouts.replace(tx, station.tenantId, station.id, checkLayout(layout));
        return created;
      }).finally(() => this.admissionCache?.invalidate(input.id));
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new DomainError('tenant_not_found', `Tenant ${input.tenantId} does not exist`);
      throw error;
    }
  }

  async replaceLayout(tenantId: string, stationId: string, layout: ConnectorDefinition[]): Promise<ConnectorDefinition[]> {
    await this.get(tenantId, stationId);
    const checked = checkLayout(layout);
    await this.commits.run((tx) => this.layouts.replace(tx, tenantId, stationId, checked));
    return checked;
  }

  getLayout(tenantId: string, stationId: string): Promise<ConnectorDefinition[]> {
    return this.layouts.list(this.db, tenantId, stationId);
  }

  async update(tenantId: string, stationId: string, patch: Omit<StationPatch, 'passwordHash'> & { password?: string | null }): Promise<Station> {
    const { password, ...rest } = patch;
    const change: StationPatch = { ...rest };
    if (password !== undefined) change.passwordHash = password === null ? null : await hashSecret(checkPassword(password));
    const station = await this.commits.run((tx) => this.store.update(tx, tenantId, stationId, change))
      .finally(() => this.admissionCache?.invalidate(stationId));
    if (!station) throw new DomainError('station_not_found', `Station ${stationId} does not exist`);
    return station;
  }

  async remove(tenantId: string, stationId: string): Promise<void> {
    const removed = await this.commits.run((tx) => this.store.delete(tx, tenantId, stationId))
      .finally(() => this.admissionCache?.invalidate(stationId));
    if (!removed) throw new DomainError('station_not_found', `Station ${stationId} does not exist`);
  }

  listConnectorStatus(tenantId: string, stationId: string): Promise<ConnectorStatus[]> {
    return this.store.listConnectorStatus(this.db, tenantId, stationId);
  }

  listConnectionEvents(tenantId: string, stationId: string, query: { limit: number; cursor?: string | null }) {
    return this.store.listConnectionEvents(this.db, tenantId, stationId, query);
  }

  listEvents(tenantId: string, stationId: string, query: { limit: number; cursor?: string | null; kind?: string }): Promise<Page<StationEventRecord & { id: string }>> {
    return this.store.listStationEvents(this.db, tenantId, stationId, query);
  }
}

function checkPassword(password: string): string {
  const { min, max } = STATION_PASSWORD_LENGTH;
  if (password.length < min || password.length > max) {
    throw new DomainError('invalid_station_password', `A station password has ${min} to ${max} characters`);
  }
  return password;
}

/** EVSE and connector numbers start at 1 (0 means "the station" / "the EVSE" in OCPP) and are unique. */
function checkLayout(layout: ConnectorDefinition[]): ConnectorDefinition[] {
  const seen = new Set<string>();
  for (const connector of layout) {
    const key = `${connector.evseId}/${connector.connectorId}`;
    if (seen.has(key)) throw new DomainError('invalid_layout', `EVSE ${connector.evseId} connector ${connector.connectorId} is declared twice`);
    seen.add(key);
  }
  return [...layout].sort((a, b) => a.evseId - b.evseId || a.connectorId - b.connectorId);
}
