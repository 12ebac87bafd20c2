import { ENERGY_REGISTER, type MeterValueInput } from '../domain/sampled-value.js';

/** 1.6 meterStart / meterStop: integer Wh register readings, kept as samples of the session's series. */
export function registerReading(timestamp: string, wh: number, context: 'Transaction.Begin' | 'Transaction.End'): MeterValueInput {
  return { timestamp, sampledValue: [{ value: String(wh), measurand: ENERGY_REGISTER, unit: 'Wh', location: 'Outlet', context }] };
}

/** 1.6 addresses one connector per EVSE (0 = the station, no EVSE). */
export function evseOf16(connectorId: number): { evseId: number; connectorId: number } | null {
  return connectorId > 0 ? { evseId: connectorId, connectorId: 1 } : null;
}

/** The latest timestamp of a message's meter values (the time of a MeterValues message). */
export function latestTimestamp(meterValue: Array<{ timestamp: string }>, fallback: Date): Date {
  const times = meterValue.map((mv) => new Date(mv.timestamp).getTime()).filter((ms) => !Number.isNaN(ms));
  return times.length > 0 ? new Date(Math.max(...times)) : fallback;
}
