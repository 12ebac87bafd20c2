import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocket, WebSocketServer, type RawData } from 'ws';
import { RpcConnection, type CallDispatcher, type CallHandler } from '../protocol/rpc-connection.js';
import { stationLogger } from '../infra/logger.js';
import { getMessageValidator } from '../protocol/validation.js';
import { negotiateSubprotocol, type OcppVersion } from '../protocol/versions.js';
import type { RegistrationStatus } from '../modules/stations/domain/station.js';
import { LiveStationLink, type ConnectionRegistry, type LiveStation } from './live-station.js';
import { parseBasicAuth, stationIdFromPath, type BasicCredentials } from './station-identity.js';

export type StationAdmission =
  | { ok: true; tenantId: string; registrationStatus: RegistrationStatus }
  | { ok: false; status: 401 | 403 | 404; reason: string };

export type Disconnect = { at: Date; code: number; reason: string; stillCurrent: boolean };

/** What the gateway asks of the rest of the server about a station's link. */
export interface StationLifecycle {
  admit(stationId: string, credentials: BasicCredentials | undefined, version: OcppVersion, remoteAddress: string | null): Promise<StationAdmission>;
  connected(live: LiveStation): Promise<void>;
  disconnected(live: LiveStation, disconnect: Disconnect): Promise<void>;
  /** `log` is the link's logger (already bound to the station): one child logger per link, not one per user. */
  dispatcherFor(live: LiveStation, log: Logger): CallDispatcher | CallHandler;
  received?(live: LiveStation, action: string, payload: unknown): void;
}

export type GatewayOptions = {
  maxFrameBytes: number;
  pingIntervalMs: number;
  callTimeoutMs: number;
  maxQueuedCalls: number;
};

type LinkState = { closeReason?: string; lifecycle: Promise<void>; ended: boolean };

/** ws creates this class for each accepted socket: the link is a field, so the listeners can be shared functions. */
class LinkSocket extends WebSocket {
  link: LiveStationLink | undefined = undefined;
}

function linkOf(ws: WebSocket): LiveStationLink {
  return (ws as LinkSocket).link!;
}

/** The socket listeners every link shares (ADR 074): no closures per link. */
type LinkListeners = {
  message: (this: WebSocket, data: RawData, isBinary: boolean) => void;
  pong: (this: WebSocket) => void;
  error: (this: WebSocket, error: Error) => void;
  close: (this: WebSocket, code: number, reason: Buffer) => void;
};

/**
 * Accepts OCPP-J WebSocket upgrades at /ocpp/<stationId>: negotiates the subprotocol (refusing a
 * connection that offers none we speak, TC_B_58), authenticates the station (security profile 1:
 * HTTP Basic, username = station id), keeps one link per station (a new one replaces the stale
 * one), sweeps liveness with WebSocket pings, and shuts down gracefully.
 */
export class OcppGateway {
  private readonly wss: WebSocketServer;
  private readonly links = new WeakMap<LiveStation, LinkState>();
  private readonly negotiated = new WeakMap<IncomingMessage, OcppVersion>();
  private sweepTimer: NodeJS.Timeout | undefined;
  private accepting = true;
  private readonly listeners: LinkListeners;
  private readonly onUpgradeSocketError = (error: Error): void => this.log.debug({ err: error }, 'upgrade socket error');

  constructor(
    private readonly registry: ConnectionRegistry,
    private readonly lifecycle: StationLifecycle,
    private readonly options: GatewayOptions,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false, // ~250 KB per socket otherwise (PERFORMANCE.md)
      clientTracking: false,
      handleProtocols: (_offered, request) => this.negotiated.get(request) ?? false,
      WebSocket: LinkSocket,
    });
    const gateway = this;
    this.listeners = {
      message(data, isBinary) {
        const live = linkOf(this);
        live.awaitingPong = false;
        if (isBinary) gateway.log.debug({ stationId: live.stationId }, 'binary frame treated as text');
        live.connection.receive(data.toString());
      },
      pong() {
        linkOf(this).awaitingPong = false;
      },
      error(error) {
        gateway.log.warn({ err: error, stationId: linkOf(this).stationId }, 'websocket error');
      },
      close(code, reasonBuffer) {
        gateway.linkClosed(linkOf(this), code, reasonBuffer);
      },
    };
  }

  attach(server: Server): void {
    server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', this.onUpgradeSocketError);
      this.handleUpgrade(request, socket, head).catch((error: unknown) => {
        this.log.error({ err: error }, 'upgrade failed');
        rejectUpgrade(socket, 500, 'Internal error');
      });
    });
    this.sweepTimer = setInterval(() => this.sweepLiveness(), this.options.pingIntervalMs);
    this.sweepTimer.unref();
  }

  private async handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const stationId = stationIdFromPath(url.pathname);
    if (!stationId) return rejectUpgrade(socket, 404, 'Not an OCPP endpoint: use /ocpp/<stationId>');
    if (!this.accepting) return rejectUpgrade(socket, 503, 'Server is shutting down');
    const offered = (request.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter(Boolean);
    const version = negotiateSubprotocol(offered);
    const remoteAddress = request.socket.remoteAddress ?? null;
    const log = stationLogger(this.log, stationId);
    if (!version) {
      log.warn({ offered }, 'connection refused: no supported OCPP subprotocol offered');
      return rejectUpgrade(socket, 400, 'No supported subprotocol: offer ocpp1.6, ocpp2.0.1 or ocpp2.1');
    }
    const credentials = parseBasicAuth(request.headers.authorization);
    const admission = await this.lifecycle.admit(stationId, credentials, version, remoteAddress);
    if (!admission.ok) {
      log.warn({ reason: admission.reason, remoteAddress }, 'connection refused');
      return rejectUpgrade(socket, admission.status, admission.status === 401 ? 'Unauthorized' : admission.reason);
    }
    if (socket.destroyed) return;
    this.negotiated.set(request, version);
    this.wss.handleUpgrade(request, socket, head, (ws) => this.accept(ws as LinkSocket, stationId, version, admission, remoteAddress, log));
  }

  private accept(ws: LinkSocket, stationId: string, version: OcppVersion, admission: Extract<StationAdmission, { ok: true }>, remoteAddress: string | null, log: Logger): void {
    const live = new LiveStationLink({ stationId, tenantId: admission.tenantId, version, socket: ws, remoteAddress, registrationStatus: admission.registrationStatus });
    const dispatch = this.lifecycle.dispatcherFor(live, log);
    live.connection = new RpcConnection(ws, {
      version,
      role: 'csms',
      validator: getMessageValidator(version),
      dispatch,
      onSend: this.lifecycle.received ? (action, payload) => this.lifecycle.received?.(live, action, payload) : undefined,
      callTimeoutMs: this.options.callTimeoutMs,
      maxQueuedCalls: this.options.maxQueuedCalls,
      maxQueuedInbound: 16,
      log,
    });
    const previous = this.registry.put(live);
    let recordedBefore: Promise<void> = Promise.resolve();
    if (previous) {
      log.info('new connection replaces the previous one');
      // The old link ends the moment the new one starts; its disconnect is recorded first.
      this.endLink(previous, 1000, 'replaced-by-new-connection', false, live.connectedAt);
      recordedBefore = this.links.get(previous)?.lifecycle ?? recordedBefore;
      previous.socket.close(1000, 'Replaced by a newer connection');
    }
    const recorded = recordedBefore
      .then(() => this.lifecycle.connected(live))
      .catch((error: unknown) => log.error({ err: error }, 'recording connect failed'));
    this.links.set(live, { lifecycle: recorded, ended: false });
    log.info({ version, remoteAddress }, 'station connected');

    ws.link = live;
    ws.on('message', this.listeners.message);
    ws.on('pong', this.listeners.pong);
    ws.on('error', this.listeners.error);
    ws.on('close', this.listeners.close);
  }

  private linkClosed(live: LiveStationLink, code: number, reasonBuffer: Buffer): void {
    live.connection.handleClosed();
    const state = this.links.get(live);
    const reason = state?.closeReason ?? (reasonBuffer.length > 0 ? reasonBuffer.toString() : describeCloseCode(code));
    const stillCurrent = this.registry.removeIfCurrent(live);
    this.endLink(live, code, reason, stillCurrent);
    this.log.info({ stationId: live.stationId, code, reason }, 'station disconnected');
  }

  /** Records the end of a link once, after its connect has been recorded. */
  private endLink(live: LiveStation, code: number, reason: string, stillCurrent: boolean, at = new Date()): void {
    const state = this.links.get(live);
    if (!state || state.ended) return;
    state.ended = true;
    state.closeReason = reason;
    state.lifecycle = state.lifecycle
      .then(() => this.lifecycle.disconnected(live, { at, code, reason, stillCurrent }))
      .catch((error: unknown) => this.log.error({ err: error, stationId: live.stationId }, 'recording disconnect failed'));
  }

  /** One timer for all links: a link that did not answer the previous ping is closed. */
  private sweepLiveness(): void {
    for (const live of this.registry.all()) {
      if (live.awaitingPong) {
        const state = this.links.get(live);
        if (state) state.closeReason = 'ping-timeout';
        live.socket.terminate();
        continue;
      }
      live.awaitingPong = true;
      live.socket.ping();
    }
  }

  /**
   * Stops accepting, lets in-flight calls finish within the grace period, then closes every link
   * with 1001 (going away) and waits until each disconnect is recorded.
   */
  async shutdown(graceMs: number): Promise<void> {
    this.accepting = false;
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    const lives = [...this.registry.all()];
    await withTimeout(Promise.all(lives.map((live) => live.connection.whenIdle())), graceMs);
    for (const live of lives) {
      const state = this.links.get(live);
      if (state) state.closeReason = 'server-shutdown';
      live.socket.close(1001, 'Server shutting down');
    }
    await withTimeout(Promise.all(lives.map((live) => waitForClose(live.socket))), 2000);
    for (const live of lives) {
      if (live.socket.readyState !== live.socket.CLOSED) live.socket.terminate();
      // A socket killed without a close event still needs its disconnect recorded.
      if (this.registry.removeIfCurrent(live)) this.endLink(live, 1001, 'server-shutdown', true);
    }
    await Promise.all(lives.map((live) => this.links.get(live)?.lifecycle));
    this.wss.close();
  }
}

function rejectUpgrade(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const statusText: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error', 503: 'Service Unavailable' };
  const headers = [
    `HTTP/1.1 ${status} ${statusText[status] ?? 'Error'}`,
    'Connection: close',
    'Content-Type: text/plain; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(message)}`,
    ...(status === 401 ? ['WWW-Authenticate: Basic realm="ChargeOps OCPP", charset="UTF-8"'] : []),
  ];
  socket.end(`${headers.join('\r\n')}\r\n\r\n${message}`);
}

function describeCloseCode(code: number): string {
  if (code === 1000 || code === 1005) return 'closed-by-station';
  if (code === 1001) return 'station-going-away';
  if (code === 1006) return 'connection-lost';
  if (code === 1009) return 'frame-too-large';
  return `close-code-${code}`;
}

function waitForClose(socket: WebSocket): Promise<void> {
  if (socket.readyState === socket.CLOSED) return Promise.resolve();
  return new Promise((resolve) => socket.once('close', () => resolve()));
}

async function withTimeout(promise: Promise<unknown>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([promise, new Promise((resolve) => { timer = setTimeout(resolve, ms); })]);
  clearTimeout(timer);
}
