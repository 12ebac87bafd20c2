// When a charging port could not start a session, from what the CSMS stored: the station's
// connection history and the connector statuses it reported. Pure: the service loads the rows.
import { intervalsWhere, type Interval, union } from './intervals.js';

/** Occupancies in which a connector cannot start a session (OCPP 1.6 and 2.x alike). */
const DOWN_OCCUPANCIES: ReadonlySet<string> = new Set(['Faulted', 'Unavailable']);

export type ConnectionChange = { at: number; kind: 'connected' | 'disconnected' };
/** evseId 0 = the whole station, connectorId 0 = the whole EVSE (as stored in connector_status_log). */
export type StatusChange = { at: number; evseId: number; connectorId: number; occupancy: string };

/**
 * What is known of one station for a period. The lists must include the last change before the
 * period's start (it says what state the period starts in) and every change inside it.
 * `commissionedAt`: the first connection the CSMS ever recorded; before it the station was not in
 * service and the time is not observed at all (neither up nor down).
 */
export type StationHistory = {
  stationId: string;
  commissionedAt: number | null;
  connections: readonly ConnectionChange[];
  statuses: readonly StatusChange[];
};

/** The part of the period in which the station was in service (null: never in it). */
export function observedWindow(history: Pick<StationHistory, 'commissionedAt'>, period: Interval): Interval | null {
  if (history.commissionedAt === null) return null;
  const start = Math.max(period.start, history.commissionedAt);
  return start < period.end ? { start, end: period.end } : null;
}

/** Intervals of the window in which the station had no connection to the CSMS (communication loss counts as outage). */
export function offlineIntervals(connections: readonly ConnectionChange[], window: Interval): Interval[] {
  const changes = connections.map((c) => ({ at: c.at, state: c.kind }));
  // Before the first recorded change inside the window with none before it: the station connected
  // at commissioning, which is the window's start at the earliest.
  const initial = connections.some((c) => c.at <= window.start) ? 'disconnected' : 'connected';
  return intervalsWhere<'connected' | 'disconnected'>(initial, changes, window.start, window.end, (s) => s === 'disconnected');
}

/** Intervals in which one status address (station, EVSE or connector) reported Faulted or Unavailable. */
function statusDownIntervals(statuses: readonly StatusChange[], window: Interval): Interval[] {
  const changes = statuses.map((s) => ({ at: s.at, state: s.occupancy }));
  return intervalsWhere('Available', changes, window.start, window.end, (s) => DOWN_OCCUPANCIES.has(s));
}

/**
 * Outage of one port (EVSE) in the window: the station offline, or the station (evse 0), the EVSE
 * (connector 0) or any connector of the EVSE Faulted/Unavailable. Overlapping causes count once.
 */
export function portOutage(history: StationHistory, evseId: number, window: Interval): Interval[] {
  const byAddress = new Map<string, StatusChange[]>();
  for (const status of history.statuses) {
    if (status.evseId !== 0 && status.evseId !== evseId) continue;
    const key = `${status.evseId}/${status.connectorId}`;
    const list = byAddress.get(key) ?? [];
    list.push(status);
    byAddress.set(key, list);
  }
  // A change before the window sets the state it starts in: keep only the last of those per address.
  const parts = [...byAddress.values()].map((list) => statusDownIntervals(lastBeforeAndInside(list, window.start), window));
  return union(offlineIntervals(lastBeforeAndInside(history.connections, window.start), window), ...parts);
}

function lastBeforeAndInside<T extends { at: number }>(list: readonly T[], start: number): T[] {
  const sorted = [...list].sort((a, b) => a.at - b.at);
  let lastBefore = -1;
  for (let i = 0; i < sorted.length; i++) if (sorted[i]!.at <= start) lastBefore = i;
  return lastBefore < 0 ? sorted : sorted.slice(lastBefore);
}

/** The EVSE ids a station has: declared in its layout and seen in its statuses (0 is never a port). */
export function portsOf(declared: readonly number[], statuses: readonly StatusChange[]): number[] {
  return [...new Set([...declared, ...statuses.map((s) => s.evseId)])].filter((id) => id > 0).sort((a, b) => a - b);
}
