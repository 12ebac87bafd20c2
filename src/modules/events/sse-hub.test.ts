import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { once } from 'node:events';
import { after, describe, it } from 'node:test';
import { pino } from 'pino';
import { SseReader } from '../../testing/sse-reader.js';
import { waitUntil } from '../../testing/test-server.js';
import type { EventFilter, PersistedEvent } from './event-types.js';
import { DEFAULT_SSE_OPTIONS, SseHub, type ReplaySource, type SseHubOptions } from './sse-hub.js';

const event = (id: number, type = 't.e', data: Record<string, unknown> = {}): PersistedEvent => ({ id: BigInt(id), type, tenantId: 'T', at: new Date(0), data });
const ALL: EventFilter = { types: null, stationId: null };

/** A hub behind a bare node:http server; every request opens a stream for tenant T from `last-event-id`. */
async function hubServer(replay: ReplaySource, options: Partial<SseHubOptions> = {}) {
  const lines: string[] = [];
  const log = pino({ level: 'warn' }, { write: (line: string) => { lines.push(line); } });
  const hub = new SseHub(replay, { ...DEFAULT_SSE_OPTIONS, ...options }, log);
  const server: Server = createServer((req, res) => {
    const last = req.headers['last-event-id'];
    hub.open(res, { tenantId: 'T', filter: ALL, lastEventId: typeof last === 'string' ? BigInt(last) : null, remoteAddress: '127.0.0.1' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  return { hub, server, url, lines, close: async () => { hub.close(); server.closeAllConnections(); server.close(); } };
}

describe('SseHub', () => {
  const cleanups: Array<() => Promise<void>> = [];
  after(async () => { for (const cleanup of cleanups) await cleanup(); });

  it('holds live events during the replay and drops those the replay already sent', async () => {
    let release!: (page: PersistedEvent[]) => void;
    const replay: ReplaySource = (_tenant, afterId) => afterId === 3n ? new Promise((resolve) => { release = resolve; }) : Promise.resolve([]);
    const setup = await hubServer(replay);
    cleanups.push(setup.close);
    const reader = await SseReader.open(setup.url, { 'last-event-id': '3' });
    await waitUntil(() => release !== undefined);
    // Committed before the replay query (so in its page) but fanned out after the client registered:
    setup.hub.publish(event(5));
    setup.hub.publish(event(6));
    setup.hub.publish({ ...event(7), tenantId: 'other' });
    release([event(4), event(5)]);
    setup.hub.publish(event(8));
    await reader.waitForMessages(4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(reader.ids, ['4', '5', '6', '8']);
    reader.close();
  });

  it('disconnects a client that does not read, with a log line, and keeps serving the others', async () => {
    const setup = await hubServer(async () => [], { maxBufferedBytes: 64 * 1024 });
    cleanups.push(setup.close);
    const healthy = await SseReader.open(setup.url, {});
    const socket = connect(Number(new URL(setup.url).port), '127.0.0.1');
    await once(socket, 'connect');
    socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
    await waitUntil(() => setup.hub.clientCount === 2);
    socket.pause(); // never reads again
    const big = 'x'.repeat(16 * 1024);
    for (let id = 1; id <= 5000 && setup.hub.clientCount === 2; id += 1) {
      setup.hub.publish(event(id, 't.big', { big }));
      // Lets the healthy reader keep up: only the stalled one may fall behind.
      await new Promise((resolve) => setImmediate(resolve));
    }
    assert.equal(setup.hub.clientCount, 1, 'the stalled client was dropped');
    assert.ok(setup.lines.some((line) => line.includes('SSE client disconnected')));
    setup.hub.publish(event(100_000, 't.after'));
    await healthy.waitUntil((r) => r.messages.some((m) => m.event === 't.after'), 10_000);
    healthy.close();
    socket.destroy();
  });
});
