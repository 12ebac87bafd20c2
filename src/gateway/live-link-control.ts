import type { Logger } from 'pino';
import type { LiveLinkControl } from '../modules/stations/http.js';
import type { RegistrationStatus } from '../modules/stations/domain/station.js';
import type { ConnectionRegistry } from './live-station.js';
import type { StationChannel } from './station-channel.js';

/** Applies operator changes to a station's open link on this node. */
export class RegistryLinkControl implements LiveLinkControl {
  constructor(private readonly registry: ConnectionRegistry, private readonly channel: StationChannel, private readonly log: Logger) {}

  registrationChanged(stationId: string, status: RegistrationStatus): void {
    const live = this.registry.get(stationId);
    if (!live || live.registrationStatus === status) return;
    const previous = live.registrationStatus;
    live.registrationStatus = status;
    if (status === 'Rejected') {
      live.socket.close(1008, 'Station rejected by operator');
      return;
    }
    if (status === 'Accepted' && previous !== 'Accepted') {
      // Without this the station would learn it is accepted only after its boot retry interval.
      void this.channel.call(stationId, 'TriggerMessage', { requestedMessage: 'BootNotification' }).then((outcome) => {
        this.log.info({ stationId, outcome: outcome.kind }, 'asked approved station to boot again');
      });
    }
  }

  removed(stationId: string): void {
    this.registry.get(stationId)?.socket.close(1008, 'Station removed by operator');
  }
}
