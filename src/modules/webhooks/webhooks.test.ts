import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import type { DomainEvent } from '../../infra/events/event-bus.js';
import { HttpReceiver } from '../../testing/http-receiver.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { RawStation, startTestServer, waitUntil } from '../../testing/test-server.js';
import { createTenantWithKey } from '../../testing/tenants.js';
import { verifySignature } from './signature.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Delivery = { id: string; eventId: string; eventType: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null };

const FAST_RETRIES = { retryScheduleSeconds: [0.05], maxAttempts: 3, maxConsecutiveFailures: 5, pollIntervalSeconds: 0.05, timeoutSeconds: 2 };

async function deliveriesOf(server: Server, webhookId: string): Promise<Delivery[]> {
  return (await server.api.request('GET', `/api/v1/webhooks/${webhookId}/deliveries?limit=100`)).body.items as Delivery[];
}

describe('webhooks', () => {
  let server: Server;
  const receivers: HttpReceiver[] = [];
  const received: DomainEvent[] = [];
  const receiver = async () => {
    const created = await HttpReceiver.start();
    receivers.push(created);
    return created;
  };
  const subscribe = async (url: string, eventTypes: string[]) => {
    const response = await server.api.request('POST', '/api/v1/webhooks', { url, eventTypes });
    assert.equal(response.status, 201);
    return response.body as { id: string; secret: string };
  };
  const publish = (type: string, data: Record<string, unknown> = {}, tenantId = 'default') =>
    server.events.publish({ type, tenantId, stationId: 'CP-W', at: new Date(), data });

  before(async () => {
    server = await startTestServer({ webhooks: FAST_RETRIES });
    server.events.subscribe((event) => { if (event.type.startsWith('webhook.')) received.push(event); });
  });
  after(async () => {
    await server.stop();
    for (const r of receivers) await r.stop();
  });

  it('creates, reads, lists, changes and deletes subscriptions; the secret is shown once', async () => {
    const created = await server.api.request('POST', '/api/v1/webhooks', { url: 'https://example.com/hook', eventTypes: ['station.*', 'session.ended'], description: 'ops' });
    assert.equal(created.status, 201);
    assert.match(created.body.secret, /^whsec_/);
    assert.equal(created.body.enabled, true);
    const read = await server.api.request('GET', `/api/v1/webhooks/${created.body.id}`);
    assert.equal(read.body.secret, undefined);
    assert.deepEqual(read.body.eventTypes, ['station.*', 'session.ended']);
    const listed = await server.api.request('GET', '/api/v1/webhooks');
    assert.ok(listed.body.items.some((w: { id: string; secret?: string }) => w.id === created.body.id && w.secret === undefined));
    const patched = await server.api.request('PATCH', `/api/v1/webhooks/${created.body.id}`, { eventTypes: ['*'], enabled: false });
    assert.deepEqual(patched.body.eventTypes, ['*']);
    assert.equal(patched.body.enabled, false);
    assert.equal(patched.body.disabledReason, 'Disabled through the API');
    assert.equal((await server.api.request('GET', `/api/v1/webhooks/${created.body.id}`, undefined, { 'x-tenant-id': 'other' })).status, 404);
    assert.equal((await server.api.request('DELETE', `/api/v1/webhooks/${created.body.id}`)).status, 204);
    assert.equal((await server.api.request('GET', `/api/v1/webhooks/${created.body.id}`)).body.code, 'webhook_not_found');
  });

  it('refuses bad subscriptions with a clear problem', async () => {
    for (const body of [{ url: 'ftp://example.com', eventTypes: ['*'] }, { url: 'not a url', eventTypes: ['*'] }, { url: 'https://example.com', eventTypes: ['Station.?'] }]) {
      const response = await server.api.request('POST', '/api/v1/webhooks', body);
      assert.equal(response.status, 422, JSON.stringify(body));
      assert.equal(response.body.code, 'invalid_webhook');
    }
    assert.equal((await server.api.request('POST', '/api/v1/webhooks', { url: 'https://example.com', eventTypes: [] })).status, 400);
    assert.equal((await server.api.request('POST', '/api/v1/webhooks', { url: 'https://example.com', eventTypes: ['*'] }, { 'x-tenant-id': 'no-such-tenant' })).body.code, 'tenant_not_found');
  });

  it('POSTs matching events, signed, and only those of its tenant', async () => {
    const endpoint = await receiver();
    const webhook = await subscribe(endpoint.url, ['sig.*', 'station.connected']);
    await createTenantWithKey(server.db, 'other');
    publish('sig.other-tenant', {}, 'other');
    publish('nosig.hello');
    publish('sig.hello', { answer: 42 });
    const station = await RawStation.connect(server.baseUrl, 'WH-1', ['ocpp2.0.1']);
    await station.call('BootNotification', bootPayload('ocpp2.0.1'));
    await waitUntil(() => endpoint.requests.length >= 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const types = endpoint.requests.map((r) => r.headers['chargeops-event-type']).sort();
    assert.deepEqual(types, ['sig.hello', 'station.connected']);
    for (const request of endpoint.requests) {
      const signature = String(request.headers['chargeops-signature']);
      assert.match(signature, /^t=\d+,v1=[0-9a-f]{64}$/);
      assert.equal(String(request.headers['chargeops-timestamp']), signature.slice(2, signature.indexOf(',')));
      assert.ok(verifySignature(webhook.secret, signature, request.body, Math.floor(Date.now() / 1000)), 'signature verifies with the secret');
      assert.equal(verifySignature('whsec_wrong', signature, request.body, Math.floor(Date.now() / 1000)), false);
      assert.equal(request.headers['content-type'], 'application/json');
      const body = JSON.parse(request.body) as { id: string; type: string; at: string; stationId: string; data: unknown };
      assert.equal(body.id, request.headers['chargeops-event-id']);
      assert.equal(body.type, request.headers['chargeops-event-type']);
      if (body.type === 'sig.hello') assert.deepEqual(body, { id: body.id, type: 'sig.hello', at: body.at, stationId: 'CP-W', data: { answer: 42 } });
      else assert.equal(body.stationId, 'WH-1');
    }
    await waitUntil(async () => (await deliveriesOf(server, webhook.id)).every((d) => d.status === 'succeeded'));
    const log = await deliveriesOf(server, webhook.id);
    assert.equal(log.length, 2);
    assert.deepEqual(log.map((d) => [d.attempts, d.lastStatusCode]), [[1, 200], [1, 200]]);
    await station.close();
  });

  it('retries failed deliveries with backoff until one succeeds', async () => {
    const endpoint = await receiver();
    endpoint.respond = (index) => (index < 2 ? 500 : 200);
    const webhook = await subscribe(endpoint.url, ['retry.*']);
    publish('retry.once');
    await waitUntil(async () => (await deliveriesOf(server, webhook.id))[0]?.status === 'succeeded');
    const [delivery] = await deliveriesOf(server, webhook.id);
    assert.equal(delivery!.attempts, 3);
    assert.equal(delivery!.lastStatusCode, 200);
    assert.equal(new Set(endpoint.requests.map((r) => r.headers['chargeops-event-id'])).size, 1, 'the same event each time');
    assert.equal((await server.api.request('GET', `/api/v1/webhooks/${webhook.id}`)).body.consecutiveFailures, 0, 'a success resets the count');
  });

  it('gives a delivery up after its attempts, disables the webhook after consecutive failures, and resumes when re-enabled', async () => {
    const endpoint = await receiver();
    endpoint.respond = () => 503;
    const webhook = await subscribe(endpoint.url, ['down.*']);
    publish('down.first');
    await waitUntil(async () => (await deliveriesOf(server, webhook.id))[0]?.status === 'failed');
    const [gaveUp] = await deliveriesOf(server, webhook.id);
    assert.equal(gaveUp!.attempts, 3, 'maxAttempts');
    assert.match(gaveUp!.lastError ?? '', /^HTTP 503: answer 503/);
    publish('down.second');
    await waitUntil(async () => (await server.api.request('GET', `/api/v1/webhooks/${webhook.id}`)).body.enabled === false);
    const disabled = (await server.api.request('GET', `/api/v1/webhooks/${webhook.id}`)).body;
    assert.match(disabled.disabledReason, /5 delivery attempts in a row failed/);
    await waitUntil(() => received.some((e) => e.type === 'webhook.disabled' && e.data['webhookId'] === webhook.id));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(endpoint.requests.length, 5, 'nothing is sent to a disabled webhook');
    const parked = (await deliveriesOf(server, webhook.id)).find((d) => d.eventType === 'down.second');
    assert.deepEqual([parked?.status, parked?.attempts, parked?.nextAttemptAt], ['pending', 2, null]);
    const redeliverDisabled = await server.api.request('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${gaveUp!.id}/redeliver`);
    assert.equal(redeliverDisabled.body.code, 'webhook_disabled');

    endpoint.respond = () => 200;
    const enabled = await server.api.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { enabled: true });
    assert.deepEqual([enabled.body.enabled, enabled.body.disabledReason, enabled.body.consecutiveFailures], [true, null, 0]);
    await waitUntil(async () => (await deliveriesOf(server, webhook.id)).find((d) => d.eventType === 'down.second')?.status === 'succeeded');
  });

  it('matches each event against the subscription as changed through the API just before (ADR 096)', async () => {
    const endpoint = await receiver();
    const sentinel = await subscribe(endpoint.url, ['chg.*']);
    const webhook = await subscribe(endpoint.url, ['chg.a']);
    const typesOf = async (id: string) => (await deliveriesOf(server, id)).map((d) => d.eventType).sort();
    // Both subscriptions' deliveries of an event are written in one transaction: once the sentinel
    // has its delivery, the other subscription's are stored too (or are not owed).
    const publishAndSettle = async (types: string[]) => {
      const last = types[types.length - 1]!;
      const count = types.filter((type) => type === last).length + (await typesOf(sentinel.id)).filter((type) => type === last).length;
      for (const type of types) publish(type);
      await waitUntil(async () => (await typesOf(sentinel.id)).filter((type) => type === last).length === count);
    };
    await publishAndSettle(['chg.a']);
    assert.deepEqual(await typesOf(webhook.id), ['chg.a']);
    assert.equal((await server.api.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { eventTypes: ['chg.b'] })).status, 200);
    await publishAndSettle(['chg.a', 'chg.b']);
    assert.deepEqual(await typesOf(webhook.id), ['chg.a', 'chg.b'], 'the new types apply to the next event');
    assert.equal((await server.api.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { enabled: false })).status, 200);
    await publishAndSettle(['chg.b']);
    assert.deepEqual(await typesOf(webhook.id), ['chg.a', 'chg.b'], 'a disabled subscription is owed nothing new');
    assert.equal((await server.api.request('PATCH', `/api/v1/webhooks/${webhook.id}`, { enabled: true })).status, 200);
    await publishAndSettle(['chg.b']);
    assert.deepEqual(await typesOf(webhook.id), ['chg.a', 'chg.b', 'chg.b'], 're-enabled');
    assert.equal((await server.api.request('DELETE', `/api/v1/webhooks/${webhook.id}`)).status, 204);
    await publishAndSettle(['chg.b']);
    const left = await server.db.execute(sql`select count(*)::int as n from webhook_deliveries where subscription_id = ${webhook.id}`);
    assert.equal((left as unknown as { rows: Array<{ n: number }> }).rows[0]!.n, 0, 'a deleted subscription is owed nothing');
  });

  it('redelivers on request', async () => {
    const endpoint = await receiver();
    const webhook = await subscribe(endpoint.url, ['again.*']);
    publish('again.please');
    await waitUntil(async () => (await deliveriesOf(server, webhook.id))[0]?.status === 'succeeded');
    const [delivery] = await deliveriesOf(server, webhook.id);
    const redelivered = await server.api.request('POST', `/api/v1/webhooks/${webhook.id}/deliveries/${delivery!.id}/redeliver`);
    assert.equal(redelivered.status, 202);
    assert.equal(redelivered.body.status, 'pending');
    await waitUntil(() => endpoint.requests.length === 2);
    assert.equal(endpoint.requests[1]!.headers['chargeops-event-id'], delivery!.eventId);
    await waitUntil(async () => (await deliveriesOf(server, webhook.id))[0]?.attempts === 2);
    assert.equal((await server.api.request('POST', `/api/v1/webhooks/${webhook.id}/deliveries/999999/redeliver`)).body.code, 'webhook_delivery_not_found');
  });
});

describe('webhook deliveries survive a restart', () => {
  it('sends from a new server the deliveries a stopped one left pending', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'chargeops-webhooks-'));
    const endpoint = await HttpReceiver.start();
    const config = { apiKey: 'cok_restart-test-key-0123456789', webhooks: { ...FAST_RETRIES, retryScheduleSeconds: [0.3], maxAttempts: 8 } };
    try {
      endpoint.respond = () => 500;
      const first = await startTestServer(config, { dataDir });
      const webhook = (await first.api.request('POST', '/api/v1/webhooks', { url: endpoint.url, eventTypes: ['restart.*'] })).body as { id: string; secret: string };
      first.events.publish({ type: 'restart.pending', tenantId: 'default', at: new Date(), data: {} });
      // Wait for a failure to be recorded, not just received: stop() interrupts an attempt in flight
      // and releases it uncounted, so the receiver may see more requests than were recorded.
      await waitUntil(async () => ((await deliveriesOf(first, webhook.id))[0]?.attempts ?? 0) >= 1);
      const recordedBeforeStop = (await deliveriesOf(first, webhook.id))[0]!.attempts;
      await first.stop();

      endpoint.respond = () => 200;
      const second = await startTestServer(config, { dataDir });
      try {
        await waitUntil(async () => (await deliveriesOf(second, webhook.id))[0]?.status === 'succeeded', 10_000);
        const last = endpoint.requests[endpoint.requests.length - 1]!;
        assert.equal(JSON.parse(last.body).type, 'restart.pending');
        assert.ok(verifySignature(webhook.secret, String(last.headers['chargeops-signature']), last.body, Math.floor(Date.now() / 1000)));
        // The failures counted before the restart are kept, and the success is one more attempt.
        const attempts = (await deliveriesOf(second, webhook.id))[0]!.attempts;
        assert.ok(attempts >= recordedBeforeStop + 1, `${attempts} attempts after ${recordedBeforeStop} recorded before the restart`);
        assert.ok(attempts <= endpoint.requests.length, 'no attempt is counted that was not sent');
      } finally {
        await second.stop();
      }
    } finally {
      await endpoint.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
