import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openEventStream, readMessages } from '../../../../web/src/api/event-stream.js';

/** A body delivered in the given chunks, as the network may split it anywhere. */
function body(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({ start(controller) { for (const c of chunks) controller.enqueue(encoder.encode(c)); controller.close(); } });
}

async function parse(...chunks: string[]) {
  const messages: Array<{ id: string | null; event: string | null; data: string | null }> = [];
  await readMessages(body(...chunks), (m) => messages.push(m));
  return messages;
}

describe('dashboard SSE reader (WHATWG event-stream format)', () => {
  it('reads id, event and data, skipping heartbeat comments', async () => {
    assert.deepEqual(await parse(': heartbeat\n\nid: 42\nevent: station.connected\ndata: {"a":1}\n\n'), [
      { id: '42', event: 'station.connected', data: '{"a":1}' },
    ]);
  });

  it('joins multi-line data and accepts CRLF and CR line ends', async () => {
    assert.deepEqual(await parse('id: 1\r\ndata: one\r\ndata: two\r\n\r\nid: 2\rdata:three\r\r'), [
      { id: '1', event: null, data: 'one\ntwo' },
      { id: '2', event: null, data: 'three' },
    ]);
  });

  it('handles messages split across network chunks at any point', async () => {
    for (const end of ['\n', '\r\n']) {
      const text = `id: 7${end}event: session.updated${end}data: {"energyWh":"12.5"}${end}${end}id: 8${end}data: x${end}${end}`;
      for (let cut = 1; cut < text.length; cut++) {
        const messages = await parse(text.slice(0, cut), text.slice(cut));
        assert.deepEqual(messages.map((m) => [m.id, m.data]), [['7', '{"energyWh":"12.5"}'], ['8', 'x']], `cut at ${cut} (${JSON.stringify(end)})`);
      }
    }
  });

  it('drops an unfinished last message (the stream ended mid-message)', async () => {
    assert.deepEqual((await parse('id: 1\ndata: a\n\nid: 2\ndata: b')).map((m) => m.id), ['1']);
  });
});

describe('dashboard event stream: refused vs lost', () => {
  /** Opens the stream against a fetch that always answers `status`; the states and fetch count after a while. */
  async function against(status: number): Promise<{ states: string[]; calls: number }> {
    const states: string[] = [];
    let calls = 0;
    const original = globalThis.fetch;
    globalThis.fetch = (async () => { calls++; return new Response('{"code":"forbidden"}', { status }); }) as typeof fetch;
    try {
      const stream = openEventStream({ onEvent: () => undefined, onState: (state) => states.push(state), backoffMs: [5], url: 'http://127.0.0.1:9/api/v1/events' });
      await new Promise((resolve) => setTimeout(resolve, 100));
      stream.close();
    } finally {
      globalThis.fetch = original;
    }
    return { states, calls };
  }

  it('a 403 (a site-scoped user) is "denied" once and not retried', async () => {
    assert.deepEqual(await against(403), { states: ['connecting', 'denied'], calls: 1 });
  });

  it('a 503 is "lost" and retried with backoff', async () => {
    const { states, calls } = await against(503);
    assert.ok(calls > 1, `retried: ${calls}`);
    assert.equal(states[0], 'connecting');
    assert.ok(states.slice(1).every((state) => state === 'lost'), states.join());
  });
});

