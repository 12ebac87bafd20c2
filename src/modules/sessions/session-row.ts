// Mapping between a sessions row and the domain's SessionState.
import type { sessions } from '../../infra/db/schema.js';
import { decimal, formatDecimal, roundTo } from './domain/decimal.js';
import type { EnergyPoint } from './domain/energy.js';
import type { Anomaly, SessionState, SessionStatus } from './domain/session.js';

type Row = typeof sessions.$inferSelect;

/** numeric(20, 4) columns: rounded here, half away from zero, exactly as PostgreSQL would. */
export const ENERGY_SCALE = 4;
/** Text formatDecimal writes with at most ENERGY_SCALE decimals: rounding and formatting give it back unchanged. */
const CANONICAL_AT_SCALE = /^-?(?:0|[1-9]\d*)(?:\.\d{0,3}[1-9])?$/;
const storedEnergy = (text: string | null): string | null => {
  if (text === null) return null;
  if (text !== '-0' && CANONICAL_AT_SCALE.test(text)) return text;
  return formatDecimal(roundTo(decimal(text), ENERGY_SCALE));
};
const canonical = (text: string | null): string | null => (text === null ? null : formatDecimal(decimal(text)));

/** The last energy reading stored in the row, if any. */
function readingOf(row: Row): EnergyPoint | null {
  if (!row.lastReadingAt || row.lastReadingWh === null) return null;
  return { at: row.lastReadingAt, wh: canonical(row.lastReadingWh)! };
}

/**
 * The last energy reading the row carries (ADR 112); `legacy` is the one read from meter_values for
 * rows not written since migration 0023 (`readings_in_row` false).
 */
export function toSessionState(row: Row, legacy: EnergyPoint | null): SessionState {
  const lastReading = row.readingsInRow ? readingOf(row) : legacy;
  return {
    id: row.id,
    tenantId: row.tenantId,
    stationId: row.stationId,
    evseId: row.evseId,
    connectorId: row.connectorId,
    ocppVersion: row.ocppVersion,
    externalId: row.externalId,
    status: row.status as SessionStatus,
    idToken: row.idToken,
    idTokenType: row.idTokenType,
    groupIdToken: row.groupIdToken,
    authorizationStatus: row.authorizationStatus,
    authorizationMethod: row.authorizationMethod,
    reservationId: row.reservationId,
    remoteStartId: row.remoteStartId,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    meterStartWh: canonical(row.meterStartWh),
    meterStopWh: canonical(row.meterStopWh),
    energyWh: canonical(row.energyWh) ?? '0',
    lastMeterAt: row.lastMeterAt,
    lastReading,
    chargingState: row.chargingState,
    stoppedReason: row.stoppedReason,
    lastSeqNo: row.lastSeqNo,
    hadOfflineEvents: row.hadOfflineEvents,
    anomalies: row.anomalies as Anomaly[],
  };
}

/** A session's mutable columns as stored (energy rounded to the column's scale). */
export function sessionColumns(s: SessionState) {
  return {
    evseId: s.evseId,
    connectorId: s.connectorId,
    status: s.status,
    idToken: s.idToken,
    idTokenType: s.idTokenType,
    groupIdToken: s.groupIdToken,
    authorizationStatus: s.authorizationStatus,
    authorizationMethod: s.authorizationMethod,
    reservationId: s.reservationId,
    remoteStartId: s.remoteStartId,
    startedAt: s.startedAt,
    endedAt: s.endedAt,
    meterStartWh: storedEnergy(s.meterStartWh),
    meterStopWh: storedEnergy(s.meterStopWh),
    energyWh: storedEnergy(s.energyWh) ?? '0',
    lastMeterAt: s.lastMeterAt,
    chargingState: s.chargingState,
    stoppedReason: s.stoppedReason,
    lastSeqNo: s.lastSeqNo,
    hadOfflineEvents: s.hadOfflineEvents,
    anomalies: s.anomalies,
    lastReadingAt: s.lastReading?.at ?? null,
    lastReadingWh: s.lastReading?.wh ?? null,
    /** Every write stores the reading: from then on the row carries it. */
    readingsInRow: true,
  };
}
