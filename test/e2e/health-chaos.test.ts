// Network health end to end (issue 6 "Proof"): a real ChargeOps and simulated OCPP 1.6 and 2.0.1
// stations over WebSocket. Each fault class of the simulator's chaos (src/simulator/chaos) is
// injected on its own station; it must be detected once its configured window has passed (and not
// before), the default playbook for its rule must run, every automated step must be audited with
// its outcome, and the incident must end as it should: auto-resolved, or a work order (with the
// knowledge base's instructions when the code is in it). Stations left alone get nothing.
//
// Windows are configured short and the detector's clock (HealthClock) is moved instead of waiting;
// the playbooks' waits are real but short. Nothing here asserts how long anything took.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { OcppVersion } from '../../src/protocol/versions.js';
import { EXPECTED_RULE } from '../../src/simulator/chaos/report.js';
import { injectFault, type Fault, type Sleeper } from '../../src/simulator/chaos/faults.js';
import { SimulatedStation } from '../../src/simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../src/testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Incident = { id: string; stationId: string; rule: string; code: string | null; status: string; resolvedBy: string | null; kb: { entryId?: string } | null };
type Run = { id: string; playbookId: string; incidentId: string; status: string; steps: Array<{ action: string; outcome: string }>; workOrderId: string | null };

const VERSIONS: OcppVersion[] = ['ocpp1.6', 'ocpp2.0.1'];
const tagOf = (version: OcppVersion) => version.replace(/\D/g, '');
/** Waits of the playbooks' remote steps, in seconds: long enough for a station's answer on a loaded machine. */
const STEP_WAIT = 8;
const OFFLINE_WINDOW_S = 30;
const WINDOW_MIN = 2;

/** A sleeper a test opens step by step: the fault waits until the test lets it go on. */
function gatedSleeper() {
  const waiting: Array<() => void> = [];
  const sleep: Sleeper = () => new Promise<void>((resolve) => waiting.push(resolve));
  return { sleep, waiting: () => waiting.length, step: () => waiting.shift()?.() };
}
const quick: Sleeper = (ms) => new Promise((resolve) => setTimeout(resolve, Math.min(ms, 50)));

describe('network health under chaos, end to end (issue 6)', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  const seedKeyOf = new Map<string, string>();

  const api = async (method: string, path: string, body?: unknown) => {
    const answer = await server.api.request(method, path, body);
    assert.ok(answer.status < 300, `${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const station = async (name: string, version: OcppVersion) => {
    const s = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId: `HC-${name}-${tagOf(version)}`, version, connectors: 2, callTimeoutMs: 10_000 });
    stations.push(s);
    assert.equal((await s.start()).status, 'Accepted');
    await settled();
    return s;
  };
  const settled = async () => {
    await new Promise((resolve) => setTimeout(resolve, 50)); // the bus delivers after the COMMIT
    await server.health.detector.settled();
  };
  /** Moves the detector's clock and runs one sweep, as the timer would. */
  const later = async (ms: number) => {
    server.health.clock.advance(ms);
    await server.health.detector.sweep();
    await settled();
  };
  const incidentsOf = async (stationId: string): Promise<Incident[]> => (await api('GET', `/api/v1/incidents?stationId=${stationId}`)).items;
  const incidentFor = async (stationId: string, rule: string) => (await incidentsOf(stationId)).find((i) => i.rule === rule);
  const runsOf = async (stationId: string): Promise<Run[]> => (await api('GET', `/api/v1/playbooks/runs?stationId=${stationId}`)).items;
  const finishedRun = async (incidentId: string, stationId: string): Promise<Run> => {
    await waitUntil(async () => (await runsOf(stationId)).some((r) => r.incidentId === incidentId && r.status !== 'running'), 120_000);
    return (await runsOf(stationId)).find((r) => r.incidentId === incidentId)!;
  };

  /** Every step a run took is in the audit log as a system action with its outcome. */
  async function assertAudited(stationId: string, run: Run): Promise<void> {
    const entries: Array<{ action: string; details: { runId?: string; outcome?: string } }> = (await api('GET', `/api/v1/audit?targetType=station&targetId=${stationId}&limit=100`)).items;
    const ofRun = entries.filter((e) => e.details?.runId === run.id);
    for (const step of run.steps) {
      assert.ok(ofRun.some((e) => e.action === `playbook ${step.action}` && e.details.outcome === step.outcome), `${stationId}: step ${step.action}=${step.outcome} audited (got ${JSON.stringify(ofRun)})`);
    }
  }

  /** The incident of the rule, the default playbook of `seedKey` ran on it, audited; the run's end. */
  async function healed(stationId: string, rule: string, seedKey: string): Promise<{ incident: Incident; run: Run }> {
    const opened = await incidentFor(stationId, rule);
    assert.ok(opened, `${stationId}: a ${rule} incident`);
    const run = await finishedRun(opened.id, stationId);
    assert.equal(seedKeyOf.get(run.playbookId), seedKey, `${stationId}: the ${seedKey} playbook ran (${JSON.stringify(run)})`);
    await assertAudited(stationId, run);
    const incident: Incident = await api('GET', `/api/v1/incidents/${opened.id}`);
    return { incident, run };
  }
  async function autoResolved(stationId: string, rule: string, seedKey: string): Promise<Run> {
    const { run } = await healed(stationId, rule, seedKey);
    assert.equal(run.status, 'resolved', JSON.stringify(run));
    await waitUntil(async () => (await api('GET', `/api/v1/incidents/${run.incidentId}`)).status === 'auto-resolved', 30_000);
    const incident: Incident = await api('GET', `/api/v1/incidents/${run.incidentId}`);
    assert.equal(incident.resolvedBy, 'automation');
    assert.equal((await api('GET', `/api/v1/work-orders?incidentId=${run.incidentId}`)).items.length, 0, 'no work order');
    return run;
  }
  async function workOrder(stationId: string, rule: string, seedKey: string): Promise<{ instructions: string; run: Run; incident: Incident }> {
    const { run, incident } = await healed(stationId, rule, seedKey);
    assert.equal(run.status, 'work-order', JSON.stringify(run));
    const orders: Array<{ id: string; instructions: string }> = (await api('GET', `/api/v1/work-orders?incidentId=${run.incidentId}`)).items;
    assert.equal(orders.length, 1);
    assert.equal(run.workOrderId, orders[0]!.id);
    assert.equal(incident.status, 'technician-dispatched');
    return { instructions: orders[0]!.instructions, run, incident };
  }

  before(async () => {
    server = await startTestServer({ ocpp: { heartbeatIntervalSeconds: 86_400 } });
    for (let i = 1; i <= 12; i++) await api('POST', '/api/v1/tokens', { idToken: `HC-TAG-${i}`, type: 'ISO14443' });
    await api('PATCH', '/api/v1/health/rules', {
      rules: {
        offline: { windowSeconds: OFFLINE_WINDOW_S }, flapping: { disconnects: 3, windowMinutes: 5 }, 'no-energy': { threshold: 2 },
        'stuck-status': { minutes: WINDOW_MIN }, 'meter-stalled': { minutes: WINDOW_MIN }, 'stuck-transaction': { minutes: WINDOW_MIN },
      },
    });
    // The default playbooks as seeded, with their delays and waits shortened for the test.
    const playbooks: Array<{ id: string; seedKey: string | null; trigger: Record<string, unknown>; steps: Array<{ action: string; waitSeconds: number }> }> = (await api('GET', '/api/v1/playbooks')).items;
    for (const p of playbooks) {
      seedKeyOf.set(p.id, p.seedKey ?? '');
      const steps = p.steps.map((s) => ({ ...s, waitSeconds: s.action === 'work-order' ? 0 : p.seedKey === 'offline' ? 60 : STEP_WAIT }));
      await api('PATCH', `/api/v1/playbooks/${p.id}`, { trigger: { ...p.trigger, delaySeconds: 0 }, steps, cooldownSeconds: 0 });
    }
    assert.ok([...seedKeyOf.values()].includes('stuck-transaction') && [...seedKeyOf.values()].includes('flapping'));
  });

  after(async () => {
    await Promise.all(stations.map((s) => s.stop()));
    await server?.stop();
  });

  const healthy: SimulatedStation[] = [];
  it('healthy stations (1.6 and 2.0.1) connect next to the faulty ones', async () => {
    for (const version of VERSIONS) healthy.push(await station('HEALTHY', version));
  });

  for (const version of VERSIONS) {
    const v = tagOf(version);

    it(`${version}: offline is detected once the window has passed (B04 connection loss), and clears when the station returns: auto-resolved`, async () => {
      const s = await station('OFFLINE', version);
      await injectFault(s, { kind: 'offline' });
      await waitUntil(() => !server.channel.isConnected(s.stationId));
      await settled();
      await later((OFFLINE_WINDOW_S - 2) * 1000);
      assert.equal(await incidentFor(s.stationId, EXPECTED_RULE.offline), undefined, 'not before the window');
      await later(3000);
      const incident = await incidentFor(s.stationId, 'offline');
      assert.ok(incident, 'detected once the window passed');
      // The playbook asks for a status (refused: offline) and waits; the station comes back meanwhile.
      await waitUntil(async () => (await runsOf(s.stationId)).some((r) => r.steps.length > 0));
      await s.goOnline();
      await autoResolved(s.stationId, 'offline', 'offline');
    });

    it(`${version}: flapping (3 drops in the window, each shorter than the offline window) -> flapping playbook -> work order`, async () => {
      const s = await station('FLAP', version);
      await injectFault(s, { kind: 'flapping', times: 2, downSeconds: 0, upSeconds: 0 }, quick);
      await settled();
      assert.equal(await incidentFor(s.stationId, 'flapping'), undefined, 'two drops are not flapping');
      await injectFault(s, { kind: 'flapping', times: 1, downSeconds: 0, upSeconds: 0 }, quick);
      await settled();
      assert.equal(await incidentFor(s.stationId, 'offline'), undefined, 'never offline for the offline window');
      const { instructions, incident } = await workOrder(s.stationId, 'flapping', 'flapping');
      // No code on a flapping link: the knowledge base explains it by the rule (chargeops.rule.flapping).
      assert.equal(incident.kb?.entryId, 'chargeops.rule.flapping');
      assert.doesNotMatch(instructions, /No knowledge-base entry/);
      assert.match(instructions, /signal strength/);
    });

    it(`${version}: failed starts (sessions ending with 0 Wh, twice) -> no-energy playbook -> work order`, async () => {
      const s = await station('NOSTART', version);
      await injectFault(s, { kind: 'failed-start', connectorId: 1, idToken: `HC-TAG-${v === '16' ? 1 : 2}`, seconds: 1, times: 1 }, quick);
      await settled();
      assert.equal(await incidentFor(s.stationId, 'no-energy'), undefined, 'one empty session is not yet a fault');
      await injectFault(s, { kind: 'failed-start', connectorId: 1, idToken: `HC-TAG-${v === '16' ? 1 : 2}`, seconds: 1, times: 1 }, quick);
      await settled();
      await workOrder(s.stationId, EXPECTED_RULE['failed-start'], 'no-energy');
    });

    it(`${version}: stuck in Preparing (2.x: Occupied without a session) past the window -> stuck-status playbook; the status it asks for clears it: auto-resolved`, async () => {
      const s = await station('PREP', version);
      await injectFault(s, { kind: 'stuck-preparing', connectorId: 1 });
      await settled();
      await later(WINDOW_MIN * 60_000 - 5000);
      assert.equal(await incidentFor(s.stationId, 'stuck-status'), undefined, 'not before the window');
      await later(6000);
      const run = await autoResolved(s.stationId, EXPECTED_RULE['stuck-preparing'], 'stuck-status');
      assert.equal(run.steps[0]?.action, 'trigger-status');
    });

    it(`${version}: frozen meter (Charging, register not moving) past the window -> meter-stalled playbook; the status it asks for ends Charging: auto-resolved`, async () => {
      const s = await station('FROZEN', version);
      const gate = gatedSleeper();
      const fault: Fault = { kind: 'frozen-meter', connectorId: 1, idToken: `HC-TAG-${v === '16' ? 3 : 4}`, seconds: 2, intervalSeconds: 1 };
      const running = injectFault(s, fault, gate.sleep);
      await waitUntil(() => gate.waiting() > 0);
      gate.step(); // one meter sample with the same register reading
      await waitUntil(() => gate.waiting() > 0);
      await settled();
      await later(WINDOW_MIN * 60_000 - 5000);
      assert.equal(await incidentFor(s.stationId, 'meter-stalled'), undefined, 'not before the window');
      await later(6000);
      await autoResolved(s.stationId, EXPECTED_RULE['frozen-meter'], 'meter-stalled');
      gate.step(); // the station stops the transaction
      await running;
      await settled();
    });

    it(`${version}: stuck transaction (the station forgot it, connector Available) past the window -> stuck-transaction playbook: status, remote stop (refused), work order`, async () => {
      const s = await station('STUCKTX', version);
      await injectFault(s, { kind: 'stuck-transaction', connectorId: 1, idToken: `HC-TAG-${v === '16' ? 5 : 6}` });
      await settled();
      await later(WINDOW_MIN * 60_000 - 5000);
      assert.equal(await incidentFor(s.stationId, 'stuck-transaction'), undefined, 'not before the window');
      await later(6000);
      const { run } = await workOrder(s.stationId, EXPECTED_RULE['stuck-transaction'], 'stuck-transaction');
      assert.deepEqual(run.steps.map((step) => step.action), ['trigger-status', 'clear-transaction', 'work-order']);
      // Losing the link is no repair: the fault and its work order survive an outage.
      await s.goOffline();
      await waitUntil(() => !server.channel.isConnected(s.stationId));
      await settled();
      await later(OFFLINE_WINDOW_S * 1000 + 1000);
      assert.equal((await api('GET', `/api/v1/incidents/${run.incidentId}`)).status, 'technician-dispatched');
      assert.deepEqual((await api('GET', `/api/v1/stations/${s.stationId}/health`)).alerts.map((a: { rule: string }) => a.rule).sort(), ['offline', 'stuck-transaction']);
      await s.goOnline();
    });
  }

  it('ocpp1.6: vendor error GroundFailure (a safety code, in the knowledge base) -> faulted-safety playbook: connector inoperative, work order with the KB instructions', async () => {
    const s = await station('GROUND', 'ocpp1.6');
    await injectFault(s, { kind: 'vendor-error', connectorId: 1, errorCode: 'GroundFailure', vendorErrorCode: 'GF-01' });
    await settled();
    const { instructions, run, incident } = await workOrder(s.stationId, EXPECTED_RULE['vendor-error'], 'faulted-safety');
    assert.ok(incident.kb?.entryId, `explained by the knowledge base: ${JSON.stringify(incident)}`);
    assert.deepEqual(run.steps.map((step) => [step.action, step.outcome]), [['set-inoperative', 'accepted'], ['work-order', 'work-order-opened']]);
    assert.doesNotMatch(instructions, /No knowledge-base entry/);
    assert.match(instructions, /ground|earth/i);
  });

  it('ocpp1.6: vendor error HighTemperature (not a safety code) -> faulted playbook; the status it asks for is Available again: auto-resolved', async () => {
    const s = await station('HOT', 'ocpp1.6');
    await injectFault(s, { kind: 'vendor-error', connectorId: 1, errorCode: 'HighTemperature', vendorErrorCode: 'T-85' });
    await settled();
    await autoResolved(s.stationId, 'faulted', 'faulted');
  });

  it('ocpp2.0.1: vendor error (Faulted + NotifyEvent techCode) -> faulted playbook; the status it asks for is Available again: auto-resolved', async () => {
    const s = await station('FAULT', 'ocpp2.0.1');
    await injectFault(s, { kind: 'vendor-error', connectorId: 1, errorCode: 'OtherError', vendorId: 'https://chargex.inl.gov', vendorErrorCode: 'CX001' });
    await settled();
    await autoResolved(s.stationId, 'faulted', 'faulted');
  });

  it('healthy stations got no alert, no incident and no playbook run through all of it', async () => {
    for (const s of healthy) {
      assert.deepEqual(await incidentsOf(s.stationId), [], s.stationId);
      assert.deepEqual(await runsOf(s.stationId), [], s.stationId);
      assert.deepEqual((await api('GET', `/api/v1/stations/${s.stationId}/health`)).alerts, [], s.stationId);
    }
  });
});
