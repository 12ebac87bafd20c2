import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { and, asc, eq, gt } from 'drizzle-orm';
import { eventLog } from '../../infra/db/schema.js';
import { bootPayload } from '../../testing/ocpp-fixtures.js';
import { SseReader } from '../../testing/sse-reader.js';
import { RawStation, startTestServer } from '../../testing/test-server.js';
import { createTenantWithKey } from '../../testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
type Payload = { type: string; tenantId: string; stationId: string | null; at: string; data: Record<string, unknown> };

const payloadOf = (reader: SseReader, index: number): Payload => JSON.parse(reader.messages[index]!.data) as Payload;

describe('GET /api/v1/events (server-sent events)', () => {
  let server: Server;
  let otherKey: string;
  const readers: SseReader[] = [];
  const open = async (query = '', headers: Record<string, string> = {}, apiKey?: string) => {
    const reader = await SseReader.open(`${server.baseUrl}/api/v1/events${query}`, { authorization: `Bearer ${apiKey ?? server.api.apiKey}`, ...headers });
    readers.push(reader);
    return reader;
  };
  const publish = (type: string, tenantId = 'default', stationId?: string) =>
    server.events.publish({ type, tenantId, at: new Date(), data: { n: type }, ...(stationId ? { stationId } : {}) });

  before(async () => {
    server = await startTestServer({ events: { heartbeatSeconds: 0.2, maxReplay: 5 } });
    otherKey = (await createTenantWithKey(server.db, 'other')).apiKey;
  });
  after(async () => {
    for (const reader of readers) reader.close();
    await server.stop();
  });

  it('streams station.connected when a station connects', async () => {
    const reader = await open();
    assert.equal(reader.response.status, 200);
    assert.match(reader.response.headers.get('content-type') ?? '', /^text\/event-stream/);
    const station = await RawStation.connect(server.baseUrl, 'SSE-1', ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await reader.waitUntil((r) => r.messages.some((m) => m.event === 'station.connected'));
    const index = reader.messages.findIndex((m) => m.event === 'station.connected');
    const message = reader.messages[index]!;
    assert.match(message.id ?? '', /^[1-9][0-9]*$/);
    const payload = payloadOf(reader, index);
    assert.equal(payload.type, 'station.connected');
    assert.equal(payload.tenantId, 'default');
    assert.equal(payload.stationId, 'SSE-1');
    assert.deepEqual(payload.data, { ocppVersion: 'ocpp1.6' });
    assert.ok(!Number.isNaN(Date.parse(payload.at)));
    await station.close();
  });

  it('filters by type patterns and station', async () => {
    const reader = await open('?types=test.*,other.exact&stationId=F-1');
    publish('test.one', 'default', 'F-1');
    publish('test.two', 'default', 'F-2');
    publish('nottest.three', 'default', 'F-1');
    publish('other.exact', 'default', 'F-1');
    publish('other.exactly', 'default', 'F-1');
    await reader.waitForMessages(2);
    publish('test.marker', 'default', 'F-1');
    await reader.waitForMessages(3);
    assert.deepEqual(reader.messages.map((m) => m.event), ['test.one', 'other.exact', 'test.marker']);
  });

  it('never sends another tenant\'s events, whichever way the tenant is chosen', async () => {
    const tenantKey = await open('?types=iso.*', {}, otherKey);
    const platformAsOther = await open('?types=iso.*', { 'x-tenant-id': 'other' });
    const platformDefault = await open('?types=iso.*');
    publish('iso.default-only');
    publish('iso.other-only', 'other');
    publish('iso.default-marker');
    await platformDefault.waitForMessages(2);
    await tenantKey.waitForMessages(1);
    await platformAsOther.waitForMessages(1);
    assert.deepEqual(platformDefault.messages.map((m) => m.event), ['iso.default-only', 'iso.default-marker']);
    for (const reader of [tenantKey, platformAsOther]) {
      assert.deepEqual(reader.messages.map((m) => m.event), ['iso.other-only']);
      assert.equal(payloadOf(reader, 0).tenantId, 'other');
    }
  });

  it('resumes after Last-Event-ID: replay, then live, without gap or duplicate', async () => {
    const first = await open('?types=resume.*');
    for (let i = 0; i < 3; i += 1) publish(`resume.a${i}`);
    await first.waitForMessages(3);
    first.close();
    const lastSeen = first.messages[1]!.id!;
    for (let i = 0; i < 2; i += 1) publish(`resume.b${i}`);
    // Events keep coming while the client reconnects and its replay runs: the race the hub handles.
    const burst = (async () => {
      for (let i = 0; i < 40; i += 1) {
        publish(`resume.c${i}`);
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const resumed = await open('?types=resume.*', { 'last-event-id': lastSeen });
    await burst;
    publish('resume.end');
    await resumed.waitUntil((r) => r.messages.some((m) => m.event === 'resume.end'));
    const stored = await server.db.select({ id: eventLog.id, type: eventLog.type }).from(eventLog)
      .where(and(eq(eventLog.tenantId, 'default'), gt(eventLog.id, BigInt(lastSeen)))).orderBy(asc(eventLog.id));
    const resumeIds = stored.filter((row) => row.type.startsWith('resume.')).map((row) => row.id.toString());
    assert.equal(resumeIds.length, 1 + 2 + 40 + 1);
    assert.deepEqual(resumed.ids, resumeIds, 'every stored event after the id, once, in order');
    assert.equal(resumed.messages[0]!.event, 'resume.a2');
  });

  it('resumes with ?lastEventId= and bounds one replay (the client reconnects for the rest)', async () => {
    const live = await open('?types=bound.*');
    for (let i = 0; i < 12; i += 1) publish(`bound.e${i}`);
    await live.waitForMessages(12);
    const start = String(BigInt(live.messages[0]!.id!) - 1n);
    const replay = await open(`?types=bound.*&lastEventId=${start}`);
    await replay.ended;
    assert.equal(replay.messages.length, 5, 'maxReplay is 5');
    assert.ok(replay.comments.some((c) => c.includes('replay limit')));
    const next = await open('?types=bound.*', { 'last-event-id': replay.messages[4]!.id! });
    await next.ended;
    assert.deepEqual([...replay.ids, ...next.ids], live.ids.slice(0, 10));
  });

  it('sends a heartbeat comment periodically', async () => {
    const reader = await open('?types=nothing.*');
    await reader.waitUntil((r) => r.comments.includes('heartbeat'), 3000, 'heartbeat');
    reader.close();
  });

  it('answers problems before the stream starts', async () => {
    const unauthenticated = await fetch(`${server.baseUrl}/api/v1/events`);
    assert.equal(unauthenticated.status, 401);
    const badFilter = await server.api.request('GET', '/api/v1/events?types=Station.%3F');
    assert.equal(badFilter.status, 400);
    assert.equal(badFilter.body.code, 'invalid_event_filter');
    const badId = await server.api.request('GET', '/api/v1/events', undefined, { 'last-event-id': 'abc' });
    assert.equal(badId.status, 400);
    const docs = (await (await fetch(`${server.baseUrl}/api/docs/json`)).json()) as { paths: Record<string, { get?: { responses?: Record<string, { content?: Record<string, unknown> }> } }> };
    assert.ok(docs.paths['/api/v1/events']?.get?.responses?.['200']?.content?.['text/event-stream']);
  });
});
