import type { ChargingState, ConnectorOccupancy } from './station.js';

/**
 * OCPP 1.6 ChargePointStatus carries two facts that 2.x keeps apart: whether the connector is
 * occupied, and what the charging is doing. The split follows the OCA's 1.6 -> 2.0.1 migration
 * mapping (Preparing and Finishing are an occupied connector with an EV connected, not charging).
 */
const OCPP16_STATUS_SPLIT: Record<string, { occupancy: ConnectorOccupancy; chargingState: ChargingState | null }> = {
  Available: { occupancy: 'Available', chargingState: 'Idle' },
  Preparing: { occupancy: 'Occupied', chargingState: 'EVConnected' },
  Charging: { occupancy: 'Occupied', chargingState: 'Charging' },
  SuspendedEV: { occupancy: 'Occupied', chargingState: 'SuspendedEV' },
  SuspendedEVSE: { occupancy: 'Occupied', chargingState: 'SuspendedEVSE' },
  Finishing: { occupancy: 'Occupied', chargingState: 'EVConnected' },
  Reserved: { occupancy: 'Reserved', chargingState: 'Idle' },
  Unavailable: { occupancy: 'Unavailable', chargingState: null },
  Faulted: { occupancy: 'Faulted', chargingState: null },
};

export function splitOcpp16Status(status: string): { occupancy: ConnectorOccupancy; chargingState: ChargingState | null } {
  const split = OCPP16_STATUS_SPLIT[status];
  // The schema admits only the nine statuses above, so this is unreachable for validated input.
  if (!split) throw new Error(`Unknown OCPP 1.6 status ${status}`);
  return split;
}

/**
 * A 2.x StatusNotification reports occupancy only; the charging state comes from
 * TransactionEvent. An available connector is certainly idle; otherwise it is not known here.
 */
export function chargingStateForOccupancy(occupancy: ConnectorOccupancy): ChargingState | null {
  return occupancy === 'Available' ? 'Idle' : null;
}

/** 1.6 addresses connectors by one number (0 = the whole station); the domain uses EVSE + connector. */
export function ocpp16ConnectorAddress(connectorId: number): { evseId: number; connectorId: number } {
  return connectorId === 0 ? { evseId: 0, connectorId: 0 } : { evseId: connectorId, connectorId: 1 };
}
