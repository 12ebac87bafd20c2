// Self-healing playbooks over real WebSocket connections (issue 6 item 4): simulated OCPP 1.6
// stations fault, DETECT's real detector opens incidents, and the playbooks act through
// RemoteControlService. OPS's WorkOrderService is not committed yet: work orders go to a small
// in-test opener with the contract's shape.
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { startTestServer, waitUntil } from '../../testing/test-server.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import type { WorkOrderOpener } from './ports.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Order = Parameters<WorkOrderOpener['open']>[1] & { tenantId: string };

describe('self-healing playbooks over real connections (issue 6)', () => {
  let server: Server;
  const stations: SimulatedStation[] = [];
  const events: DomainEvent[] = [];
  const orders: Order[] = [];
  /** Incident ids of the alerts cleared, in order. */
  const clearedAlerts: string[] = [];
  /** Playbooks a test created: switched off after it, passed or failed, so none leaks into the next test. */
  const created: string[] = [];

  before(async () => {
    server = await startTestServer({ ocpp: { heartbeatIntervalSeconds: 86_400 } });
    server.events.subscribe((event) => {
      if (event.type === 'playbook.action-taken') events.push(event);
      if (event.type === 'health.alert-cleared') clearedAlerts.push(String(event.data['incidentId']));
    });
    server.playbooks.runner!.connectWorkOrders({
      open: async (tenantId, order) => {
        orders.push({ tenantId, ...order });
        return { id: `wo-${orders.length}` };
      },
    });
    // The defaults are seeded on first use; these tests run their own playbooks.
    const defaults = await server.api.request('GET', '/api/v1/playbooks');
    assert.ok(defaults.body.items.length >= 9, JSON.stringify(defaults.body));
    for (const playbook of defaults.body.items) {
      assert.equal((await server.api.request('PATCH', `/api/v1/playbooks/${playbook.id}`, { enabled: false })).status, 200);
    }
  });

  afterEach(async () => {
    for (const id of created.splice(0)) await disable(id);
  });

  after(async () => {
    await Promise.all(stations.map((station) => station.stop()));
    await server?.stop();
  });

  async function station(stationId: string): Promise<{ sim: SimulatedStation; received: string[] }> {
    const sim = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId, version: 'ocpp1.6', connectors: 2, callTimeoutMs: 5000 });
    stations.push(sim);
    assert.equal((await sim.start()).status, 'Accepted');
    const received: string[] = [];
    sim.on('callReceived', (action) => received.push(action));
    return { sim, received };
  }

  async function playbook(body: Record<string, unknown>): Promise<string> {
    const answer = await server.api.request('POST', '/api/v1/playbooks', { cooldownSeconds: 0, attemptWindowSeconds: 3600, maxAttempts: 5, ...body });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    created.push(answer.body.id);
    return answer.body.id;
  }

  async function disable(id: string): Promise<void> {
    assert.equal((await server.api.request('PATCH', `/api/v1/playbooks/${id}`, { enabled: false })).status, 200);
  }

  async function runsOf(stationId: string): Promise<any[]> {
    return (await server.api.request('GET', `/api/v1/playbooks/runs?stationId=${stationId}`)).body.items;
  }

  async function finishedRun(stationId: string, count = 1): Promise<any> {
    await waitUntil(async () => (await runsOf(stationId)).filter((r) => r.status !== 'running').length >= count, 20_000);
    return (await runsOf(stationId))[0];
  }

  const incident = async (id: string) => (await server.api.request('GET', `/api/v1/incidents/${id}`)).body;

  it('runs its steps in order, audited and published, and stops when the alert clears (TC: trigger, soft reset; no hard reset)', async () => {
    const id = await playbook({
      name: 'order', trigger: { rules: ['faulted'] },
      steps: [{ action: 'trigger-status', waitSeconds: 1 }, { action: 'soft-reset', waitSeconds: 30 }, { action: 'hard-reset', waitSeconds: 1 }, { action: 'work-order', waitSeconds: 0 }],
    });
    const { sim, received } = await station('PB-ORDER');
    await sim.setConnectorStatus(1, 'Faulted');
    await waitUntil(() => received.includes('Reset'), 20_000);
    assert.deepEqual(received.filter((a) => a === 'TriggerMessage' || a === 'Reset'), ['TriggerMessage', 'Reset']);
    await sim.setConnectorStatus(1, 'Available'); // the soft reset "worked"

    const run = await finishedRun('PB-ORDER');
    assert.equal(run.status, 'resolved', JSON.stringify(run));
    assert.equal(run.playbookId, id);
    assert.deepEqual(run.steps.map((s: any) => [s.action, s.outcome, s.cleared]), [['trigger-status', 'accepted', false], ['soft-reset', 'accepted', true]]);
    assert.ok(run.steps.every((s: any) => typeof s.commandId === 'string'));
    assert.ok(!received.includes('ChangeAvailability') && received.filter((a) => a === 'Reset').length === 1, 'no hard reset after the alert cleared');
    assert.equal(orders.length, 0);

    const closed = await incident(run.incidentId);
    assert.equal(closed.status, 'auto-resolved');
    assert.equal(closed.resolvedBy, 'automation');
    assert.ok(closed.remoteStartedAt, 'the playbook moved the incident to remote troubleshooting');
    assert.deepEqual(events.filter((e) => e.data['incidentId'] === run.incidentId).map((e) => [e.data['action'], e.data['outcome']]),
      [['trigger-status', 'accepted'], ['soft-reset', 'accepted']]);
    const audit = await server.api.request('GET', '/api/v1/audit?limit=200');
    const automated = audit.body.items.filter((e: any) => e.actorId === `system:playbook:${id}` && e.action.startsWith('playbook '));
    assert.deepEqual(automated.map((e: any) => e.action).sort(), ['playbook soft-reset', 'playbook trigger-status']);
    assert.ok(automated.every((e: any) => e.actorType === 'system'));
  });

  it('never resets a station while a car charges there (allowDuringSession false): the reset is skipped, then a work order', async () => {
    await playbook({
      name: 'guard', trigger: { rules: ['faulted'] }, allowDuringSession: false,
      steps: [{ action: 'soft-reset', waitSeconds: 1 }, { action: 'work-order', waitSeconds: 0 }],
    });
    assert.equal((await server.api.request('POST', '/api/v1/tokens', { idToken: 'PB-TAG-1', type: 'ISO14443' })).status, 201);
    const { sim, received } = await station('PB-GUARD');
    const start = await sim.call('StartTransaction', { connectorId: 2, idTag: 'PB-TAG-1', meterStart: 0, timestamp: new Date().toISOString() });
    assert.equal(start.kind, 'result');
    await waitUntil(async () => ((await server.api.request('GET', '/api/v1/sessions?stationId=PB-GUARD')).body.items ?? []).some((s: any) => s.status === 'active'), 20_000);
    await sim.setConnectorStatus(1, 'Faulted');

    const run = await finishedRun('PB-GUARD');
    assert.equal(run.status, 'work-order', JSON.stringify(run));
    assert.deepEqual(run.steps.map((s: any) => [s.action, s.outcome]), [['soft-reset', 'skipped-session'], ['work-order', 'work-order-opened']]);
    assert.ok(!received.includes('Reset'));
    assert.equal((await incident(run.incidentId)).status, 'technician-dispatched');
  });

  it('respects its cooldown: a new fault soon after a run is left alone', async () => {
    await playbook({ name: 'cool', trigger: { rules: ['faulted'] }, cooldownSeconds: 3600, steps: [{ action: 'trigger-status', waitSeconds: 30 }] });
    const { sim, received } = await station('PB-COOL');
    await sim.setConnectorStatus(1, 'Faulted');
    await waitUntil(() => received.includes('TriggerMessage'), 20_000);
    await sim.setConnectorStatus(1, 'Available');
    await finishedRun('PB-COOL');
    await sim.setConnectorStatus(1, 'Faulted');
    const second = await finishedRun('PB-COOL', 2);
    assert.equal(second.status, 'skipped');
    assert.match(second.reason, /^cooldown until /);
    assert.deepEqual(second.steps, []);
    assert.equal(received.filter((a) => a === 'TriggerMessage').length, 1);
    await sim.setConnectorStatus(1, 'Available');
  });

  it('gives up after its steps and opens a work order with the knowledge base\'s instructions; past the attempt limit, straight to the work order', async () => {
    await playbook({
      name: 'limit', trigger: { rules: ['faulted'] }, maxAttempts: 1,
      steps: [{ action: 'trigger-status', waitSeconds: 1 }, { action: 'soft-reset', waitSeconds: 1 }, { action: 'work-order', waitSeconds: 0 }],
    });
    const { sim, received } = await station('PB-LIMIT');
    await sim.call('StatusNotification', { connectorId: 1, status: 'Faulted', errorCode: 'HighTemperature', timestamp: new Date().toISOString() });
    await sim.setConnectorStatus(1, 'Faulted'); // the station keeps reporting Faulted when asked

    const run = await finishedRun('PB-LIMIT');
    assert.equal(run.status, 'work-order', JSON.stringify(run));
    assert.deepEqual(run.steps.map((s: any) => [s.action, s.cleared]), [['trigger-status', false], ['soft-reset', false], ['work-order', null]]);
    const order = orders.find((o) => o.stationId === 'PB-LIMIT')!;
    assert.equal(order.incidentId, run.incidentId);
    assert.equal(order.evseId, 1);
    assert.match(order.instructions, /Check fans, filters and vents/, 'the knowledge base entry for HighTemperature');
    assert.match(order.instructions, /ocpp16|openchargealliance/i);
    assert.ok(order.checklist.length >= 2);
    assert.equal(run.workOrderId, `wo-${orders.indexOf(order) + 1}`);
    assert.equal((await incident(run.incidentId)).status, 'technician-dispatched');

    // The person resolves it; the fault comes back: the attempt limit (1) is reached.
    assert.equal((await server.api.request('POST', `/api/v1/incidents/${run.incidentId}/transitions`, { to: 'resolved', note: 'fan replaced' })).status, 200);
    await sim.setConnectorStatus(1, 'Available');
    // The detector must see the repair before the fault comes back, or it is one fault, never cleared.
    await waitUntil(() => clearedAlerts.includes(run.incidentId), 20_000);
    const resets = received.filter((a) => a === 'Reset').length;
    await sim.setConnectorStatus(1, 'Faulted');
    const again = await finishedRun('PB-LIMIT', 2);
    assert.equal(again.status, 'work-order');
    assert.match(again.reason, /^attempt limit/);
    assert.deepEqual(again.steps.map((s: any) => s.action), ['work-order']);
    assert.equal(received.filter((a) => a === 'Reset').length, resets, 'no remote step past the limit');
  });

  it('reports the share of incidents resolved without a person', async () => {
    const stats = await server.api.request('GET', `/api/v1/playbooks/stats?from=2020-01-01T00:00:00Z&to=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    assert.equal(stats.status, 200);
    // resolved by automation: the order test's run and the cooldown test's first run; handled also counts the three work orders.
    assert.equal(stats.body.resolvedByAutomation, 2);
    assert.equal(stats.body.workOrders, 3, 'the guard test and both incidents of the limit test');
    assert.equal(stats.body.handled, 5);
    assert.equal(stats.body.resolvedWithoutPersonShare, 2 / 5);
  });

  it('ends a step\'s wait when the fault cleared while the step was still being recorded (the clear is not slept through)', async () => {
    await playbook({ name: 'quick-clear', trigger: { rules: ['faulted'] }, steps: [{ action: 'soft-reset', waitSeconds: 600 }, { action: 'work-order', waitSeconds: 0 }] });
    const { sim } = await station('PB-QUICK');
    // The station reports the repair before it answers the Reset: the alert clears while the runner
    // is still recording the step, before its 600 s wait begins. Only the latched wake-up ends that wait.
    sim.on('callReceived', (action) => { if (action === 'Reset') void sim.setConnectorStatus(1, 'Available'); });
    await sim.setConnectorStatus(1, 'Faulted');
    const run = await finishedRun('PB-QUICK');
    assert.equal(run.status, 'resolved', JSON.stringify(run));
    assert.deepEqual(run.steps.map((s: any) => [s.action, s.outcome, s.cleared]), [['soft-reset', 'accepted', true]]);
    assert.equal(orders.filter((o) => o.stationId === 'PB-QUICK').length, 0);
  });

  it('runs the playbook of an alert raised on the incident while another playbook was healing it, once that run ends', async () => {
    const fault = await playbook({ name: 'station-fault', trigger: { rules: ['faulted'] }, steps: [{ action: 'soft-reset', waitSeconds: 5 }] });
    const drift = await playbook({ name: 'drift', trigger: { rules: ['clock-drift'] }, steps: [{ action: 'trigger-status', waitSeconds: 1 }] });
    const { sim, received } = await station('PB-PENDING');
    // Connector 0 (the station as a whole) faults: the incident opens and the fault playbook starts.
    await sim.setConnectorStatus(0, 'Faulted');
    await waitUntil(() => received.includes('Reset'), 20_000);
    // While it waits, the station's clock jumps an hour ahead: a second alert (clock-drift) on the same incident.
    await sim.call('StatusNotification', { connectorId: 0, status: 'Faulted', errorCode: 'NoError', timestamp: new Date(Date.now() + 3_600_000).toISOString() });

    await waitUntil(async () => (await runsOf('PB-PENDING')).filter((r) => r.status !== 'running').length >= 2, 30_000);
    const [second, first] = await runsOf('PB-PENDING');
    assert.equal(first.playbookId, fault, JSON.stringify(first));
    assert.equal(second.playbookId, drift, JSON.stringify(second));
    assert.equal(second.incidentId, first.incidentId, 'one incident, two alerts');
    assert.equal(second.rule, 'clock-drift');
    assert.ok(second.startedAt >= first.finishedAt, 'the second run started after the first ended');
    assert.deepEqual(second.steps.map((s: any) => [s.action, s.outcome]), [['trigger-status', 'accepted']]);
    assert.ok(received.includes('TriggerMessage'));
  });
});
