// Maintenance and reliability through the REST API, with a real station link (PGlite, 1.6 frames).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer, waitUntil, type ApiClient } from '../../testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const MIN = 60_000;
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe('maintenance and reliability API (issue 6)', () => {
  let server: Server;
  let api: ApiClient;
  let station: RawStation;
  const events: DomainEvent[] = [];

  before(async () => {
    server = await startTestServer();
    api = server.api;
    server.events.subscribe((event) => { if (event.type.startsWith('work-order.') || event.type.startsWith('maintenance.')) events.push(event); });
    assert.equal((await api.request('POST', '/api/v1/stations', { id: 'MNT-1' })).status, 201);
    station = await RawStation.connect(server.baseUrl, 'MNT-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6', 'Acme', 'X1'));
  });
  after(async () => {
    station.socket.close();
    await server.stop();
  });

  it('G01 statuses with their timestamps give the exact NEVI uptime; a maintenance window excludes its overlap', async () => {
    await waitUntil(async () => ((await api.request('GET', '/api/v1/stations/MNT-1/connections')).body.items?.length ?? 0) > 0);
    const from = Math.ceil((Date.now() + 1000) / 1000) * 1000;
    const iso = (ms: number) => new Date(ms).toISOString();
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'GroundFailure', status: 'Faulted', timestamp: iso(from + 10 * MIN) });
    await station.call('StatusNotification', { connectorId: 1, errorCode: 'NoError', status: 'Available', timestamp: iso(from + 20 * MIN) });
    const window = await api.request('POST', '/api/v1/maintenance-windows', { stationId: 'MNT-1', startsAt: iso(from + 15 * MIN), endsAt: iso(from + 30 * MIN), reason: 'filter swap' });
    assert.equal(window.status, 201, JSON.stringify(window.body));
    const answer = await api.request('GET', `/api/v1/reliability?scope=station&id=MNT-1&from=${iso(from)}&to=${iso(from + 60 * MIN)}`);
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const f = answer.body.figures;
    assert.deepEqual([f.ports, f.observedMs, f.outageMs, f.excludedMs, f.downMs, f.failures, f.mtbfMs], [1, 60 * MIN, 10 * MIN, 5 * MIN, 5 * MIN, 1, 55 * MIN]);
    assert.equal(f.repairSource, 'incidents', 'the health module\'s incidents give MTTR/MTTD when it is built in');
    assert.deepEqual(f.excludedByCause, { maintenance: 5 * MIN });
    assert.equal(f.uptimePercent, 91.6667);
    assert.deepEqual(answer.body.ports.map((p: { evseId: number; downMs: number }) => [p.evseId, p.downMs]), [[1, 5 * MIN]]);
    const port = await api.request('GET', `/api/v1/reliability?scope=port&id=MNT-1&evseId=1&from=${iso(from)}&to=${iso(from + 60 * MIN)}`);
    assert.equal(port.body.figures.downMs, 5 * MIN);
    const ranking = await api.request('GET', `/api/v1/reliability/ranking?from=${iso(from)}&to=${iso(from + 60 * MIN)}`);
    assert.deepEqual(ranking.body.models.map((m: { vendor: string; model: string; failures: number }) => [m.vendor, m.model, m.failures]), [['Acme', 'X1', 1]]);
    const network = await api.request('GET', `/api/v1/reliability?scope=network&from=${iso(from)}&to=${iso(from + 60 * MIN)}`);
    assert.equal(network.body.figures.downMs, 5 * MIN);
  });

  it('refuses bad periods and scopes with invalid_reliability_query and an unknown station with 404', async () => {
    for (const [query, code] of [
      ['scope=station&from=2026-01-02T00:00:00Z&to=2026-01-03T00:00:00Z', 'invalid_reliability_query'],
      ['scope=network&from=2026-01-03T00:00:00Z&to=2026-01-02T00:00:00Z', 'invalid_reliability_query'],
      ['scope=network&from=2026-01-01T00:00:00&to=2026-01-02T00:00:00Z', 'invalid_reliability_query'],
      ['scope=network&from=2026-01-01&to=2026-01-02&timeZone=Mars/Olympus', 'invalid_reliability_query'],
      ['scope=network&from=2024-01-01&to=2026-01-02', 'invalid_reliability_query'],
      ['scope=station&id=NOPE&from=2026-01-01&to=2026-01-02', 'station_not_found'],
      ['scope=galaxy&from=2026-01-01&to=2026-01-02', 'validation_failed'],
    ] as const) {
      const answer = await api.request('GET', `/api/v1/reliability?${query}`);
      assert.equal(answer.body.code, code, `${query}: ${JSON.stringify(answer.body)}`);
    }
  });

  it('daily buckets in the site time zone: the spring-forward day is 23 h', async () => {
    const answer = await api.request('GET', '/api/v1/reliability?scope=network&from=2026-03-28&to=2026-03-31&timeZone=Europe/Amsterdam&buckets=day');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.from, '2026-03-27T23:00:00.000Z');
    assert.deepEqual(answer.body.days.map((d: { date: string }) => d.date), ['2026-03-28', '2026-03-29', '2026-03-30']);
  });

  it('work order: checklist, notes, time on site, attachments checked by content, closed orders stay closed; events published', async () => {
    const created = await api.request('POST', '/api/v1/work-orders', { stationId: 'MNT-1', evseId: 1, title: 'Replace RCD', checklist: ['Isolate', 'Replace', 'Test'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal(created.body.status, 'open');
    const ticked = await api.request('PATCH', `/api/v1/work-orders/${id}`, { checklist: [{ index: 0, done: true }], note: 'RCD tripped twice', technicianUserId: 'tech-1' });
    assert.equal(ticked.status, 200, JSON.stringify(ticked.body));
    assert.deepEqual(ticked.body.checklist.map((c: { done: boolean }) => c.done), [true, false, false]);
    assert.equal(ticked.body.status, 'assigned', 'assigning a technician moves an open order to assigned');
    assert.equal(ticked.body.notes[0].text, 'RCD tripped twice');
    assert.equal((await api.request('PATCH', `/api/v1/work-orders/${id}`, { checklist: [{ index: 7, done: true }] })).body.code, 'invalid_work_order');
    assert.equal((await api.request('POST', `/api/v1/work-orders/${id}/on-site`, { action: 'stop' })).body.code, 'invalid_work_order');
    const started = await api.request('POST', `/api/v1/work-orders/${id}/on-site`, { action: 'start' });
    assert.equal(started.body.status, 'in-progress');
    assert.ok(started.body.onSiteSince);
    const stopped = await api.request('POST', `/api/v1/work-orders/${id}/on-site`, { action: 'stop' });
    assert.equal(stopped.body.onSiteSince, null);
    assert.ok(stopped.body.onSiteMs >= 0);

    const fake = await api.request('POST', `/api/v1/work-orders/${id}/attachments`, { fileName: 'photo.png', contentType: 'image/png', contentBase64: Buffer.from('not a png').toString('base64') });
    assert.equal(fake.body.code, 'invalid_attachment');
    const badType = await api.request('POST', `/api/v1/work-orders/${id}/attachments`, { fileName: 'x.exe', contentType: 'application/x-msdownload', contentBase64: 'TVo=' });
    assert.equal(badType.status, 400);
    const photo = await api.request('POST', `/api/v1/work-orders/${id}/attachments`, { fileName: 'photo.png', contentType: 'image/png', contentBase64: PNG.toString('base64') });
    assert.equal(photo.status, 201, JSON.stringify(photo.body));
    assert.equal(photo.body.sizeBytes, PNG.length);
    const download = await fetch(`${server.baseUrl}/api/v1/work-orders/${id}/attachments/${photo.body.id}`, { headers: { authorization: `Bearer ${api.apiKey}` } });
    assert.equal(download.headers.get('content-type'), 'image/png');
    assert.deepEqual(Buffer.from(await download.arrayBuffer()), PNG);
    assert.equal((await api.request('GET', `/api/v1/work-orders/${id}/attachments`)).body.items.length, 1);

    const done = await api.request('PATCH', `/api/v1/work-orders/${id}`, { status: 'done', note: 'Replaced and tested' });
    assert.equal(done.body.status, 'done');
    assert.ok(done.body.closedAt);
    assert.equal((await api.request('PATCH', `/api/v1/work-orders/${id}`, { note: 'late' })).body.code, 'invalid_work_order');
    const list = await api.request('GET', '/api/v1/work-orders?stationId=MNT-1&status=done');
    assert.deepEqual(list.body.items.map((w: { id: string }) => w.id), [id]);
    assert.deepEqual(events.filter((e) => e.data['workOrderId'] === id).map((e) => [e.type, e.data['status']]),
      [['work-order.opened', 'open'], ['work-order.updated', 'assigned'], ['work-order.updated', 'in-progress'], ['work-order.updated', 'in-progress'], ['work-order.closed', 'done']]);
    assert.equal((await api.request('POST', '/api/v1/work-orders', { stationId: 'NOPE', title: 'x' })).body.code, 'station_not_found');
  });

  it('a running window holds alerts (activeFor) and its start and end are published once', async () => {
    const now = Date.now();
    const window = await api.request('POST', '/api/v1/maintenance-windows', { stationId: 'MNT-1', startsAt: new Date(now - MIN).toISOString(), endsAt: new Date(now + 60 * MIN).toISOString() });
    assert.equal(window.status, 201);
    await waitUntil(() => events.some((e) => e.type === 'maintenance.window-started' && e.data['windowId'] === window.body.id));
    const ended = await api.request('POST', `/api/v1/maintenance-windows/${window.body.id}/end`);
    assert.equal(ended.status, 200);
    await waitUntil(() => events.some((e) => e.type === 'maintenance.window-ended' && e.data['windowId'] === window.body.id));
    assert.equal(events.filter((e) => e.data['windowId'] === window.body.id).length, 2);
    assert.equal((await api.request('POST', '/api/v1/maintenance-windows', { stationId: 'MNT-1', siteId: 'x', startsAt: new Date(now).toISOString(), endsAt: new Date(now + MIN).toISOString() })).body.code, 'invalid_maintenance_window');
    assert.equal((await api.request('POST', '/api/v1/maintenance-windows', { stationId: 'MNT-1', startsAt: new Date(now).toISOString(), endsAt: new Date(now).toISOString() })).body.code, 'invalid_maintenance_window');
  });

  it('excluded outages: recorded causes only, never in the future; schedules need a DTSTART and recur at most daily', async () => {
    const now = Date.now();
    const ok = await api.request('POST', '/api/v1/excluded-outages', { stationId: 'MNT-1', startsAt: new Date(now - 2 * 60 * MIN).toISOString(), endsAt: new Date(now - 60 * MIN).toISOString(), cause: 'utility-interruption', note: 'grid' });
    assert.equal(ok.status, 201, JSON.stringify(ok.body));
    assert.equal((await api.request('POST', '/api/v1/excluded-outages', { stationId: 'MNT-1', startsAt: new Date(now + 60 * MIN).toISOString(), endsAt: new Date(now + 120 * MIN).toISOString(), cause: 'vandalism' })).body.code, 'invalid_excluded_outage');
    assert.equal((await api.request('POST', '/api/v1/excluded-outages', { stationId: 'MNT-1', startsAt: new Date(now - 60 * MIN).toISOString(), endsAt: new Date(now).toISOString(), cause: 'maintenance' })).status, 400);
    assert.equal((await api.request('DELETE', `/api/v1/excluded-outages/${ok.body.id}`)).status, 204);
    assert.equal((await api.request('DELETE', `/api/v1/excluded-outages/${ok.body.id}`)).body.code, 'excluded_outage_not_found');
    assert.equal((await api.request('POST', '/api/v1/maintenance-schedules', { stationId: 'MNT-1', title: 'x', recurrence: 'RRULE:FREQ=MONTHLY' })).body.code, 'invalid_maintenance_schedule');
    assert.equal((await api.request('POST', '/api/v1/maintenance-schedules', { stationId: 'MNT-1', title: 'x', recurrence: 'DTSTART:20260101T080000Z\nRRULE:FREQ=HOURLY' })).body.code, 'invalid_maintenance_schedule');
    const schedule = await api.request('POST', '/api/v1/maintenance-schedules', { stationId: 'MNT-1', title: 'Quarterly check', recurrence: 'DTSTART:20260101T080000Z\nRRULE:FREQ=MONTHLY;INTERVAL=3', checklist: ['Inspect cable'] });
    assert.equal(schedule.status, 201, JSON.stringify(schedule.body));
    const detail = await api.request('GET', `/api/v1/maintenance-schedules/${schedule.body.id}`);
    assert.equal(detail.body.upcoming.length, 5);
    assert.ok(detail.body.upcoming.every((at: string) => /T08:00:00.000Z$/.test(at) && /-(01|04|07|10)-01T/.test(at)));
  });
});
