// Server-sent event streams of domain events, one per connected client. A client that resumes
// (Last-Event-ID) first gets the stored events after that id, then the live ones. Live events that
// arrive during the replay are held and sent afterwards, skipping any id the replay already sent:
// the client is registered before the replay query starts, so an event is either committed before
// the query (and replayed) or fanned out after registration (and held), never neither.
import type { ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { matchesFilter, type EventFilter, type PersistedEvent } from './event-types.js';

export type SseHubOptions = {
  /** Comment line sent to every client this often, so proxies keep the connection (15 s). */
  heartbeatMs: number;
  /** Most stored events replayed on one connection; past it the stream ends and the client resumes. */
  maxReplay: number;
  replayPageSize: number;
  /** Live output a client may leave unread before it is disconnected. */
  maxBufferedBytes: number;
  /** Live events held for a client while its replay runs. */
  maxPendingEvents: number;
};

export const DEFAULT_SSE_OPTIONS: SseHubOptions = {
  heartbeatMs: 15_000, maxReplay: 10_000, replayPageSize: 500, maxBufferedBytes: 1024 * 1024, maxPendingEvents: 10_000,
};

/** A tenant's stored events after an id, oldest first. */
export type ReplaySource = (tenantId: string, afterId: bigint, filter: EventFilter, limit: number) => Promise<PersistedEvent[]>;

export type StreamRequest = { tenantId: string; filter: EventFilter; lastEventId: bigint | null; remoteAddress: string };

/** One SSE message; `data` is one line because JSON.stringify escapes line breaks. */
export function formatSseEvent(event: PersistedEvent): string {
  const data = JSON.stringify({ type: event.type, tenantId: event.tenantId, stationId: event.stationId ?? null, at: event.at.toISOString(), data: event.data });
  return `id: ${event.id}\nevent: ${event.type}\ndata: ${data}\n\n`;
}

export class SseHub {
  private readonly clients = new Set<SseClient>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(private readonly replay: ReplaySource, private readonly options: SseHubOptions, private readonly log: Logger) {}

  get clientCount(): number {
    return this.clients.size;
  }

  publish(event: PersistedEvent): void {
    for (const client of this.clients) client.offer(event);
  }

  /** Takes over a response whose request was already authenticated and scoped to a tenant. */
  open(res: ServerResponse, request: StreamRequest): void {
    const client = new SseClient(res, request, this.options, this.log, () => this.clients.delete(client));
    this.clients.add(client);
    // One timer for all clients rather than one per connection.
    this.heartbeat ??= setInterval(() => {
      for (const c of this.clients) c.sendHeartbeat();
    }, this.options.heartbeatMs).unref();
    client.start(this.replay).catch((error: unknown) => {
      this.log.error({ err: error, tenantId: request.tenantId }, 'SSE stream failed');
      client.end();
    });
  }

  /** Ends every stream (shutdown: Fastify's close would otherwise wait for them). */
  close(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    for (const client of [...this.clients]) client.end();
  }
}

class SseClient {
  private state: 'replaying' | 'live' | 'closed' = 'replaying';
  private pending: PersistedEvent[] = [];
  private lastSentId: bigint;

  constructor(
    private readonly res: ServerResponse,
    private readonly request: StreamRequest,
    private readonly options: SseHubOptions,
    private readonly log: Logger,
    private readonly onClosed: () => void,
  ) {
    this.lastSentId = request.lastEventId ?? 0n;
    res.on('close', () => this.closed());
  }

  async start(replay: ReplaySource): Promise<void> {
    this.res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no', // nginx would otherwise buffer the stream
    });
    this.res.write(': connected\n\n');
    if (this.request.lastEventId !== null && !(await this.replayStored(replay, this.request.lastEventId))) return;
    if (this.state === 'closed') return;
    this.state = 'live';
    const held = this.pending;
    this.pending = [];
    for (const event of held) this.sendLive(event);
  }

  offer(event: PersistedEvent): void {
    if (this.state === 'closed' || event.tenantId !== this.request.tenantId || !matchesFilter(this.request.filter, event)) return;
    if (this.state === 'live') return this.sendLive(event);
    if (this.pending.length >= this.options.maxPendingEvents) return this.drop('too many live events while replaying');
    this.pending.push(event);
  }

  sendHeartbeat(): void {
    if (this.state === 'live') this.writeLive(': heartbeat\n\n');
  }

  end(): void {
    if (this.state === 'closed') return;
    this.res.end();
    this.closed();
  }

  /** True when the replay reached the newest stored event; false when the stream ended. */
  private async replayStored(replay: ReplaySource, lastEventId: bigint): Promise<boolean> {
    let after = lastEventId;
    let sent = 0;
    try {
      for (;;) {
        const limit = Math.min(this.options.replayPageSize, this.options.maxReplay - sent);
        if (limit <= 0) {
          // Bounded work per connection: the client reconnects with the last id it got (no gap).
          this.res.write(': replay limit reached, reconnect with Last-Event-ID to continue\n\n');
          this.end();
          return false;
        }
        const page = await replay(this.request.tenantId, after, this.request.filter, limit);
        for (const event of page) {
          if (this.state === 'closed') return false;
          this.lastSentId = event.id;
          // The replay waits for a slow reader instead of disconnecting it: it is bounded already.
          if (!this.res.write(formatSseEvent(event))) await this.drained();
        }
        sent += page.length;
        if (page.length < limit) return this.state !== 'closed';
        after = page[page.length - 1]!.id;
      }
    } catch (error) {
      this.log.error({ err: error, tenantId: this.request.tenantId }, 'SSE replay failed: stream ended');
      this.end();
      return false;
    }
  }

  private sendLive(event: PersistedEvent): void {
    // The replay may already have sent it (committed before the query, fanned out after).
    if (event.id <= this.lastSentId) return;
    this.lastSentId = event.id;
    this.writeLive(formatSseEvent(event));
  }

  private writeLive(chunk: string): void {
    if (this.state === 'closed') return;
    this.res.write(chunk);
    if (this.res.writableLength > this.options.maxBufferedBytes) this.drop('client does not read fast enough');
  }

  private drop(reason: string): void {
    this.log.warn({ tenantId: this.request.tenantId, remoteAddress: this.request.remoteAddress, bufferedBytes: this.res.writableLength, reason }, 'SSE client disconnected');
    this.res.destroy();
    this.closed();
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      if (this.res.destroyed || this.state === 'closed') return resolve();
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  private closed(): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.pending = [];
    this.onClosed();
  }
}
