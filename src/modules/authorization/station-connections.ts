// Delivers authorization state to stations as they come online: the settings an operator set and
// the local list changes made while they were away. A booted station (BootNotification Accepted)
// is served at once; a station that only reconnected, after a short grace period, so a station
// that is rebooting gets its BootNotification answered before anything else is asked of it.
import type { Logger } from 'pino';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { OcppVersion } from '../../protocol/versions.js';
import type { LocalListService } from './local-list-service.js';
import type { SettingsReads } from './settings-reads.js';
import type { StationAuthorizationService } from './station-authorization-service.js';
import type { StationDirectory } from './station-ports.js';

export type StationConnectionDeps = {
  stations: StationDirectory;
  settings: StationAuthorizationService;
  lists: LocalListService;
  /** The batched settings read: one per connection, shared by the settings and the local list delivery. */
  settingsReads: SettingsReads;
  log: Logger;
  /** How long after a plain (re)connection to wait for a BootNotification (2 s by default). */
  connectGraceMs?: number;
};

/** What an event already says about a station (no read needed for it). */
type KnownStation = { registrationStatus: string; ocppVersion?: OcppVersion | null };

export class StationConnectionFollower {
  private readonly graceTimers = new Map<string, NodeJS.Timeout>();
  /** When each connected station last booted: a connection recorded after its boot was served already. */
  private readonly bootedAt = new Map<string, number>();
  private readonly inFlight = new Set<Promise<void>>();
  private closed = false;

  constructor(private readonly deps: StationConnectionDeps) {}

  /** Feed every domain event here (EventBus.subscribe). */
  observe(event: DomainEvent): void {
    const stationId = event.stationId;
    if (this.closed || !stationId) return;
    if (event.type === 'station.connected') {
      this.cancelGrace(stationId);
      if ((this.bootedAt.get(stationId) ?? -Infinity) >= event.at.getTime()) return;
      const timer = setTimeout(() => {
        this.graceTimers.delete(stationId);
        this.serve(event.tenantId, stationId);
      }, this.deps.connectGraceMs ?? 2000);
      this.graceTimers.set(stationId, timer);
    } else if (event.type === 'station.booted' && event.data['registrationStatus'] === 'Accepted') {
      this.cancelGrace(stationId);
      this.bootedAt.set(stationId, event.at.getTime());
      // The boot's answer was Accepted: no need to read the registration status back.
      const version = event.data['ocppVersion'];
      this.serve(event.tenantId, stationId, { registrationStatus: 'Accepted', ocppVersion: typeof version === 'string' ? version as OcppVersion : undefined });
    } else if (event.type === 'station.disconnected') {
      this.cancelGrace(stationId);
      this.bootedAt.delete(stationId);
    }
  }

  /**
   * `known`: what the triggering event already told (a boot's registration status, and its version
   * when the event carries one). The station itself is read only when something is stored to
   * deliver: stations nobody configured (nearly all of a reconnect storm) cost the one batched
   * settings read and nothing else.
   */
  private serve(tenantId: string, stationId: string, known?: KnownStation): void {
    const work = (async () => {
      const stored = await this.deps.settingsReads.find(tenantId, stationId);
      if (!stored) return;
      const station = known?.ocppVersion !== undefined ? known : await this.deps.stations.get(tenantId, stationId);
      if (station.registrationStatus !== 'Accepted') return;
      await this.deps.settings.stationConnected(tenantId, stationId, stored, station.ocppVersion ?? null);
      await this.deps.lists.stationConnected(tenantId, stationId, stored);
    })().catch((error: unknown) => this.deps.log.error({ err: error, stationId }, 'delivering authorization state to a connected station failed'));
    this.inFlight.add(work);
    void work.then(() => this.inFlight.delete(work));
  }

  private cancelGrace(stationId: string): void {
    const timer = this.graceTimers.get(stationId);
    if (timer) clearTimeout(timer);
    this.graceTimers.delete(stationId);
  }

  /** Stops following and waits for deliveries in flight (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.graceTimers.values()) clearTimeout(timer);
    this.graceTimers.clear();
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }
}
