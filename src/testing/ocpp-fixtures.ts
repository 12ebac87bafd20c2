import type { OcppVersion } from '../protocol/versions.js';

/** Minimal valid station-initiated payloads per version, for tests. */
export function bootPayload(version: OcppVersion, vendor = 'TestVendor', model = 'TestModel'): Record<string, unknown> {
  return version === 'ocpp1.6'
    ? { chargePointVendor: vendor, chargePointModel: model, chargePointSerialNumber: 'SN-1', firmwareVersion: '1.0.0' }
    : { reason: 'PowerUp', chargingStation: { vendorName: vendor, model, serialNumber: 'SN-1', firmwareVersion: '1.0.0' } };
}

export function statusPayload(version: OcppVersion, connector: number, status: string): Record<string, unknown> {
  return version === 'ocpp1.6'
    ? { connectorId: connector, errorCode: 'NoError', status, timestamp: new Date().toISOString() }
    : { timestamp: new Date().toISOString(), connectorStatus: status, evseId: connector, connectorId: 1 };
}

export const VERSIONS: OcppVersion[] = ['ocpp1.6', 'ocpp2.0.1', 'ocpp2.1'];
