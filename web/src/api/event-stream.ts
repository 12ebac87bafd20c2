import { authHeaders } from './credentials.js';

/** One message of GET /api/v1/events. */
export type LiveEvent = { id: string; type: string; tenantId: string; stationId: string | null; at: string; data: Record<string, unknown> };
/** `denied`: the server refuses this principal the stream (403, e.g. a site-scoped user): not retried. */
export type StreamState = 'connecting' | 'open' | 'lost' | 'denied';

type Options = {
  onEvent: (event: LiveEvent) => void;
  onState: (state: StreamState) => void;
  /** Reconnect delays; the last one repeats. */
  backoffMs?: number[];
  url?: string;
};

/**
 * A resumable reader of the server-sent event stream. It is EventSource's protocol done with
 * fetch, because EventSource cannot send the Authorization header an API-key sign-in needs:
 * on every (re)connect it sends the last id seen as Last-Event-ID, so the server replays what
 * was missed while the connection was down, without gap or duplicate.
 */
export function openEventStream(options: Options): { close(): void; lastEventId(): string | null } {
  const backoff = options.backoffMs ?? [500, 1000, 2000, 5000, 10000];
  let lastEventId: string | null = null;
  let closed = false;
  let attempt = 0;
  let controller: AbortController | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;

  const connect = async (): Promise<void> => {
    if (closed) return;
    controller = new AbortController();
    options.onState(attempt === 0 ? 'connecting' : 'lost');
    try {
      const response = await fetch(options.url ?? '/api/v1/events', {
        credentials: 'same-origin',
        signal: controller.signal,
        cache: 'no-store',
        headers: { accept: 'text/event-stream', ...authHeaders('GET'), ...(lastEventId ? { 'last-event-id': lastEventId } : {}) },
      });
      if (response.status === 403) {
        // Retrying cannot help: say so once instead of a "lost" banner forever.
        options.onState('denied');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`event stream answered HTTP ${response.status}`);
      attempt = 0;
      options.onState('open');
      await readMessages(response.body, (message) => {
        if (message.id) lastEventId = message.id;
        if (!message.data) return;
        try {
          const parsed = JSON.parse(message.data) as Omit<LiveEvent, 'id'>;
          options.onEvent({ ...parsed, id: message.id ?? '', type: message.event ?? parsed.type });
        } catch {
          // A message that is not JSON is not ours to show; the stream goes on.
        }
      });
    } catch {
      if (closed) return;
    }
    if (closed) return;
    // The stream ended (server restart, replay cap reached, network loss): resume after a pause.
    options.onState('lost');
    const delay = backoff[Math.min(attempt, backoff.length - 1)] ?? 5000;
    attempt++;
    retryTimer = setTimeout(() => void connect(), delay);
  };
  void connect();

  return {
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      controller?.abort();
    },
    lastEventId: () => lastEventId,
  };
}

type SseMessage = { id: string | null; event: string | null; data: string | null };

/** Parses text/event-stream (WHATWG HTML §9.2): fields per line, a blank line ends a message. */
export async function readMessages(body: ReadableStream<Uint8Array>, onMessage: (message: SseMessage) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  let message: SseMessage = { id: null, event: null, data: null };
  const drain = (final: boolean) => {
    let newline: number;
    while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A CR at the very end may be the first half of a CRLF split across chunks: wait for more.
      if (!final && newline === buffer.length - 1 && buffer.endsWith('\r')) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
      if (line === '') {
        if (message.data !== null || message.id !== null) onMessage(message);
        message = { id: null, event: null, data: null };
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') message.id = value;
      else if (field === 'event') message.event = value;
      else if (field === 'data') message.data = message.data === null ? value : `${message.data}\n${value}`;
    }
  };
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return drain(true);
    buffer += value;
    drain(false);
  }
}
