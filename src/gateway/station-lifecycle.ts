import type { Logger } from 'pino';
import type { StationService } from '../modules/stations/service.js';
import type { OcppVersion } from '../protocol/versions.js';
import type { CallHandler } from '../protocol/rpc-connection.js';
import type { Disconnect, StationAdmission, StationLifecycle } from './ocpp-gateway.js';
import type { LiveStation } from './live-station.js';
import type { OcppServices } from './ocpp-context.js';
import { createDispatcher } from './ocpp-router.js';
import type { BasicCredentials } from './station-identity.js';

/** Connects the gateway's link events to the station use cases. */
export class StationLinkLifecycle implements StationLifecycle {
  constructor(private readonly stations: StationService, private readonly services: OcppServices, private readonly log: Logger) {}

  admit(stationId: string, credentials: BasicCredentials | undefined, version: OcppVersion): Promise<StationAdmission> {
    return this.stations.admit(stationId, credentials, version);
  }

  connected(live: LiveStation): Promise<void> {
    return this.stations.recordConnected(live, live.connectedAt, live.remoteAddress);
  }

  disconnected(live: LiveStation, disconnect: Disconnect): Promise<void> {
    return this.stations.recordDisconnected(live, disconnect.at, disconnect, live.remoteAddress);
  }

  dispatcherFor(live: LiveStation, log: Logger): CallHandler {
    return createDispatcher(live, this.services, log);
  }
}
