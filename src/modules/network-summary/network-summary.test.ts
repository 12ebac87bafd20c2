import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connectorStatus } from '../../infra/db/schema.js';
import { bootPayload, statusPayload } from '../../testing/ocpp-fixtures.js';
import { BrowserSession, RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { bucketOf } from './domain.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
const PASSWORD = 'correct horse battery staple 42';

describe('network summary (GET /api/v1/network-summary)', () => {
  let server: Server;
  const peers: RawStation[] = [];
  let north = '';
  let south = '';

  const connect = async (id: string, version: 'ocpp1.6' | 'ocpp2.0.1', statuses: Array<[number, string]>) => {
    const peer = await RawStation.connect(server.baseUrl, id, [version]);
    peers.push(peer);
    await peer.call('BootNotification', bootPayload(version));
    for (const [connector, status] of statuses) await peer.call('StatusNotification', statusPayload(version, connector, status));
    return peer;
  };

  before(async () => {
    server = await startTestServer();
    const api = server.api;
    north = (await api.request('POST', '/api/v1/sites', { name: 'North depot', country: 'NL', latitude: 53.2, longitude: 6.56 })).body.id;
    south = (await api.request('POST', '/api/v1/sites', { name: 'South depot', country: 'NL' })).body.id;
    for (const [id, site] of [['NS-N1', north], ['NS-N2', north], ['NS-S1', south], ['NS-LOOSE', null]] as const) {
      assert.equal((await api.request('POST', '/api/v1/stations', { id })).status, 201);
      if (site) assert.equal((await api.request('PUT', `/api/v1/stations/${id}/site`, { siteId: site })).status, 200);
    }
    await connect('NS-N1', 'ocpp1.6', [[0, 'Available'], [1, 'Available'], [2, 'Charging'], [3, 'SuspendedEV']]);
    await connect('NS-S1', 'ocpp2.0.1', [[1, 'Occupied'], [2, 'Faulted'], [3, 'Reserved']]);
    await connect('NS-LOOSE', 'ocpp1.6', [[1, 'Unavailable']]);
    // NS-N2 reported Faulted once and then went offline: it counts as offline, its connector not at all.
    const gone = await connect('NS-N2', 'ocpp1.6', [[1, 'Faulted']]);
    await gone.close();
    await waitUntil(async () => (await api.request('GET', '/api/v1/stations/NS-N2')).body.online === false);
    // An EVSE that reported only as a whole (connector 0) counts once; beside a connector row it does not.
    const row = { tenantId: 'default', stationId: 'NS-S1', rawStatus: 'x', reportedAt: new Date(), receivedAt: new Date() };
    await server.db.insert(connectorStatus).values([
      { ...row, evseId: 4, connectorId: 0, occupancy: 'Unavailable' },
      { ...row, evseId: 1, connectorId: 0, occupancy: 'Available' },
    ]);
    await waitUntil(async () => (await api.request('GET', '/api/v1/stations/NS-LOOSE')).body.evses?.length > 0);
  });
  after(async () => {
    for (const peer of peers) await peer.close().catch(() => undefined);
    await server.stop();
  });

  it('counts stations online/offline and connectors of online stations by state, per site, in aggregate', async () => {
    const answer = await server.api.request('GET', '/api/v1/network-summary');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    const summary = answer.body;
    assert.deepEqual(summary.stations, { total: 4, online: 3, offline: 1 });
    assert.deepEqual(summary.connectors, { available: 1, charging: 1, occupied: 2, reserved: 1, faulted: 1, unavailable: 2, other: 0 });
    assert.deepEqual(summary.unplaced, { stations: 1, online: 1 });
    const bySite = Object.fromEntries(summary.sites.map((s: { id: string }) => [s.id, s]));
    assert.deepEqual(Object.keys(bySite).sort(), [north, south].sort());
    assert.equal(bySite[north].name, 'North depot');
    assert.equal(bySite[north].latitude, 53.2);
    assert.equal(bySite[north].stations, 2);
    assert.equal(bySite[north].online, 1);
    assert.deepEqual(bySite[north].connectors, { available: 1, charging: 1, occupied: 1, reserved: 0, faulted: 0, unavailable: 0, other: 0 });
    assert.deepEqual(bySite[south].connectors, { available: 0, charging: 0, occupied: 1, reserved: 1, faulted: 1, unavailable: 1, other: 0 });
    assert.equal(bySite[south].latitude, null);
  });

  it('sums the energy of the sessions started since the given local midnight (default UTC midnight)', async () => {
    const peer = peers[0]!;
    const start = await peer.call('StartTransaction', { connectorId: 2, idTag: 'NSTAG', meterStart: 1000, timestamp: new Date().toISOString() });
    const transactionId = (start[2] as { transactionId: number }).transactionId;
    await peer.call('StopTransaction', { transactionId, meterStop: 8500, timestamp: new Date().toISOString() });
    await waitUntil(async () => (await server.api.request('GET', '/api/v1/network-summary')).body.energyToday.sessions === 1);
    const today = (await server.api.request('GET', '/api/v1/network-summary')).body.energyToday;
    assert.equal(Number(today.energyWh), 7500);
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const later = (await server.api.request('GET', `/api/v1/network-summary?since=${encodeURIComponent(tomorrow)}`)).body.energyToday;
    assert.deepEqual([Number(later.energyWh), later.sessions, later.since], [0, 0, tomorrow]);
  });

  it('refuses a since that is not a date-time with a problem response', async () => {
    const answer = await server.api.request('GET', '/api/v1/network-summary?since=yesterday');
    assert.equal(answer.status, 400);
    assert.equal(answer.headers.get('content-type'), 'application/problem+json; charset=utf-8');
  });

  it('a site-scoped technician counts only the stations, connectors and energy of their sites', async () => {
    const created = await server.api.request('POST', '/api/v1/users', { email: 'tech@ns.test', name: 'Tech', role: 'technician', password: PASSWORD, siteIds: [south] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const technician = await BrowserSession.login(server.baseUrl, 'tech@ns.test', PASSWORD);
    const answer = await technician.request('GET', '/api/v1/network-summary');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.deepEqual(answer.body.stations, { total: 1, online: 1, offline: 0 });
    assert.deepEqual(answer.body.sites.map((s: { id: string }) => s.id), [south]);
    assert.equal(answer.body.connectors.charging, 0);
    assert.equal(answer.body.energyToday.sessions, 0, 'the session at the north depot is not theirs');
    assert.deepEqual(answer.body.unplaced, { stations: 0, online: 0 });
  });

  it('needs stations:read', async () => {
    const created = await server.api.request('POST', '/api/v1/api-keys', { name: 'no stations', role: 'viewer', permissions: ['sessions:read'] });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const answer = await fetch(`${server.baseUrl}/api/v1/network-summary`, { headers: { authorization: `Bearer ${created.body.secret}` } });
    assert.equal(answer.status, 403);
  });
});

describe('bucketOf', () => {
  it('Charging wins over the occupancy; suspended sessions are occupied; unknown occupancies are other', () => {
    const table: Array<[string, string | null, string]> = [
      ['Occupied', 'Charging', 'charging'], ['Occupied', 'SuspendedEV', 'occupied'], ['Occupied', 'EVConnected', 'occupied'],
      ['Available', 'Idle', 'available'], ['Reserved', 'Idle', 'reserved'], ['Faulted', null, 'faulted'],
      ['Unavailable', null, 'unavailable'], ['Mystery', null, 'other'],
    ];
    for (const [occupancy, chargingState, expected] of table) assert.equal(bucketOf(occupancy, chargingState), expected, `${occupancy}/${chargingState}`);
  });
});
