// The overview's counts: a server summary (GET /api/v1/network-summary, aggregates only) kept
// live by applying station events to it, and re-fetched (debounced) to stay exact. Pure, so the
// component tests can drive it event by event.
import type { LiveEvent } from '../api/event-stream.js';
import { bucketOf } from '../../../src/modules/network-summary/domain.js';
import type { ConnectorCounts, NetworkSummary } from '../api/types.js';

export type Bucket = keyof ConnectorCounts;

/** The server's own rule (Charging wins over the occupancy), shared so both count alike. */
export { bucketOf } from '../../../src/modules/network-summary/domain.js';

/**
 * `summary` as last fetched plus the events since; `connectors` / `online`: what the events told
 * about single connectors ("station/evse/connector" -> bucket) and stations, so a later event can
 * move a connector from its bucket to the next exactly.
 */
export type LiveCounts = { summary: NetworkSummary; connectors: Map<string, Bucket>; online: Map<string, boolean> };

/** What an event did: `exact` false when the counts need the server to be right (a re-fetch soon). */
export type Applied = { counts: LiveCounts; exact: boolean };

export const startCounts = (summary: NetworkSummary): LiveCounts => ({ summary, connectors: new Map(), online: new Map() });

/** A fresh server summary replaces the numbers; what the events said about single connectors still holds. */
export const withSummary = (counts: LiveCounts | null, summary: NetworkSummary): LiveCounts =>
  counts ? { ...counts, summary } : startCounts(summary);

const clamp = (n: number) => Math.max(0, n);

export function applyEvent(counts: LiveCounts, event: LiveEvent): Applied {
  const id = event.stationId;
  if (!id) return { counts, exact: true };
  if (event.type === 'station.connected' || event.type === 'station.disconnected') {
    const nowOnline = event.type === 'station.connected';
    const known = counts.online.get(id);
    const online = new Map(counts.online).set(id, nowOnline);
    // Its connectors join or leave the connector counts: only the server knows them.
    const connectors = new Map([...counts.connectors].filter(([key]) => !key.startsWith(`${id}/`)));
    if (known === nowOnline) return { counts: { ...counts, online, connectors }, exact: true };
    const s = counts.summary.stations;
    const delta = nowOnline ? 1 : -1;
    const stations = { ...s, online: clamp(s.online + delta), offline: clamp(s.offline - delta) };
    return { counts: { summary: { ...counts.summary, stations }, online, connectors }, exact: false };
  }
  if (event.type !== 'station.status-changed') return { counts, exact: true };
  const d = event.data;
  const evseId = Number(d['evseId']);
  const connectorId = Number(d['connectorId']);
  if (!(evseId > 0)) return { counts, exact: true }; // the station as a whole is not a connector
  if (counts.online.get(id) === false) return { counts, exact: true }; // offline stations' connectors are not counted
  if (!(connectorId > 0)) return { counts, exact: false }; // an EVSE-level status counts only where no connector reported
  const key = `${id}/${evseId}/${connectorId}`;
  const next = bucketOf(String(d['occupancy'] ?? ''), typeof d['chargingState'] === 'string' ? d['chargingState'] : null);
  const previous = counts.connectors.get(key);
  const connectors = new Map(counts.connectors).set(key, next);
  if (previous === undefined) return { counts: { ...counts, connectors }, exact: false };
  if (previous === next) return { counts: { ...counts, connectors }, exact: true };
  const c = counts.summary.connectors;
  const moved = { ...c, [previous]: clamp(c[previous] - 1), [next]: c[next] + 1 };
  return { counts: { ...counts, summary: { ...counts.summary, connectors: moved }, connectors }, exact: true };
}

/** Events that change the counts or the energy today. */
export const countsEvent = (event: LiveEvent) =>
  event.type === 'station.status-changed' || event.type === 'station.connected' || event.type === 'station.disconnected' || event.type.startsWith('session.');
