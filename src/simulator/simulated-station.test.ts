import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parseConfig } from '../config/load-config.js';
import { startChargeOps, type RunningChargeOps } from '../main.js';
import type { OcppVersion } from '../protocol/versions.js';
import { SimulatedStation } from './simulated-station.js';

const VERSIONS: ReadonlyArray<{ version: OcppVersion; stationId: string; trigger: object }> = [
  { version: 'ocpp1.6', stationId: 'SIM-TEST-16', trigger: { requestedMessage: 'StatusNotification', connectorId: 1 } },
  { version: 'ocpp2.0.1', stationId: 'SIM-TEST-201', trigger: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } } },
  { version: 'ocpp2.1', stationId: 'SIM-TEST-21', trigger: { requestedMessage: 'StatusNotification', evse: { id: 1, connectorId: 1 } } },
];

/** Resolves with the first value `subscribe` reports, or fails after `ms`. */
function waitFor<T>(subscribe: (done: (value: T) => void) => void, ms = 5000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`nothing within ${ms} ms`)), ms);
    subscribe((value) => {
      clearTimeout(timer);
      resolve(value);
    });
  });
}

describe('SimulatedStation against ChargeOps', () => {
  let running: RunningChargeOps;
  const stations: SimulatedStation[] = [];

  before(async () => {
    running = await startChargeOps(parseConfig({ port: 0, host: '127.0.0.1', unknownStations: 'accept', logLevel: 'silent' }), {
      database: { inMemory: true },
    });
  });

  after(async () => {
    await Promise.all(stations.map((station) => station.stop()));
    await running?.stop();
  });

  for (const { version, stationId, trigger } of VERSIONS) {
    it(`${version}: boots, reports its connectors and answers TriggerMessage`, async () => {
      const station = new SimulatedStation({
        url: `ws://127.0.0.1:${running.port}/ocpp`, stationId, version, connectors: 2, callTimeoutMs: 5000,
      });
      stations.push(station);
      const calls: string[] = [];
      station.on('callReceived', (action) => calls.push(action));

      const boot = await station.start();
      assert.equal(boot.status, 'Accepted', JSON.stringify(boot));
      assert.equal(station.registrationStatus, 'Accepted');
      assert.ok('intervalSeconds' in boot && boot.intervalSeconds > 0);
      assert.ok(running.channel.isConnected(stationId));

      // The station re-sends the status of the connector the CSMS asked about, after answering.
      const statusSent = waitFor<string>((done) => station.on('callAnswered', (action, answer) => {
        if (action === 'StatusNotification') done(answer.kind);
      }));
      const outcome = await running.channel.call(stationId, 'TriggerMessage', trigger);
      assert.equal(outcome.kind, 'result', JSON.stringify(outcome));
      assert.deepEqual(outcome.kind === 'result' ? outcome.payload : undefined, { status: 'Accepted' });
      assert.equal(await statusSent, 'result');
      assert.deepEqual(calls, ['TriggerMessage']);
    });
  }

  it('answers a message it does not implement with NotSupported', async () => {
    const station = new SimulatedStation({ url: `ws://127.0.0.1:${running.port}/ocpp`, stationId: 'SIM-TEST-NS', version: 'ocpp1.6', connectors: 1 });
    stations.push(station);
    await station.start();
    const outcome = await running.channel.call('SIM-TEST-NS', 'GetDiagnostics', { location: 'ftp://example.com/' });
    assert.equal(outcome.kind, 'error', JSON.stringify(outcome));
    assert.equal(outcome.kind === 'error' ? outcome.code : undefined, 'NotSupported');
  });

  it('answers GetVariables per requested item (2.0.1)', async () => {
    const station = new SimulatedStation({ url: `ws://127.0.0.1:${running.port}/ocpp`, stationId: 'SIM-TEST-GV', version: 'ocpp2.0.1', connectors: 1 });
    stations.push(station);
    await station.start();
    const outcome = await running.channel.call('SIM-TEST-GV', 'GetVariables', {
      getVariableData: [
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'HeartbeatInterval' } },
        { component: { name: 'OCPPCommCtrlr' }, variable: { name: 'NoSuchVariable' } },
      ],
    });
    assert.equal(outcome.kind, 'result', JSON.stringify(outcome));
    const results = (outcome.kind === 'result' ? outcome.payload : {}) as { getVariableResult: Array<{ attributeStatus: string; attributeValue?: string }> };
    assert.deepEqual(results.getVariableResult.map((r) => r.attributeStatus), ['Accepted', 'UnknownVariable']);
    assert.equal(results.getVariableResult[0]?.attributeValue, String(station.bootStatus?.status === 'Accepted' ? station.bootStatus.intervalSeconds : -1));
  });

  it('stop() closes the link and the CSMS sees it go', async () => {
    const station = new SimulatedStation({ url: `ws://127.0.0.1:${running.port}/ocpp`, stationId: 'SIM-TEST-STOP', version: 'ocpp2.1', connectors: 1 });
    await station.start();
    const closed = waitFor<number>((done) => station.once('closed', (code) => done(code)));
    await station.stop();
    assert.equal(await closed, 1000);
    await waitFor<void>((done) => {
      const poll = setInterval(() => {
        if (!running.channel.isConnected('SIM-TEST-STOP')) { clearInterval(poll); done(); }
      }, 10);
    });
  });
});
