import type { StationChannel } from '../../gateway/station-channel.js';
import type { CallOutcome } from '../../protocol/call-outcome.js';
import { getMessageValidator } from '../../protocol/validation.js';
import type { OcppVersion } from '../../protocol/versions.js';
import { DomainError } from '../../shared/domain-error.js';
import type { StationService } from './service.js';

export type CommandResult = { ocppVersion: OcppVersion; outcome: CallOutcome };

/**
 * The generic command path: any CSMS-initiated OCPP action, checked against the schema of the
 * version the station speaks, sent through the StationChannel. Resource endpoints of later
 * capabilities (remote start, reset, ...) are built on top of it.
 */
export class StationCommandService {
  constructor(private readonly stations: StationService, private readonly channel: StationChannel) {}

  async send(tenantId: string, stationId: string, action: string, payload: unknown, timeoutMs?: number): Promise<CommandResult> {
    const station = await this.stations.get(tenantId, stationId);
    const version = station.ocppVersion;
    if (!version) throw new DomainError('station_offline', `Station ${stationId} has never connected`);
    const validator = getMessageValidator(version);
    const direction = validator.directionOf(action);
    if (!direction) throw new DomainError('unsupported_action', `${action} is not an OCPP ${version} action`);
    if (direction === 'station') {
      throw new DomainError('unsupported_action', `${action} is sent by stations, not by the CSMS`);
    }
    const check = validator.validateRequest(action, payload);
    if (!check.ok) {
      throw new DomainError('invalid_payload', `Payload is not a valid ${version} ${action} request`, { ocppErrorCode: check.code, issues: check.issues });
    }
    const outcome = await this.channel.call(stationId, action, payload, timeoutMs === undefined ? {} : { timeoutMs });
    return { ocppVersion: version, outcome };
  }
}
