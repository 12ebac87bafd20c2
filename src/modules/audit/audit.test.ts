import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { BrowserSession, RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { createTenantWithKey } from '../../testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Entry = {
  id: string; actorType: string; actorId: string | null; action: string; targetType: string | null; targetId: string | null;
  at: string; remoteAddress: string | null; after: unknown; details: { statusCode?: number; params?: Record<string, string>; createdId?: string } | null;
};

describe('audit log', () => {
  let server: Server;
  let station: RawStation;
  const audit = async (query: string, headers: Record<string, string> = {}): Promise<Entry[]> =>
    (await server.api.request('GET', `/api/v1/audit?${query}`, undefined, headers)).body.items as Entry[];
  const eventually = async (query: string, count = 1): Promise<Entry[]> => {
    // The entry is written after the response is sent.
    await waitUntil(async () => (await audit(query)).length >= count);
    return audit(query);
  };

  before(async () => {
    server = await startTestServer({ reservationSweepSeconds: 0.1, adminEmail: 'auditor@example.com', adminPassword: 'a long admin password' });
    station = await RawStation.connect(server.baseUrl, 'AUD-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
  });
  after(async () => {
    await station.close();
    await server.stop();
  });

  it('records a PATCH with actor, action, target, address, status and body', async () => {
    assert.equal((await server.api.request('PATCH', '/api/v1/stations/AUD-1', { displayName: 'Depot' })).status, 200);
    const [entry] = await eventually('targetId=AUD-1&action=PATCH%20/api/v1/stations/:id');
    assert.equal(entry!.actorType, 'api-key');
    assert.match(entry!.actorId ?? '', /^key_[0-9a-f]{16}$/);
    assert.equal(entry!.targetType, 'station');
    assert.equal(entry!.remoteAddress, '127.0.0.1');
    assert.equal((entry!.after as { displayName?: string }).displayName, 'Depot', 'after: the station as the update left it');
    assert.deepEqual((entry!.details as { request?: unknown }).request, { displayName: 'Depot' }, 'the change asked for');
    assert.equal(entry!.details?.statusCode, 200);
  });

  it('records a person signed in to the dashboard as the user, not as a key', async () => {
    const browser = await BrowserSession.login(server.baseUrl, 'auditor@example.com', 'a long admin password');
    const me = await browser.request('GET', '/api/v1/auth/me');
    assert.equal((await browser.request('PATCH', '/api/v1/stations/AUD-1', { displayName: 'Signed-in edit' })).status, 200);
    const [entry] = await eventually('targetId=AUD-1&action=PATCH%20/api/v1/stations/:id', 2);
    const mine = (await audit('targetId=AUD-1&action=PATCH%20/api/v1/stations/:id')).find((e) => (e.after as { displayName?: string }).displayName === 'Signed-in edit');
    assert.ok(entry && mine);
    assert.equal(mine.actorType, 'user');
    assert.equal(mine.actorId, me.body.user.id);
  });

  it('records a command sent through the API, and failed calls too', async () => {
    const pending = server.api.request('POST', '/api/v1/stations/AUD-1/ocpp/Reset', { type: 'Soft' });
    const [, callId] = await station.nextCall('Reset');
    station.reply(callId, { status: 'Accepted' });
    assert.equal((await pending).status, 200);
    const [command] = await eventually('action=POST%20/api/v1/stations/:id/ocpp/:action');
    assert.deepEqual([command!.targetType, command!.targetId, command!.details?.params?.['action']], ['station', 'AUD-1', 'Reset']);
    assert.deepEqual(command!.after, { type: 'Soft' });

    assert.equal((await server.api.request('PATCH', '/api/v1/stations/NOPE', { displayName: 'x' })).status, 404);
    const [failed] = await eventually('targetId=NOPE');
    assert.equal(failed!.details?.statusCode, 404);
  });

  it('never stores secrets, and names what a POST created', async () => {
    const created = await server.api.request('POST', '/api/v1/stations', { id: 'AUD-2', password: 'sixteen-chars-pw!' });
    assert.equal(created.status, 201);
    const [entry] = await eventually('action=POST%20/api/v1/stations');
    assert.deepEqual(entry!.after, { id: 'AUD-2', password: '[redacted]' });
    assert.equal(entry!.targetId, 'AUD-2');

    const webhook = await server.api.request('POST', '/api/v1/webhooks', { url: 'https://example.com/hook', eventTypes: ['*'] });
    const [hook] = await eventually('action=POST%20/api/v1/webhooks');
    assert.equal(hook!.targetId, webhook.body.id);
    const everything = JSON.stringify(await audit('limit=500'));
    assert.ok(!everything.includes(webhook.body.secret), 'the webhook secret is not in the audit log');
    assert.ok(!everything.includes('sixteen-chars-pw!'));
  });

  it('does not record reads and keeps tenants apart', async () => {
    await server.api.request('GET', '/api/v1/stations/AUD-1');
    const all = await audit('limit=500');
    assert.ok(all.every((e) => !e.action.startsWith('GET ')));
    assert.deepEqual(await audit('limit=500', { 'x-tenant-id': 'other' }), []);
    const other = await createTenantWithKey(server.db, 'other');
    const asOther = await fetch(`${server.baseUrl}/api/v1/audit`, { headers: { authorization: `Bearer ${other.apiKey}` } });
    assert.deepEqual(((await asOther.json()) as { items: unknown[] }).items, []);
  });

  it('pages with a cursor and filters by time', async () => {
    const first = await server.api.request('GET', '/api/v1/audit?limit=2');
    assert.equal(first.body.items.length, 2);
    const second = await server.api.request('GET', `/api/v1/audit?limit=2&cursor=${first.body.nextCursor}`);
    assert.ok(BigInt(second.body.items[0].id) < BigInt(first.body.items[1].id));
    assert.deepEqual(await audit(`from=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`), []);
    assert.equal((await server.api.request('GET', '/api/v1/audit?cursor=zzz')).body.code, 'invalid_cursor');
  });

  it('records what an automated job did as a system action (reservation expiry)', async () => {
    const reserve = server.api.request('POST', '/api/v1/stations/AUD-1/reservations', { idToken: 'DRIVER', evseId: 1, expiresAt: new Date(Date.now() + 1000).toISOString() });
    const [, reserveId] = await station.nextCall('ReserveNow');
    station.reply(reserveId, { status: 'Accepted' });
    assert.equal((await reserve).status, 201);
    const [, cancelId] = await station.nextCall('CancelReservation');
    station.reply(cancelId, { status: 'Accepted' });
    const [entry] = await eventually('actorId=system:reservation-expiry');
    assert.equal(entry!.actorType, 'system');
    assert.equal(entry!.action, 'command CancelReservation');
    assert.deepEqual([entry!.targetType, entry!.targetId], ['station', 'AUD-1']);
  });
});
