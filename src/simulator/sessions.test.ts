// Simulated sessions against a whole ChargeOps over real WebSockets: what the CSMS records must be
// exactly what the simulated meter delivered. Simulated time runs on a ManualClock.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, waitUntil } from '../testing/test-server.js';
import type { OcppVersion } from '../protocol/versions.js';
import type { EvProfile, EvseProfile } from './charging-model.js';
import { ManualClock } from './clock.js';
import { meteredWh, type SimulatedTransaction } from './session-engine.js';
import { SimulatedStation } from './simulated-station.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MINUTE = 60_000;

/** An 800 V EV taking 22 kW on AC (3 x 32 A) and up to 250 kW on DC, tapering from 60 % SoC. */
const EV: EvProfile = { batteryKwh: 77, socPercent: 10, targetSocPercent: 90, acPhases: 3, acMaxAmps: 32, dcMaxKw: 250, taperStartPercent: 60, batteryVolts: 800 };

const CASES: ReadonlyArray<{ version: OcppVersion; evse: EvseProfile; tag: string }> = [
  { version: 'ocpp1.6', evse: { kind: 'AC', phases: 3, maxAmps: 32 }, tag: '16' },
  { version: 'ocpp2.0.1', evse: { kind: 'DC', maxKw: 150 }, tag: '201' },
];

type Point = { value: string | null };

describe('simulated sessions against ChargeOps', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  before(async () => {
    server = await startTestServer({ ocpp: { callTimeoutSeconds: 5 } });
    for (const idToken of ['SIM-RFID-1', 'SIM-RFID-2', 'SIM-REMOTE', 'SIM-RESERVED']) {
      const created = await server.api.request('POST', '/api/v1/tokens', { idToken, type: 'ISO14443' });
      assert.equal(created.status, 201, JSON.stringify(created.body));
    }
  });
  after(async () => {
    await Promise.all(stations.map((station) => station.stop()));
    await server.stop();
  });

  async function startStation(stationId: string, version: OcppVersion, evse: EvseProfile): Promise<{ station: SimulatedStation; clock: ManualClock; statuses: string[] }> {
    const clock = new ManualClock(Date.now() - 6 * 60 * MINUTE); // in the past: nothing lands in the CSMS's future
    const station = new SimulatedStation({
      url: `ws://127.0.0.1:${server.port}/ocpp`, stationId, version, connectors: 2, evse, clock, seed: 42, meterIntervalSeconds: 60, callTimeoutMs: 5000,
    });
    stations.push(station);
    const statuses: string[] = [];
    const original = station.setConnectorStatus.bind(station);
    station.setConnectorStatus = (connectorId, status) => {
      if (connectorId === 1) statuses.push(status);
      return original(connectorId, status);
    };
    assert.equal((await station.start()).status, 'Accepted');
    return { station, clock, statuses };
  }

  async function recordOf(stationId: string, tx: SimulatedTransaction) {
    const list = await server.api.request('GET', `/api/v1/sessions?stationId=${stationId}&limit=100`);
    assert.equal(list.status, 200);
    const session = list.body.items.find((s: { transactionId: string }) => s.transactionId === String(tx.transactionId));
    assert.ok(session, `session ${tx.transactionId} is listed`);
    const detail = await server.api.request('GET', `/api/v1/sessions/${session.id}`);
    assert.equal(detail.status, 200);
    return detail.body as { session: Record<string, unknown>; events: Array<{ kind: string; seqNo: number | null; offline: boolean }>; meterSeries: Array<{ measurand: string; phase: string | null; points: unknown[] }>; anomalies: unknown[] };
  }

  for (const { version, evse, tag } of CASES) {
    it(`${version === 'ocpp1.6' ? 'TC_003_CSMS' : 'TC_E_03_CSMS / TC_J_09_CSMS / TC_E_15_CSMS'} (${version}, ${evse.kind}): an RFID session: Authorize, start, meter values, stop; the record has the exact energy`, async () => {
      const stationId = `SIM-SES-${tag}`;
      const { station, clock, statuses } = await startStation(stationId, version, evse);
      await station.sessions.plugIn(1, EV);
      assert.equal(await station.sessions.swipe(1, 'SIM-RFID-1'), 'started');
      await clock.advance(45 * MINUTE + 17_000);
      assert.equal(await station.sessions.swipe(1, 'SIM-RFID-1'), 'stopped');
      await station.sessions.unplug(1);
      await station.transactionsDelivered();

      const tx = station.sessions.transactions.at(-1)!;
      const kw = (meteredWh(tx) / 1000) / ((45 * MINUTE + 17_000) / 3_600_000);
      if (evse.kind === 'AC') assert.ok(Math.abs(kw - 22.08) < 0.01, `3 x 230 V x 32 A = 22.08 kW on average (got ${kw})`);
      else assert.ok(kw > 60 && kw < 150, `DC below the 150 kW peak on average because of the taper (got ${kw})`);
      const record = await recordOf(stationId, tx);
      assert.deepEqual(
        [record.session['status'], record.session['energyWh'], record.session['meterStartWh'], record.session['meterStopWh'], record.session['idToken'], record.session['stoppedReason']],
        ['completed', String(meteredWh(tx)), String(tx.meterStartWh), String(tx.meterLastWh), 'SIM-RFID-1', 'Local'],
      );
      assert.deepEqual(record.anomalies, []);
      const measurands = new Set(record.meterSeries.map((s) => `${s.measurand}${s.phase ? `/${s.phase}` : ''}`));
      for (const expected of evse.kind === 'AC' ? ['Power.Active.Import', 'Current.Import/L1', 'Current.Import/L2', 'Current.Import/L3'] : ['Power.Active.Import', 'Current.Import', 'SoC']) {
        assert.ok(measurands.has(expected), `${expected} is recorded (have ${[...measurands].join(', ')})`);
      }
      const power = record.meterSeries.find((s) => s.measurand === 'Power.Active.Import')!.points as Point[];
      assert.equal(power.length, 45, 'one sample a minute');
      if (evse.kind === 'DC') {
        const soc = (record.meterSeries.find((s) => s.measurand === 'SoC')!.points as Point[]).map((p) => Number(p.value));
        assert.ok(soc.every((value, i) => i === 0 || value >= soc[i - 1]!) && soc.at(-1)! > 60, `SoC rises past the knee (${soc.at(-1)} %)`);
        assert.equal(Number(power[0]!.value), 150_000, 'full power below the knee');
        assert.ok(Number(power.at(-1)!.value) < 100_000, `power tapers near the target SoC (${power.at(-1)!.value} W)`);
      }
      if (version === 'ocpp1.6') {
        assert.deepEqual(statuses, ['Available', 'Preparing', 'Charging', 'Finishing', 'Available']);
        assert.deepEqual(record.events.map((e) => e.kind), ['StartTransaction', ...Array(45).fill('MeterValues'), 'StopTransaction']);
      } else {
        assert.deepEqual(statuses, ['Available', 'Occupied', 'Available']);
        assert.deepEqual(record.events.map((e) => e.seqNo), Array.from({ length: record.events.length }, (_, i) => i), 'seqNo 0, 1, 2, ... without a gap');
        assert.equal(record.events[0]!.kind, 'Started');
        assert.equal(record.events.at(-1)!.kind, 'Ended');
      }
    });

    it(`${version === 'ocpp1.6' ? 'TC_011_1_CSMS' : 'TC_F_03_CSMS / TC_E_21_CSMS'} (${version}): a remote start becomes a real session, a remote stop ends it, energy exact`, async () => {
      const stationId = `SIM-REM-${tag}`;
      const { station, clock } = await startStation(stationId, version, evse);
      const started = await server.api.request('POST', `/api/v1/stations/${stationId}/remote-start?waitSeconds=10`, { idToken: 'SIM-REMOTE', evseId: 2, ...(version === 'ocpp1.6' ? {} : { idTokenType: 'ISO14443' }) });
      assert.equal(started.status, 200, JSON.stringify(started.body));
      assert.deepEqual(started.body.response, { status: 'Accepted' });
      assert.equal(started.body.final?.outcome, 'session-started', JSON.stringify(started.body.final));
      const sessionId = started.body.final.sessionId as string;
      await clock.advance(20 * MINUTE);
      const stopped = await server.api.request('POST', `/api/v1/sessions/${sessionId}/stop?waitSeconds=10`);
      assert.equal(stopped.status, 200, JSON.stringify(stopped.body));
      assert.equal(stopped.body.final?.outcome, 'session-ended', JSON.stringify(stopped.body.final));
      await station.transactionsDelivered();

      const tx = station.sessions.transactions.at(-1)!;
      assert.equal(tx.connectorId, 2);
      assert.equal(tx.stoppedReason, 'Remote');
      const record = (await server.api.request('GET', `/api/v1/sessions/${sessionId}`)).body;
      assert.equal(record.session.transactionId, String(tx.transactionId));
      assert.equal(record.session.energyWh, String(meteredWh(tx)));
      assert.ok(meteredWh(tx) > 0);
      assert.equal(record.session.stoppedReason, 'Remote');
      if (version !== 'ocpp1.6') {
        assert.equal(record.session.remoteStartId, tx.remoteStartId, 'remoteStartId correlated');
        assert.equal(record.events[0].triggerReason, 'RemoteStart');
      }
      assert.ok(record.commands.some((c: { action: string }) => c.action.endsWith('StopTransaction')), 'the stop command is part of the record');
    });

    it(`${version === 'ocpp1.6' ? 'TC_046_CSMS / TC_051_CSMS' : 'TC_H_01_CSMS / TC_H_17_CSMS'} (${version}): a reservation is honoured: Reserved, then used by the token's session`, async () => {
      const stationId = `SIM-RES-${tag}`;
      const { station, clock, statuses } = await startStation(stationId, version, evse);
      const expiresAt = new Date(Date.now() + 30 * MINUTE).toISOString();
      const reserved = await server.api.request('POST', `/api/v1/stations/${stationId}/reservations`, { idToken: 'SIM-RESERVED', evseId: 1, expiresAt });
      assert.equal(reserved.status, 201, JSON.stringify(reserved.body));
      await waitUntil(() => station.sessions.statusOf(1) === 'Reserved');
      assert.equal(await station.sessions.swipe(1, 'SIM-RFID-2'), 'reserved', 'another driver cannot take the reserved connector');
      await station.sessions.plugIn(1);
      assert.equal(await station.sessions.swipe(1, 'SIM-RESERVED'), 'started');
      await clock.advance(10 * MINUTE);
      await station.sessions.swipe(1, 'SIM-RESERVED');
      await station.sessions.unplug(1);
      await station.transactionsDelivered();
      const tx = station.sessions.transactions.at(-1)!;
      assert.equal(tx.reservationId, reserved.body.id);
      const record = await recordOf(stationId, tx);
      assert.equal(record.session['reservationId'], reserved.body.id);
      assert.equal(record.session['energyWh'], String(meteredWh(tx)));
      assert.ok(statuses.includes('Reserved'));

      const second = await server.api.request('POST', `/api/v1/stations/${stationId}/reservations`, { idToken: 'SIM-RESERVED', evseId: 2, expiresAt });
      await waitUntil(() => station.sessions.statusOf(2) === 'Reserved');
      assert.equal((await server.api.request('DELETE', `/api/v1/reservations/${second.body.id}`)).status < 300, true);
      await waitUntil(() => station.sessions.statusOf(2) === 'Available');
    });

    it(`${version === 'ocpp1.6' ? 'TC_039_CSMS / TC_037_1_CSMS' : 'E04 offline transaction'} (${version}): an offline backlog is replayed in order on reconnect; every session complete with exact energy`, async () => {
      const stationId = `SIM-OFF-${tag}`;
      const { station, clock } = await startStation(stationId, version, evse);
      await station.sessions.plugIn(1);
      assert.equal(await station.sessions.swipe(1, 'SIM-RFID-1'), 'started');
      await clock.advance(5 * MINUTE);
      await station.transactionsDelivered();
      await station.goOffline();
      await clock.advance(15 * MINUTE);
      assert.equal(await station.sessions.swipe(1, 'SIM-RFID-1'), 'stopped');
      await station.sessions.unplug(1);
      // A whole session while offline, authorized from the cache.
      await station.sessions.plugIn(2);
      assert.equal(await station.sessions.swipe(2, 'SIM-RFID-1'), 'started');
      await clock.advance(25 * MINUTE);
      await station.sessions.unplug(2);
      assert.ok(station.queue.length > 40, `messages queued while offline (${station.queue.length})`);
      assert.equal((await station.goOnline()).status, 'Accepted');
      await station.transactionsDelivered();

      const [first, second] = station.sessions.transactions;
      assert.ok(first && second && first.offlineMessages > 0 && second.offlineMessages > 0);
      for (const tx of [first, second]) {
        const record = await recordOf(stationId, tx);
        assert.equal(record.session['status'], 'completed');
        assert.equal(record.session['energyWh'], String(meteredWh(tx)));
        assert.deepEqual(record.anomalies, []);
        if (version !== 'ocpp1.6') {
          assert.equal(record.session['hadOfflineEvents'], true);
          assert.ok(record.events.some((e) => e.offline));
        }
      }
      assert.equal(second.stoppedReason, 'EVDisconnected');
      const list = await server.api.request('GET', `/api/v1/sessions?stationId=${stationId}`);
      assert.equal(list.body.items.length, 2, 'no session doubled');
    });
  }
});
