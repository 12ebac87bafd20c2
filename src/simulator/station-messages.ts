// The messages a simulated station sends, in the shape of its OCPP version.
import type { BootNotificationRequest as Boot16, StatusNotificationRequest as Status16 } from '../protocol/ocpp16/generated/types.js';
import type { BootNotificationRequest as Boot201, StatusNotificationRequest as Status201 } from '../protocol/ocpp201/generated/types.js';
import { isOcpp2x, type OcppVersion } from '../protocol/versions.js';

/** What a station reports about itself in BootNotification. */
export type StationIdentity = {
  stationId: string;
  vendor: string;
  model: string;
  firmwareVersion: string;
};

export type BootReason = Boot201['reason'];

/** A connector status in either family's words; the engine's validator rejects a wrong one. */
export type ConnectorStatus = Status16['status'] | Status201['connectorStatus'];

export function bootRequest(version: OcppVersion, identity: StationIdentity, reason: BootReason = 'PowerUp'): Boot16 | Boot201 {
  if (!isOcpp2x(version)) {
    return {
      chargePointVendor: identity.vendor,
      chargePointModel: identity.model,
      chargePointSerialNumber: identity.stationId,
      firmwareVersion: identity.firmwareVersion,
    };
  }
  return {
    chargingStation: {
      vendorName: identity.vendor,
      model: identity.model,
      serialNumber: identity.stationId,
      firmwareVersion: identity.firmwareVersion,
    },
    reason,
  };
}

/**
 * The connectors a station reports at boot: in 1.6 connector 0 is the station itself and is
 * reported too; in 2.x every connector is EVSE n with connector 1.
 */
export function reportedConnectorIds(version: OcppVersion, connectors: number): number[] {
  const ids = Array.from({ length: connectors }, (_, i) => i + 1);
  return isOcpp2x(version) ? ids : [0, ...ids];
}

export function statusRequest(version: OcppVersion, connectorId: number, status: ConnectorStatus, at = new Date()): Status16 | Status201 {
  if (!isOcpp2x(version)) {
    return { connectorId, status: status as Status16['status'], errorCode: 'NoError', timestamp: at.toISOString() };
  }
  return { timestamp: at.toISOString(), connectorStatus: status as Status201['connectorStatus'], evseId: connectorId, connectorId: 1 };
}

/** 1.6 'Available' / 'Unavailable' are spelled the same in 2.x, so availability maps to one word. */
export function availabilityStatus(operative: boolean): ConnectorStatus {
  return operative ? 'Available' : 'Unavailable';
}
