import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '../../../../web/src/api/event-stream.js';
import type { NetworkSummary } from '../../../../web/src/api/types.js';
import { applyEvent, bucketOf, startCounts, withSummary, type LiveCounts } from '../../../../web/src/live/network-counts.js';

const summary = (over: Partial<NetworkSummary> = {}): NetworkSummary => ({
  stations: { total: 3, online: 2, offline: 1 },
  connectors: { available: 3, charging: 1, occupied: 0, reserved: 0, faulted: 0, unavailable: 0, other: 0 },
  energyToday: { since: '2026-11-21T00:00:00.000Z', energyWh: '0', sessions: 0 },
  sites: [], unplaced: { stations: 3, online: 2 }, generatedAt: '2026-11-21T10:00:00.000Z',
  ...over,
});

let seq = 0;
const status = (stationId: string, evseId: number, connectorId: number, occupancy: string, chargingState: string | null = null): LiveEvent =>
  ({ id: String(++seq), type: 'station.status-changed', tenantId: 't', stationId, at: new Date().toISOString(), data: { evseId, connectorId, occupancy, chargingState } });
const link = (stationId: string, type: 'station.connected' | 'station.disconnected'): LiveEvent =>
  ({ id: String(++seq), type, tenantId: 't', stationId, at: new Date().toISOString(), data: {} });

/** Applies events in order; returns the counts and whether each was exact. */
function run(counts: LiveCounts, ...events: LiveEvent[]): { counts: LiveCounts; exact: boolean[] } {
  const exact: boolean[] = [];
  for (const event of events) {
    const applied = applyEvent(counts, event);
    counts = applied.counts;
    exact.push(applied.exact);
  }
  return { counts, exact };
}

describe('overview counts: live events applied to the server summary', () => {
  it('uses the server rule: Charging wins over Occupied, SuspendedEV is occupied', () => {
    assert.equal(bucketOf('Occupied', 'Charging'), 'charging');
    assert.equal(bucketOf('Occupied', 'SuspendedEV'), 'occupied');
    assert.equal(bucketOf('Available', 'Idle'), 'available');
    assert.equal(bucketOf('Mystery', null), 'other');
  });

  it('a connector first seen asks for a re-fetch and changes nothing; once known, it moves between buckets exactly', () => {
    const { counts, exact } = run(startCounts(summary()),
      status('CP1', 1, 1, 'Available'), // unknown before: the server knows which bucket it left
      status('CP1', 1, 1, 'Occupied', 'Charging'),
      status('CP1', 1, 1, 'Occupied', 'Charging'), // a repeat changes nothing
      status('CP1', 1, 1, 'Available'));
    assert.deepEqual(exact, [false, true, true, true]);
    assert.deepEqual(counts.summary.connectors, summary().connectors, 'Available -> Charging -> Available ends where it began');
    const charging = run(counts, status('CP1', 1, 1, 'Occupied', 'Charging')).counts.summary.connectors;
    assert.deepEqual([charging.available, charging.charging], [2, 2]);
  });

  it('station-level and EVSE-level statuses are not connectors: ignored, or left to the server', () => {
    const start = startCounts(summary());
    assert.deepEqual(applyEvent(start, status('CP1', 0, 0, 'Unavailable')), { counts: start, exact: true });
    const evseLevel = applyEvent(start, status('CP1', 2, 0, 'Faulted'));
    assert.equal(evseLevel.exact, false);
    assert.deepEqual(evseLevel.counts.summary, start.summary);
  });

  it('connected/disconnected move a station between online and offline once, and drop what is known of its connectors', () => {
    const known = run(startCounts(summary()), status('CP1', 1, 1, 'Available')).counts;
    const { counts, exact } = run(known, link('CP1', 'station.disconnected'), link('CP1', 'station.disconnected'));
    assert.deepEqual(exact, [false, true]);
    assert.deepEqual(counts.summary.stations, { total: 3, online: 1, offline: 2 });
    assert.equal(counts.connectors.size, 0);
    // While offline, its statuses do not count.
    assert.deepEqual(applyEvent(counts, status('CP1', 1, 1, 'Faulted')).counts.summary.connectors, summary().connectors);
    const back = run(counts, link('CP1', 'station.connected')).counts;
    assert.deepEqual(back.summary.stations, { total: 3, online: 2, offline: 1 });
  });

  it('never counts below zero, and a fresh summary keeps what events said about single connectors', () => {
    const empty = summary({ stations: { total: 0, online: 0, offline: 0 }, connectors: { available: 0, charging: 0, occupied: 0, reserved: 0, faulted: 0, unavailable: 0, other: 0 } });
    const known = run(startCounts(empty), status('CP9', 1, 1, 'Available')).counts;
    const moved = run(known, status('CP9', 1, 1, 'Faulted'), link('CP9', 'station.disconnected')).counts;
    assert.equal(moved.summary.connectors.available, 0);
    assert.equal(moved.summary.connectors.faulted, 1);
    assert.equal(moved.summary.stations.online, 0);
    const refreshed = withSummary(known, summary());
    assert.equal(refreshed.summary.stations.total, 3);
    assert.equal(refreshed.connectors.get('CP9/1/1'), 'available');
  });
});
