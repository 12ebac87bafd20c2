// The knowledge base through the REST API and real stations: seed and tenant entries, ETag/If-Match,
// validation that changes nothing, and unknown codes collected from StatusNotification over WebSocket.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('knowledge base API', () => {
  let server: Server;
  const stations: RawStation[] = [];

  before(async () => {
    server = await startTestServer();
  });
  after(async () => {
    await Promise.all(stations.map((s) => s.close()));
    await server?.stop();
  });

  it('lists seed entries with filters and cursor paging', async () => {
    const first = await server.api.request('GET', '/api/v1/knowledge-base/entries?origin=seed&limit=10');
    assert.equal(first.status, 200);
    assert.equal(first.body.items.length, 10);
    assert.ok(first.body.nextCursor);
    const second = await server.api.request('GET', `/api/v1/knowledge-base/entries?origin=seed&limit=10&cursor=${first.body.nextCursor}`);
    assert.ok(second.body.items[0].id > first.body.items[9].id);
    const cx = await server.api.request('GET', '/api/v1/knowledge-base/entries?vendorErrorCode=CX002');
    assert.deepEqual(cx.body.items.map((e: { id: string }) => e.id), ['chargex.CX002']);
    const one = await server.api.request('GET', '/api/v1/knowledge-base/entries/ocpp16.GroundFailure');
    assert.equal(one.body.severity, 'critical');
    assert.equal(one.body.origin, 'seed');
  });

  it('a tenant entry overrides the seed in explain, is changed with If-Match and deleted', async () => {
    const explain = async (vendor: string) =>
      (await server.api.request('GET', `/api/v1/knowledge-base/explain?vendor=${vendor}&model=Volt%2022&firmware=3.1&errorCode=GroundFailure`)).body.explanation?.entryId;
    const created = await server.api.request('POST', '/api/v1/knowledge-base/entries', {
      vendor: 'ACME', errorCode: 'GroundFailure', meaning: 'ACME: RCD tripped', severity: 'major', probableCause: 'Wet socket',
      remoteAction: 'work-order', technicianInstructions: 'Dry the socket', source: 'ACME service manual rev 4',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;
    assert.equal(created.body.origin, 'tenant');
    assert.equal(created.body.modelPattern, null);

    const read = await server.api.request('GET', `/api/v1/knowledge-base/entries/${id}`);
    const etag = read.headers.get('etag');
    assert.ok(etag);
    const stale = await server.api.request('PATCH', `/api/v1/knowledge-base/entries/${id}`, { meaning: 'x' }, { 'if-match': '"stale"' });
    assert.equal(stale.status, 412);
    const changed = await server.api.request('PATCH', `/api/v1/knowledge-base/entries/${id}`, { meaning: 'ACME: residual current' }, { 'if-match': etag });
    assert.equal(changed.status, 200);
    assert.equal(changed.body.meaning, 'ACME: residual current');
    assert.equal(await explain('acme'), id);
    assert.equal(await explain('Other'), 'ocpp16.GroundFailure');

    const removed = await server.api.request('DELETE', `/api/v1/knowledge-base/entries/${id}`);
    assert.equal(removed.status, 204);
    assert.equal((await server.api.request('GET', `/api/v1/knowledge-base/entries/${id}`)).status, 404);
    assert.equal(await explain('ACME'), 'ocpp16.GroundFailure');
  });

  it('refuses bad input with a problem and changes nothing', async () => {
    const before = (await server.api.request('GET', '/api/v1/knowledge-base/entries?origin=tenant')).body.items.length;
    const noCode = await server.api.request('POST', '/api/v1/knowledge-base/entries', {
      vendor: 'ACME', meaning: 'm', severity: 'minor', probableCause: 'c', remoteAction: 'none', technicianInstructions: 't', source: 's',
    });
    assert.equal(noCode.status, 422);
    assert.equal(noCode.body.code, 'invalid_kb_entry');
    const badSeverity = await server.api.request('POST', '/api/v1/knowledge-base/entries', {
      errorCode: 'X', meaning: 'm', severity: 'awful', probableCause: 'c', remoteAction: 'none', technicianInstructions: 't', source: 's',
    });
    assert.equal(badSeverity.status, 400);
    const seedEdit = await server.api.request('PATCH', '/api/v1/knowledge-base/entries/ocpp16.GroundFailure', { meaning: 'mine' });
    assert.equal(seedEdit.status, 422);
    assert.equal(seedEdit.body.code, 'invalid_kb_entry');
    assert.equal((await server.api.request('DELETE', '/api/v1/knowledge-base/entries/ocpp16.GroundFailure')).status, 422);
    assert.equal((await server.api.request('GET', '/api/v1/knowledge-base/entries/ocpp16.GroundFailure')).body.meaning.includes('mine'), false);
    assert.equal((await server.api.request('GET', '/api/v1/knowledge-base/entries?origin=tenant')).body.items.length, before);
    assert.equal((await server.api.request('GET', '/api/v1/knowledge-base/entries?cursor=%%%')).status, 400);
  });

  it('ranks codes stations sent that nothing explains, by frequency, with stations and vendor/model', async () => {
    for (const id of ['KB-UNK-1', 'KB-UNK-2']) {
      const station = await RawStation.connect(server.baseUrl, id, ['ocpp1.6']);
      stations.push(station);
      await station.call('BootNotification', bootPayload('ocpp1.6', 'Zeta', 'Z-50'));
    }
    const send = (station: RawStation, vendorErrorCode: string) => station.call('StatusNotification', {
      connectorId: 1, errorCode: 'OtherError', status: 'Faulted', vendorErrorCode, vendorId: 'com.zeta', info: 'board 2', timestamp: new Date().toISOString(),
    });
    await send(stations[0]!, 'Z-777');
    await new Promise((resolve) => setTimeout(resolve, 2100)); // a second sighting, outside the de-duplication window
    await send(stations[1]!, 'Z-777');
    await send(stations[0]!, 'Z-778');
    // A known code (ChargeX) is not ranked.
    await stations[0]!.call('StatusNotification', {
      connectorId: 1, errorCode: 'OtherError', status: 'Faulted', vendorErrorCode: 'CX017', vendorId: 'https://chargex.inl.gov', timestamp: new Date().toISOString(),
    });
    await waitUntil(async () => {
      const items = (await server.api.request('GET', '/api/v1/knowledge-base/unknown-codes')).body.items as Array<{ vendorErrorCode: string; count: number; stations: number }>;
      return items.find((i) => i.vendorErrorCode === 'Z-777')?.stations === 2 && items.some((i) => i.vendorErrorCode === 'Z-778');
    });
    const ranked = (await server.api.request('GET', '/api/v1/knowledge-base/unknown-codes')).body.items;
    assert.equal(ranked[0].vendorErrorCode, 'Z-777');
    assert.equal(ranked[0].count, 2);
    assert.equal(ranked[0].stations, 2);
    assert.equal(ranked[0].vendor, 'Zeta');
    assert.equal(ranked[0].model, 'Z-50');
    assert.equal(ranked[0].vendorId, 'com.zeta');
    assert.ok(!ranked.some((i: { vendorErrorCode: string }) => i.vendorErrorCode === 'CX017'));
    const page = await server.api.request('GET', '/api/v1/knowledge-base/unknown-codes?limit=1');
    assert.equal(page.body.items.length, 1);
    const next = await server.api.request('GET', `/api/v1/knowledge-base/unknown-codes?limit=1&cursor=${page.body.nextCursor}`);
    assert.equal(next.body.items[0].vendorErrorCode, 'Z-778');
  });
});
