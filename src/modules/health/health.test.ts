// Network health over real WebSocket connections (issue 6 items 1 and 3): simulated OCPP 1.6
// stations fail next to healthy ones; the detector's clock is moved forward instead of waiting
// minutes. Each rule fires, clears, and leaves the healthy station alone; incidents move through
// their lifecycle; an SLA breach is mailed to the escalation list through a local SMTP sink.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { SimulatedStation } from '../../simulator/simulated-station.js';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import type { DomainEvent } from '../../infra/events/event-bus.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Mail = { to: string[]; text: string };

async function startSmtpSink(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((rcpt) => rcpt.address), text: Buffer.concat(chunks).toString('utf8').replace(/=\r?\n/g, '') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.server.address() as AddressInfo).port, mails, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

describe('network health over real connections (issue 6)', () => {
  let server: Server;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  const stations: SimulatedStation[] = [];
  const events: DomainEvent[] = [];

  before(async () => {
    smtp = await startSmtpSink();
    // A day between heartbeats: moving the detector's clock by minutes never makes a station "silent"
    // unless a test asks for it.
    server = await startTestServer({
      ocpp: { heartbeatIntervalSeconds: 86_400 },
      smtp: { host: '127.0.0.1', port: smtp.port, from: 'ChargeOps <ops@example.test>' },
    });
    server.events.subscribe((event) => { if (event.type.startsWith('health.') || event.type.startsWith('incident.')) events.push(event); });
  });

  after(async () => {
    await Promise.all(stations.map((station) => station.stop()));
    await server?.stop();
    await smtp?.close();
  });

  async function station(stationId: string): Promise<SimulatedStation> {
    const sim = new SimulatedStation({ url: `ws://127.0.0.1:${server.port}/ocpp`, stationId, version: 'ocpp1.6', connectors: 2, callTimeoutMs: 5000 });
    stations.push(sim);
    const boot = await sim.start();
    assert.equal(boot.status, 'Accepted');
    await settled();
    return sim;
  }

  const settled = async () => {
    // The bus delivers after the COMMIT; the detector then queues its work per station.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await server.health.detector.settled();
  };
  const later = async (ms: number) => {
    server.health.clock.advance(ms);
    await server.health.detector.sweep();
  };
  const healthOf = async (stationId: string) => {
    const answer = await server.api.request('GET', `/api/v1/stations/${stationId}/health`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    return answer.body as { online: boolean; alerts: Array<{ rule: string; code: string | null; incidentId: string; evseId: number | null }>; incidents: Array<{ id: string; status: string }> };
  };
  const rulesOf = async (stationId: string) => (await healthOf(stationId)).alerts.map((a) => a.rule);
  const incident = async (id: string) => (await server.api.request('GET', `/api/v1/incidents/${id}`)).body;

  it('offline: a disconnect raises nothing within the 2-minute window, an alert after it, and the reconnect clears it (auto-resolved)', async () => {
    const healthy = await station('HL-OFF-OK');
    const failing = await station('HL-OFF-KO');
    await failing.goOffline();
    await waitUntil(() => events.some((e) => e.type === 'health.alert-raised') || !server.channel.isConnected('HL-OFF-KO'));
    await settled();
    await later(110_000);
    assert.deepEqual(await rulesOf('HL-OFF-KO'), []);
    await later(15_000);
    const down = await healthOf('HL-OFF-KO');
    assert.deepEqual(down.alerts.map((a) => a.rule), ['offline']);
    assert.equal(down.incidents.length, 1);
    assert.deepEqual(await rulesOf(healthy.stationId), [], 'the healthy station next to it gets nothing');
    const incidentId = down.incidents[0]!.id;
    const opened = await incident(incidentId);
    assert.equal(opened.status, 'open');
    assert.equal(opened.severity, 'critical');
    assert.ok(Date.parse(opened.detectedAt) < Date.parse(opened.openedAt) - 100_000, 'detectedAt is the disconnect, not the sweep');
    // No code on an offline fault: the knowledge base explains it by the rule (fleet-hour run finding).
    assert.equal(opened.kb?.entryId, 'chargeops.rule.offline', JSON.stringify(opened.kb));
    assert.ok(opened.kb.meaning && opened.kb.probableCause && opened.kb.technicianInstructions && /https:\/\//.test(opened.kb.source));
    assert.equal(opened.alerts[0].details.kb?.entryId, 'chargeops.rule.offline', 'the alert carries it too');

    await failing.goOnline();
    await settled();
    assert.deepEqual(await rulesOf('HL-OFF-KO'), []);
    const closed = await incident(incidentId);
    assert.equal(closed.status, 'auto-resolved');
    assert.equal(closed.resolvedBy, 'automation');
    assert.ok(closed.alerts[0].clearedAt);
    assert.deepEqual(closed.timeline.map((entry: { kind: string }) => entry.kind), ['opened', 'alert-raised', 'alert-cleared', 'status']);
    const types = events.filter((e) => e.data['incidentId'] === incidentId).map((e) => e.type);
    assert.deepEqual(types, ['incident.opened', 'health.alert-raised', 'health.alert-cleared', 'incident.resolved']);
  });

  it('faulted: StatusNotification Faulted with a vendor code raises at once with the code; Available clears it', async () => {
    const healthy = await station('HL-FLT-OK');
    const failing = await station('HL-FLT-KO');
    await failing.call('StatusNotification', { connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure', vendorErrorCode: 'E-17' });
    await settled();
    const down = await healthOf('HL-FLT-KO');
    assert.deepEqual(down.alerts.map((a) => [a.rule, a.code, a.evseId]), [['faulted', 'E-17', 2]]);
    assert.deepEqual(await rulesOf(healthy.stationId), []);
    await failing.setConnectorStatus(2, 'Available');
    await settled();
    assert.deepEqual(await rulesOf('HL-FLT-KO'), []);
    assert.equal((await incident(down.incidents[0]!.id)).status, 'auto-resolved');
  });

  it('unavailable: commanded by ChangeAvailability raises nothing, an unexpected one raises after the grace period', async () => {
    const commanded = await station('HL-UNA-CMD');
    const unexpected = await station('HL-UNA-KO');
    const answer = await server.api.request('POST', `/api/v1/stations/${commanded.stationId}/availability`, { operative: false, connectorId: 1 });
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    await waitUntil(() => commanded.connectorStatus(1) === 'Unavailable');
    await unexpected.setConnectorStatus(1, 'Unavailable');
    await settled();
    assert.deepEqual(await rulesOf('HL-UNA-KO'), [], 'within the grace period');
    await later(61_000);
    assert.deepEqual(await rulesOf('HL-UNA-KO'), ['unavailable']);
    assert.deepEqual(await rulesOf('HL-UNA-CMD'), []);
  });

  it('stuck: a connector in Preparing for 15 minutes raises, unplugging clears', async () => {
    const healthy = await station('HL-STK-OK');
    const stuck = await station('HL-STK-KO');
    await stuck.sessions.plugIn(1);
    await settled();
    await later(14 * 60_000);
    assert.deepEqual(await rulesOf('HL-STK-KO'), []);
    await later(61_000);
    assert.deepEqual(await rulesOf('HL-STK-KO'), ['stuck-status']);
    assert.deepEqual(await rulesOf(healthy.stationId), []);
    await stuck.sessions.unplug(1);
    await settled();
    assert.deepEqual(await rulesOf('HL-STK-KO'), []);
  });

  it('clock drift: a station stamping its messages an hour ahead raises; a correct clock clears', async () => {
    const drifting = await station('HL-CLK-KO');
    await drifting.call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError', timestamp: new Date(Date.now() + 3_600_000).toISOString() });
    await settled();
    assert.deepEqual(await rulesOf('HL-CLK-KO'), ['clock-drift']);
    await drifting.call('StatusNotification', { connectorId: 1, status: 'Available', errorCode: 'NoError', timestamp: new Date().toISOString() });
    await settled();
    assert.deepEqual(await rulesOf('HL-CLK-KO'), []);
  });

  it('failed starts: three remote starts in a row answered Rejected raise; a session starting clears', async () => {
    const raw = await RawStation.connect(server.baseUrl, 'HL-START-KO', ['ocpp1.6']);
    try {
      await raw.call('BootNotification', { chargePointVendor: 'V', chargePointModel: 'M' });
      await settled();
      for (let attempt = 1; attempt <= 3; attempt++) {
        const [answer] = await Promise.all([
          server.api.request('POST', '/api/v1/stations/HL-START-KO/remote-start', { idToken: 'DRIVER-1', evseId: 1 }),
          raw.answerNext('RemoteStartTransaction', { status: 'Rejected' }),
        ]);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        await settled();
        assert.deepEqual(await rulesOf('HL-START-KO'), attempt < 3 ? [] : ['failed-starts'], `after ${attempt} rejection(s)`);
      }
      await raw.call('StartTransaction', { connectorId: 1, idTag: 'DRIVER-1', meterStart: 0, timestamp: new Date().toISOString() });
      await settled();
      assert.deepEqual(await rulesOf('HL-START-KO'), []);
    } finally {
      await raw.close();
    }
  });

  it('frozen meter: Charging with the register flat for 10 minutes raises meter-stalled, explained by the knowledge base (OCPP 1.6 4.7 MeterValues)', async () => {
    const sim = await station('HL-MTR-KO');
    const outcome = await sim.call('StartTransaction', { connectorId: 1, idTag: 'DRIVER-3', meterStart: 1000, timestamp: new Date().toISOString() });
    assert.equal(outcome.kind, 'result');
    const transactionId = (outcome as { payload: { transactionId: number } }).payload.transactionId;
    await sim.call('StatusNotification', { connectorId: 1, status: 'Charging', errorCode: 'NoError' });
    const meter = (wh: number) => sim.call('MeterValues', {
      connectorId: 1, transactionId, meterValue: [{ timestamp: new Date().toISOString(), sampledValue: [{ value: String(wh), measurand: 'Energy.Active.Import.Register', unit: 'Wh' }] }],
    });
    await meter(1500);
    await settled();
    await meter(1500);
    await settled();
    await later(11 * 60_000);
    const down = await healthOf('HL-MTR-KO');
    assert.deepEqual(down.alerts.map((a) => a.rule), ['meter-stalled']);
    const opened = await incident(down.incidents[0]!.id);
    assert.equal(opened.kb?.entryId, 'chargeops.rule.meter-stalled', JSON.stringify(opened.kb));
    assert.equal(opened.kb.remoteAction, 'trigger-status');
    assert.match(opened.kb.source, /4\.7 MeterValues/);
  });

  it('no energy: two sessions in a row ending with 0 Wh on a connector raise; a session with energy clears', async () => {
    const sim = await station('HL-NOE-KO');
    const session = async (wh: number) => {
      const outcome = await sim.call('StartTransaction', { connectorId: 2, idTag: 'DRIVER-2', meterStart: 1000, timestamp: new Date().toISOString() });
      assert.equal(outcome.kind, 'result');
      const transactionId = (outcome as { payload: { transactionId: number } }).payload.transactionId;
      await sim.call('StopTransaction', { transactionId, meterStop: 1000 + wh, timestamp: new Date().toISOString(), idTag: 'DRIVER-2' });
      await settled();
    };
    await session(0);
    assert.deepEqual(await rulesOf('HL-NOE-KO'), []);
    await session(0);
    const down = await healthOf('HL-NOE-KO');
    assert.deepEqual(down.alerts.map((a) => [a.rule, a.evseId]), [['no-energy', 2]]);
    await session(5000);
    assert.deepEqual(await rulesOf('HL-NOE-KO'), []);
  });

  it('lifecycle: forward moves are accepted, backward or final ones get 409 invalid_transition and change nothing; a person acting stops auto-resolve', async () => {
    const sim = await station('HL-LIFE');
    await sim.call('StatusNotification', { connectorId: 1, status: 'Faulted', errorCode: 'PowerMeterFailure' });
    await settled();
    const [open] = (await healthOf('HL-LIFE')).incidents;
    const move = (to: string, note?: string) => server.api.request('POST', `/api/v1/incidents/${open!.id}/transitions`, { to, ...(note ? { note } : {}) });
    assert.equal((await move('acknowledged')).status, 200);
    const back = await move('open');
    assert.equal(back.status, 409);
    assert.equal(back.body.code, 'invalid_transition');
    assert.equal((await move('auto-resolved')).body.code, 'invalid_transition');
    assert.equal((await move('remote-troubleshooting')).status, 200);
    assert.equal((await move('acknowledged')).status, 409);
    assert.equal((await incident(open!.id)).status, 'remote-troubleshooting');

    await sim.setConnectorStatus(1, 'Available');
    await settled();
    assert.equal((await incident(open!.id)).status, 'remote-troubleshooting', 'a person acted: the person resolves');
    const resolved = await move('resolved', 'replaced the meter');
    assert.equal(resolved.status, 200);
    assert.equal(resolved.body.resolvedBy, 'person');
    assert.equal(resolved.body.resolution, 'replaced the meter');
    assert.equal((await move('technician-dispatched')).status, 409);
    assert.equal((await server.api.request('POST', '/api/v1/incidents/inc_missing/transitions', { to: 'resolved' })).status, 404);
    assert.equal((await server.api.request('POST', `/api/v1/incidents/${open!.id}/transitions`, { to: 'closed' })).status, 400);
    const listed = await server.api.request('GET', '/api/v1/incidents?stationId=HL-LIFE&status=resolved');
    assert.deepEqual(listed.body.items.map((i: { id: string }) => i.id), [open!.id]);
  });

  it('rules API: defaults, a bad change is refused with 422 and changes nothing, a good one applies', async () => {
    const defaults = await server.api.request('GET', '/api/v1/health/rules');
    assert.equal(defaults.body.rules.offline.windowSeconds, 120);
    assert.equal(defaults.body.sla.detectMinutes, 60);
    const bad = await server.api.request('PATCH', '/api/v1/health/rules', { rules: { offline: { windowSeconds: 1 } }, notifications: { recipients: ['not-an-address'] } });
    assert.equal(bad.status, 422);
    assert.equal(bad.body.code, 'invalid_health_rules');
    assert.deepEqual((await server.api.request('GET', '/api/v1/health/rules')).body, defaults.body);
    assert.equal((await server.api.request('PATCH', '/api/v1/health/rules', { rules: { nonsense: {} } })).status, 400);
    const good = await server.api.request('PATCH', '/api/v1/health/rules', { rules: { 'stuck-status': { minutes: 30 } } });
    assert.equal(good.status, 200);
    assert.equal(good.body.rules['stuck-status'].minutes, 30);
    assert.equal(good.body.rules.offline.windowSeconds, 120);
  });

  it('notifications and SLA: an incident is mailed to the recipients; the detect clock breaches and escalates by mail', async () => {
    const patched = await server.api.request('PATCH', '/api/v1/health/rules', {
      sla: { detectMinutes: 5, remoteMinutes: 10, dispatchMinutes: 60 },
      notifications: { recipients: ['ops@example.test'], escalation: ['boss@example.test'], minSeverity: 'major' },
    });
    assert.equal(patched.status, 200, JSON.stringify(patched.body));
    const sim = await station('HL-SLA');
    await sim.call('StatusNotification', { connectorId: 1, status: 'Faulted', errorCode: 'HighTemperature' });
    await settled();
    const [open] = (await healthOf('HL-SLA')).incidents;
    await waitUntil(() => smtp.mails.some((m) => m.text.includes(open!.id)));
    assert.deepEqual(smtp.mails.filter((m) => m.text.includes(open!.id)).map((m) => m.to), [['ops@example.test']]);

    await later(4 * 60_000);
    assert.equal(events.filter((e) => e.type === 'incident.sla-breached' && e.data['incidentId'] === open!.id).length, 0);
    await later(2 * 60_000);
    const breaches = events.filter((e) => e.type === 'incident.sla-breached' && e.data['incidentId'] === open!.id);
    assert.deepEqual(breaches.map((e) => e.data['clock']), ['detect']);
    await server.health.detector.sweep();
    assert.equal(events.filter((e) => e.type === 'incident.sla-breached' && e.data['incidentId'] === open!.id).length, 1, 'reported once');
    await waitUntil(() => smtp.mails.filter((m) => m.text.includes(open!.id)).length === 2);
    assert.deepEqual(smtp.mails.filter((m) => m.text.includes(open!.id))[1]!.to.sort(), ['boss@example.test', 'ops@example.test']);
    const timeline = (await incident(open!.id)).timeline.map((entry: { kind: string }) => entry.kind);
    assert.ok(timeline.includes('sla-breached') && timeline.includes('notified'), timeline.join());
  });
});
