// Table tests of the detection rules: a station's observations, a time, the alerts that hold.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from './detect.js';
import { DEFAULT_HEALTH_SETTINGS, mergeSettings, type HealthSettingsPatch } from './settings.js';
import { newStationState, observe, type Observation } from './station-state.js';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const t = (seconds: number) => new Date(T0 + seconds * 1000);
const status = (s: number, evseId: number, connectorId: number, rawStatus: string, occupancy: string, extra: Partial<Extract<Observation, { kind: 'status' }>> = {}): Observation => ({
  kind: 'status', at: t(s), reportedAt: t(s), evseId, connectorId, rawStatus, occupancy, chargingState: null, errorCode: null, vendorErrorCode: null, info: null, ...extra,
});
const connected: Observation = { kind: 'connected', at: t(0) };

type Row = { name: string; observations: Observation[]; at: number; expected: string[]; rules?: HealthSettingsPatch['rules']; heartbeat?: number };

const drop = (s: number): Observation[] => [{ kind: 'disconnected', at: t(s) }, { kind: 'connected', at: t(s + 5) }];
const sessionOn = (s: number, evseId: number): Observation => ({ kind: 'session-started', at: t(s), evseId });

const ROWS: Row[] = [
  { name: 'flapping: two drops in 10 minutes: nothing', observations: [connected, ...drop(10), ...drop(100)], at: 120, expected: [] },
  { name: 'flapping: three drops in 10 minutes fire (each shorter than the offline window)', observations: [connected, ...drop(10), ...drop(100), ...drop(200)], at: 210, expected: ['flapping:0:0'] },
  { name: 'flapping: clears once the oldest drop leaves the window', observations: [connected, ...drop(10), ...drop(100), ...drop(200)], at: 611, expected: [] },
  { name: 'stuck transaction: a session while the EVSE says Available, for the window (10 min)', observations: [connected, sessionOn(1, 1), status(2, 1, 1, 'Available', 'Available')], at: 602, expected: ['stuck-transaction:1:0'] },
  { name: 'stuck transaction: not before the window', observations: [connected, sessionOn(1, 1), status(2, 1, 1, 'Available', 'Available')], at: 600, expected: [] },
  { name: 'stuck transaction: an Occupied EVSE with its session is normal', observations: [connected, sessionOn(1, 1), status(2, 1, 1, 'Occupied', 'Occupied')], at: 3600, expected: [] },
  { name: 'faulted then taken out of service (Unavailable): the fault holds', observations: [connected, status(1, 1, 1, 'Faulted', 'Faulted', { errorCode: 'GroundFailure' }), { kind: 'availability-commanded', at: t(2) }, status(3, 1, 1, 'Unavailable', 'Unavailable')], at: 600, expected: ['faulted:1:1'] },
  { name: 'faulted, out of service, then back in service Available: clears', observations: [connected, status(1, 1, 1, 'Faulted', 'Faulted'), status(3, 1, 1, 'Unavailable', 'Unavailable'), status(9, 1, 1, 'Available', 'Available')], at: 600, expected: [] },
  { name: 'healthy station: nothing', observations: [connected, status(1, 1, 1, 'Available', 'Available')], at: 60, expected: [] },
  { name: 'offline: disconnected for less than the window: nothing yet', observations: [connected, { kind: 'disconnected', at: t(10) }], at: 129, expected: [] },
  { name: 'offline: disconnected for the window (120 s) fires', observations: [connected, { kind: 'disconnected', at: t(10) }], at: 130, expected: ['offline:0:0'] },
  { name: 'offline: reconnected clears', observations: [connected, { kind: 'disconnected', at: t(10) }, { kind: 'connected', at: t(200) }], at: 210, expected: [] },
  { name: 'offline: a custom window', observations: [connected, { kind: 'disconnected', at: t(10) }], at: 40, expected: ['offline:0:0'], rules: { offline: { windowSeconds: 30 } } },
  { name: 'offline: disabled rule says nothing', observations: [connected, { kind: 'disconnected', at: t(10) }], at: 400, expected: [], rules: { offline: { enabled: false } } },
  { name: 'silence: heartbeat interval + window without a message fires', observations: [connected], at: 420, heartbeat: 300, expected: ['offline:0:0'] },
  { name: 'silence: a heartbeat (seen) in between keeps it quiet', observations: [connected, { kind: 'seen', at: t(300) }], at: 420, heartbeat: 300, expected: [] },
  { name: 'faulted connector fires at once, with its code', observations: [connected, status(5, 1, 1, 'Faulted', 'Faulted', { errorCode: 'GroundFailure' })], at: 5, expected: ['faulted:1:1'] },
  { name: 'faulted station (connector 0) is station-wide', observations: [connected, status(5, 0, 0, 'Faulted', 'Faulted')], at: 5, expected: ['faulted:0:0'] },
  { name: 'faulted then Available clears', observations: [connected, status(5, 1, 1, 'Faulted', 'Faulted'), status(9, 1, 1, 'Available', 'Available')], at: 10, expected: [] },
  { name: 'unavailable not commanded: after the grace (60 s)', observations: [connected, status(5, 1, 1, 'Unavailable', 'Unavailable')], at: 65, expected: ['unavailable:1:1'] },
  { name: 'unavailable not commanded: within the grace nothing', observations: [connected, status(5, 1, 1, 'Unavailable', 'Unavailable')], at: 64, expected: [] },
  { name: 'unavailable after ChangeAvailability: commanded, nothing', observations: [connected, { kind: 'availability-commanded', at: t(4) }, status(5, 1, 1, 'Unavailable', 'Unavailable')], at: 600, expected: [] },
  { name: 'unavailable with the command answered after the status: commanded', observations: [connected, status(5, 1, 1, 'Unavailable', 'Unavailable'), { kind: 'availability-commanded', at: t(6) }], at: 600, expected: [] },
  { name: 'unavailable long after an old command: unexpected', observations: [connected, { kind: 'availability-commanded', at: t(4) }, status(1000, 1, 1, 'Unavailable', 'Unavailable')], at: 1100, expected: ['unavailable:1:1'] },
  { name: 'stuck in Preparing 15 min (1.6)', observations: [connected, status(0, 1, 1, 'Preparing', 'Occupied')], at: 900, expected: ['stuck-status:1:1'] },
  { name: 'Preparing 14 min: nothing yet', observations: [connected, status(0, 1, 1, 'Preparing', 'Occupied')], at: 899, expected: [] },
  // A car left plugged in after its session (fleet-hour run: 7 of 42 healthy stations) is parked, not stuck.
  { name: '1.6 Finishing after the session 15 min: parked, nothing', observations: [connected, status(0, 1, 1, 'Finishing', 'Occupied')], at: 900, expected: [], heartbeat: 1_000_000 },
  { name: '1.6 Finishing 3 h 59 min: nothing', observations: [connected, sessionOn(0, 1), status(1, 1, 1, 'Charging', 'Occupied'), { kind: 'session-ended', at: t(60), evseId: 1, energyWh: 5000 }, status(60, 1, 1, 'Finishing', 'Occupied')], at: 60 + 239 * 60, expected: [], heartbeat: 1_000_000 },
  { name: '1.6 Finishing 4 h (afterSessionMinutes default 240): stuck', observations: [connected, status(0, 1, 1, 'Finishing', 'Occupied')], at: 240 * 60, expected: ['stuck-status:1:1'], heartbeat: 1_000_000 },
  { name: '1.6 Finishing with afterSessionMinutes null: never', observations: [connected, status(0, 1, 1, 'Finishing', 'Occupied')], at: 86_400, expected: [], rules: { 'stuck-status': { afterSessionMinutes: null } }, heartbeat: 1_000_000 },
  { name: '1.6 Finishing with a tenant\'s afterSessionMinutes 30', observations: [connected, status(0, 1, 1, 'Finishing', 'Occupied')], at: 1800, expected: ['stuck-status:1:1'], rules: { 'stuck-status': { afterSessionMinutes: 30 } }, heartbeat: 1_000_000 },
  { name: '1.6 SuspendedEV after the session ended: nothing', observations: [connected, sessionOn(0, 1), status(1, 1, 1, 'SuspendedEV', 'Occupied'), { kind: 'session-ended', at: t(60), evseId: 1, energyWh: 5000 }], at: 86_400, expected: [], heartbeat: 1_000_000 },
  { name: '2.x Occupied after a session ended normally, 1 h: parked, nothing', observations: [connected, sessionOn(0, 1), status(0, 1, 1, 'Occupied', 'Occupied'), { kind: 'session-ended', at: t(600), evseId: 1, energyWh: 5000 }], at: 600 + 3600, expected: [], heartbeat: 1_000_000 },
  { name: '2.x Occupied after a session: 4 h after the end, stuck', observations: [connected, sessionOn(0, 1), status(0, 1, 1, 'Occupied', 'Occupied'), { kind: 'session-ended', at: t(600), evseId: 1, energyWh: 5000 }], at: 600 + 240 * 60, expected: ['stuck-status:1:1'], heartbeat: 1_000_000 },
  { name: '2.x unplugged then a new car waits 15 min with no session: stuck (Preparing)', observations: [connected, sessionOn(0, 1), status(0, 1, 1, 'Occupied', 'Occupied'), { kind: 'session-ended', at: t(600), evseId: 1, energyWh: 5000 }, status(700, 1, 1, 'Available', 'Available'), status(800, 1, 1, 'Occupied', 'Occupied')], at: 800 + 900, expected: ['stuck-status:1:1'], heartbeat: 1_000_000 },
  { name: '1.6 Preparing after an earlier session ended: still stuck at 15 min', observations: [connected, { kind: 'session-ended', at: t(0), evseId: 1, energyWh: 5000 }, status(10, 1, 1, 'Preparing', 'Occupied')], at: 910, expected: ['stuck-status:1:1'], heartbeat: 1_000_000 },
  { name: '2.x Occupied with a session running is not stuck', observations: [connected, { kind: 'session-started', at: t(0), evseId: 1 }, status(0, 1, 1, 'Occupied', 'Occupied')], at: 3600, expected: [] },
  { name: '2.x Occupied without a session 15 min is stuck', observations: [connected, status(0, 1, 1, 'Occupied', 'Occupied')], at: 900, expected: ['stuck-status:1:1'] },
  {
    name: 'meter stalled: Charging, energy flat 10 min',
    observations: [connected, { kind: 'session-started', at: t(0), evseId: 1 }, status(0, 1, 1, 'Charging', 'Occupied'), { kind: 'session-updated', at: t(60), evseId: 1, energyWh: 500, chargingState: 'Charging' }, { kind: 'session-updated', at: t(300), evseId: 1, energyWh: 500, chargingState: 'Charging' }],
    at: 660, expected: ['meter-stalled:1:0'],
  },
  {
    name: 'meter moving: nothing',
    observations: [connected, { kind: 'session-started', at: t(0), evseId: 1 }, status(0, 1, 1, 'Charging', 'Occupied'), { kind: 'session-updated', at: t(600), evseId: 1, energyWh: 900, chargingState: 'Charging' }],
    at: 660, expected: [],
  },
  {
    name: 'meter stalled but SuspendedEV (car full): nothing',
    observations: [connected, { kind: 'session-started', at: t(0), evseId: 1 }, status(0, 1, 1, 'Charging', 'Occupied'), status(60, 1, 1, 'SuspendedEV', 'Occupied')],
    at: 3600, expected: [],
  },
  { name: 'no energy: 2 sessions in a row with 0 Wh', observations: [connected, { kind: 'session-ended', at: t(10), evseId: 2, energyWh: 0 }, { kind: 'session-ended', at: t(20), evseId: 2, energyWh: 0 }], at: 21, expected: ['no-energy:2:0'] },
  { name: 'no energy: a session with energy in between resets', observations: [connected, { kind: 'session-ended', at: t(10), evseId: 2, energyWh: 0 }, { kind: 'session-ended', at: t(15), evseId: 2, energyWh: 3000 }, { kind: 'session-ended', at: t(20), evseId: 2, energyWh: 0 }], at: 21, expected: [] },
  { name: 'no energy: unknown energy counts neither way', observations: [connected, { kind: 'session-ended', at: t(10), evseId: 2, energyWh: 0 }, { kind: 'session-ended', at: t(15), evseId: 2, energyWh: null }], at: 21, expected: [] },
  { name: 'failed starts: 3 in a row', observations: [connected, ...[1, 2, 3].map((s): Observation => ({ kind: 'remote-start-failed', at: t(s) }))], at: 4, expected: ['failed-starts:0:0'] },
  { name: 'failed starts: a started session resets', observations: [connected, ...[1, 2].map((s): Observation => ({ kind: 'remote-start-failed', at: t(s) })), { kind: 'session-started', at: t(3), evseId: 1 }, { kind: 'remote-start-failed', at: t(4) }], at: 5, expected: [] },
  { name: 'clock drift beyond 300 s', observations: [connected, status(10, 1, 1, 'Available', 'Available', { reportedAt: t(10 + 3600) })], at: 11, expected: ['clock-drift:0:0'] },
  { name: 'clock drift within tolerance', observations: [connected, status(10, 1, 1, 'Available', 'Available', { reportedAt: t(10 - 200) })], at: 11, expected: [] },
  { name: 'offline station: connector rules say nothing (only offline)', observations: [connected, status(5, 1, 1, 'Faulted', 'Faulted'), { kind: 'disconnected', at: t(10) }], at: 200, expected: ['offline:0:0'] },
];

describe('detection rules (issue 6 item 1)', () => {
  for (const row of ROWS) {
    it(row.name, () => {
      const state = newStationState('T', 'CP');
      for (const o of row.observations) observe(state, o);
      const settings = mergeSettings(DEFAULT_HEALTH_SETTINGS, { rules: row.rules ?? {} });
      const found = detect(state, settings.rules, t(row.at), { heartbeatIntervalSeconds: row.heartbeat ?? 3600 });
      assert.deepEqual(found.map((c) => c.key).sort(), [...row.expected].sort());
    });
  }

  it('an offline alert dates the fault from the disconnect, not from the sweep', () => {
    const state = newStationState('T', 'CP');
    observe(state, connected);
    observe(state, { kind: 'disconnected', at: t(10) });
    const [offline] = detect(state, DEFAULT_HEALTH_SETTINGS.rules, t(500), { heartbeatIntervalSeconds: 300 });
    assert.deepEqual(offline?.detectedAt, t(10));
    assert.equal(offline?.severity, 'critical');
  });

  it('a faulted connector carries its vendor error code (or the 1.6 errorCode) as the alert code', () => {
    const state = newStationState('T', 'CP');
    observe(state, connected);
    observe(state, status(5, 1, 1, 'Faulted', 'Faulted', { errorCode: 'OtherError', vendorErrorCode: 'CX001' }));
    observe(state, status(5, 2, 1, 'Faulted', 'Faulted', { errorCode: 'GroundFailure' }));
    const codes = detect(state, DEFAULT_HEALTH_SETTINGS.rules, t(6), { heartbeatIntervalSeconds: 300 }).map((c) => [c.key, c.code]);
    assert.deepEqual(codes, [['faulted:1:1', 'CX001'], ['faulted:2:1', 'GroundFailure']]);
  });
});
