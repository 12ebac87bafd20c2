import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readMessages } from '../../../../web/src/api/event-stream.js';

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
