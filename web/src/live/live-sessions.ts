// The sessions list, live: session.started puts a row on top (when it matches the filters),
// session.updated / session.ended change the row in place. Pure, for the component tests.
import type { LiveEvent } from '../api/event-stream.js';
import type { Session } from '../api/types.js';

export type SessionFilters = { stationId: string; idToken: string; status: string; from: string; to: string };

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const int = (value: unknown): number | null => (typeof value === 'number' && Number.isInteger(value) ? value : null);

/** The list row of a session that just started, from its session.started event. */
export function sessionOfStarted(event: LiveEvent): Session | null {
  const d = event.data;
  const id = text(d['sessionId']);
  if (!id || !event.stationId) return null;
  const startedAt = text(d['startedAt']) ?? event.at;
  return {
    id, stationId: event.stationId, evseId: int(d['evseId']) ?? 0, connectorId: int(d['connectorId']),
    ocppVersion: text(d['ocppVersion']) ?? '', transactionId: text(d['externalId']) ?? '', status: 'active',
    idToken: text(d['idToken']), idTokenType: null, groupIdToken: null, authorizationStatus: text(d['authorizationStatus']), authorizationMethod: null,
    reservationId: int(d['reservationId']), remoteStartId: int(d['remoteStartId']), startedAt, endedAt: null,
    meterStartWh: null, meterStopWh: null, energyWh: '0', lastMeterAt: null, chargingState: null, stoppedReason: null,
    lastSeqNo: null, hadOfflineEvents: false, anomalyCount: 0, createdAt: event.at, updatedAt: event.at,
  };
}

/** Whether the list as filtered would show the session (`from`/`to` are datetime-local values). */
export function matchesFilters(session: Session, filters: SessionFilters): boolean {
  if (filters.stationId && session.stationId !== filters.stationId) return false;
  if (filters.idToken && session.idToken !== filters.idToken) return false;
  if (filters.status && session.status !== filters.status) return false;
  const started = Date.parse(session.startedAt);
  if (filters.from && started < new Date(filters.from).getTime()) return false;
  if (filters.to && started >= new Date(filters.to).getTime()) return false;
  return true;
}

/** The rows after one session event. */
export function applySessionEvent(rows: Session[], event: LiveEvent, filters: SessionFilters): Session[] {
  const d = event.data;
  if (event.type === 'session.started') {
    const session = sessionOfStarted(event);
    if (!session || rows.some((row) => row.id === session.id) || !matchesFilters(session, filters)) return rows;
    return [session, ...rows];
  }
  const id = text(d['sessionId']);
  if (!id || !rows.some((row) => row.id === id)) return rows;
  return rows.map((row) => (row.id !== id ? row : {
    ...row,
    ...(text(d['energyWh']) ? { energyWh: text(d['energyWh'])! } : {}),
    ...(d['status'] === 'active' || d['status'] === 'completed' || d['status'] === 'closed' ? { status: d['status'] } : {}),
    ...(d['endedAt'] !== undefined ? { endedAt: text(d['endedAt']) } : {}),
    ...(d['chargingState'] !== undefined ? { chargingState: text(d['chargingState']) } : {}),
    ...(d['stoppedReason'] !== undefined ? { stoppedReason: text(d['stoppedReason']) } : {}),
  }));
}
