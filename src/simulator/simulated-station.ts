import { EventEmitter } from 'node:events';
import { pino, type Logger } from 'pino';
import { WebSocket } from 'ws';
import type { CallOutcome } from '../protocol/call-outcome.js';
import { dispatcherFromTable } from '../protocol/handler-types.js';
import { RpcConnection } from '../protocol/rpc-connection.js';
import { getMessageValidator } from '../protocol/validation.js';
import { isOcpp2x, type OcppVersion } from '../protocol/versions.js';
import { defaultSettings16, handlers16 } from './handlers-16.js';
import { defaultSettings2x, handlers2x } from './handlers-2x.js';
import type { SimulatorContext } from './simulator-context.js';
import { seededRandom, type EvseProfile } from './charging-model.js';
import { SystemClock, type Clock } from './clock.js';
import { SessionEngine, status2x } from './session-engine.js';
import { TransactionQueue } from './transaction-queue.js';
import { describeOutcome } from './describe-outcome.js';
import { bootRequest, reportedConnectorIds, statusRequest, type BootReason, type ConnectorStatus } from './station-messages.js';

export { describeOutcome };

export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

/** The answer to a BootNotification, or why there was none (no connection, timeout, CALLERROR). */
export type BootResult =
  | { status: RegistrationStatus; intervalSeconds: number; currentTime: string }
  | { status: 'failed'; reason: string };

export type SimulatedStationOptions = {
  /** The CSMS's OCPP endpoint without the station id, e.g. ws://localhost:8180/ocpp */
  url: string;
  stationId: string;
  version: OcppVersion;
  connectors: number;
  /** HTTP Basic password (security profile 1); the username is the station id. */
  password?: string;
  vendor?: string;
  model?: string;
  firmwareVersion?: string;
  log?: Logger;
  callTimeoutMs?: number;
  /** Heartbeat at this period instead of the interval the CSMS gave (0 = no heartbeats). */
  heartbeatIntervalOverrideSeconds?: number;
  /** Reconnect with backoff after an unexpected close (default false). */
  reconnect?: boolean;
  /** Upper bound of the reconnect backoff (default 60 s). */
  maxReconnectDelayMs?: number;
  /** Time for sessions and meter values (default the system clock; tests pass a ManualClock). */
  clock?: Clock;
  /** Seed of the station's randomness (EVs, meter start); default random. */
  seed?: number;
  /** What each connector (2.x: EVSE) delivers; default AC, three phases, 32 A (22 kW). */
  evse?: EvseProfile;
  /** Sampled meter values during a transaction, every this many seconds (default 60). */
  meterIntervalSeconds?: number;
  /** Delay before a transaction message is retried after a timeout or CALLERROR (default 1 s). */
  transactionRetryMs?: number;
};

export type SimulatedStationEvents = {
  connected: [];
  closed: [code: number, reason: string];
  callReceived: [action: string, payload: unknown];
  /** A CALL this station sent has an outcome. */
  callAnswered: [action: string, outcome: CallOutcome];
  registration: [status: RegistrationStatus, intervalSeconds: number];
  /** A transaction message was answered by the CSMS. */
  transactionMessage: [action: string, payload: unknown, response: unknown];
  /** A transaction message was given up after repeated CALLERRORs. */
  transactionMessageDropped: [action: string, payload: unknown, reason: string];
};

const SILENT = pino({ level: 'silent' });
const RETRY_AFTER_FAILED_BOOT_SECONDS = 30;
const MAX_RECONNECT_DELAY_MS = 60_000;

/**
 * One simulated charging station speaking OCPP-J through the project's own RPC engine (as the
 * station side): boots, reports its connectors, heartbeats, answers the CSMS's calls, and
 * reconnects with backoff when asked to.
 */
export class SimulatedStation extends EventEmitter<SimulatedStationEvents> {
  readonly stationId: string;
  readonly version: OcppVersion;
  /** The last BootNotification outcome. */
  bootStatus: BootResult | undefined;
  /** The registration status the CSMS last gave; undefined before the first answer. */
  registrationStatus: RegistrationStatus | undefined;

  private readonly log: Logger;
  private readonly context: SimulatorContext;
  private readonly statuses = new Map<number, ConnectorStatus>();
  private socket: WebSocket | undefined;
  private connection: RpcConnection | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private bootRetryTimer: NodeJS.Timeout | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private reconnectAttempts = 0;
  private stopping = false;
  /** Set by goOffline(): the link is down on purpose and stays down until goOnline(). */
  private offline = false;
  /** Transaction messages in order, kept while offline. */
  readonly queue: TransactionQueue;
  /** The station's charging sessions: plug in, swipe, unplug; remote control; `setLimit`. */
  readonly sessions: SessionEngine;
  readonly clock: Clock;

  constructor(private readonly options: SimulatedStationOptions) {
    super();
    this.stationId = options.stationId;
    this.version = options.version;
    this.log = (options.log ?? SILENT).child({ stationId: options.stationId });
    for (const id of reportedConnectorIds(options.version, options.connectors)) this.statuses.set(id, 'Available');
    this.clock = options.clock ?? new SystemClock();
    this.queue = new TransactionQueue((action, payload) => this.call(action, payload), {
      delivered: (action, payload, response) => this.emit('transactionMessage', action, payload, response),
      dropped: (action, payload, reason) => {
        this.log.warn({ action, reason }, 'transaction message given up');
        this.emit('transactionMessageDropped', action, payload, reason);
      },
    }, options.transactionRetryMs ?? 1000);
    this.sessions = this.createSessions();
    this.context = this.createContext();
  }

  get connected(): boolean {
    return this.connection !== undefined && !this.connection.isClosed;
  }

  /** Connects and boots; resolves after the first boot answer and, when Accepted, the status reports. */
  async start(): Promise<BootResult> {
    this.stopping = false;
    try {
      await this.connect();
    } catch (error) {
      this.bootStatus = { status: 'failed', reason: (error as Error).message };
      this.scheduleReconnect();
      return this.bootStatus;
    }
    return this.boot('PowerUp');
  }

  /** Sends a CALL; the outcome says what became of it ('offline' when not connected). */
  call(action: string, payload: unknown): Promise<CallOutcome> {
    if (!this.connection || this.connection.isClosed) return Promise.resolve({ kind: 'offline' });
    return this.connection.call(action, payload).then((outcome) => {
      this.emit('callAnswered', action, outcome);
      return outcome;
    });
  }

  /** Changes a connector's status and reports it in the version's shape. */
  setConnectorStatus(connectorId: number, status: ConnectorStatus): Promise<CallOutcome> {
    this.statuses.set(connectorId, status);
    return this.call('StatusNotification', statusRequest(this.version, connectorId, status, this.clock.now()));
  }

  /** The status last reported for a connector (1.6: 0 is the station; 2.x: EVSE id). */
  connectorStatus(connectorId: number): ConnectorStatus | undefined {
    return this.statuses.get(connectorId);
  }

  /** Resolves when every queued transaction message has been answered. */
  transactionsDelivered(): Promise<void> {
    return this.queue.drained();
  }

  /** Closes the connection for good (no reconnect) and waits until it is closed. */
  async stop(code = 1000): Promise<void> {
    this.stopping = true;
    this.clearTimers();
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.close(code, 'Simulator stopped');
    const timer = setTimeout(() => socket.terminate(), 3000);
    await closed;
    clearTimeout(timer);
  }

  /**
   * Simulates losing the network: the socket is dropped without a close handshake and no
   * reconnect is tried until `goOnline`. Sessions go on; their messages queue up.
   */
  async goOffline(): Promise<void> {
    this.offline = true;
    clearTimeout(this.reconnectTimer);
    const socket = this.socket;
    if (!socket || socket.readyState === WebSocket.CLOSED) return;
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    socket.terminate();
    await closed;
  }

  /** The network is back: connects, boots and, once accepted, delivers the queued messages. */
  async goOnline(): Promise<BootResult> {
    this.offline = false;
    return this.start();
  }

  // --- connection -------------------------------------------------------------------------

  private connect(): Promise<void> {
    const { url, stationId, version, password } = this.options;
    const headers: Record<string, string> = {};
    if (password !== undefined) headers['authorization'] = `Basic ${Buffer.from(`${stationId}:${password}`).toString('base64')}`;
    const ws = new WebSocket(`${url.replace(/\/+$/, '')}/${encodeURIComponent(stationId)}`, [version], {
      headers, perMessageDeflate: false, handshakeTimeout: 15_000,
    });
    return new Promise((resolve, reject) => {
      let opened = false;
      ws.on('error', (error) => {
        if (!opened) reject(error);
        else this.log.warn({ err: error }, 'websocket error');
      });
      ws.once('close', (code) => {
        if (!opened) reject(new Error(`Connection closed before it opened (code ${code})`));
      });
      ws.once('open', () => {
        opened = true;
        if (ws.protocol !== version) {
          ws.close(1002, 'Subprotocol not agreed');
          reject(new Error(`CSMS did not agree to ${version} (got '${ws.protocol}')`));
          return;
        }
        this.attach(ws);
        resolve();
      });
    });
  }

  private attach(ws: WebSocket): void {
    const dispatch = dispatcherFromTable(isOcpp2x(this.version) ? handlers2x : handlers16, this.context);
    const connection = new RpcConnection(ws, {
      version: this.version,
      role: 'station',
      validator: getMessageValidator(this.version),
      dispatch: (action, payload) => {
        this.emit('callReceived', action, payload);
        return dispatch(action, payload);
      },
      callTimeoutMs: this.options.callTimeoutMs ?? 30_000,
      maxQueuedCalls: 64,
      maxQueuedInbound: 8,
      log: this.log,
    });
    this.socket = ws;
    this.connection = connection;
    this.reconnectAttempts = 0;
    ws.on('message', (data) => connection.receive(data.toString()));
    ws.on('close', (code, reason) => {
      this.queue.pause();
      connection.handleClosed();
      this.clearTimers();
      this.emit('closed', code, reason.toString());
      if (!this.stopping && !this.offline) this.scheduleReconnect();
    });
    this.emit('connected');
  }

  private scheduleReconnect(): void {
    if (this.stopping || this.offline || !this.options.reconnect) return;
    const base = Math.min(1000 * 2 ** this.reconnectAttempts, this.options.maxReconnectDelayMs ?? MAX_RECONNECT_DELAY_MS);
    this.reconnectAttempts += 1;
    const delay = base / 2 + Math.random() * (base / 2); // jitter: a fleet must not reconnect in lockstep
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(() => this.boot('PowerUp'), (error: unknown) => {
        this.log.debug({ err: error }, 'reconnect failed');
        this.scheduleReconnect();
      });
    }, delay);
    this.reconnectTimer.unref();
  }

  // --- boot, status, heartbeat ------------------------------------------------------------

  private async boot(reason: BootReason): Promise<BootResult> {
    clearTimeout(this.bootRetryTimer);
    const identity = {
      stationId: this.stationId,
      vendor: this.options.vendor ?? 'ChargeOps',
      model: this.options.model ?? 'Simulator',
      firmwareVersion: this.options.firmwareVersion ?? '1.0.0',
    };
    const outcome = await this.call('BootNotification', bootRequest(this.version, identity, reason));
    if (outcome.kind !== 'result') {
      this.bootStatus = { status: 'failed', reason: describeOutcome(outcome) };
      this.log.warn({ outcome: outcome.kind }, 'BootNotification failed');
      if (this.connected) this.scheduleBootRetry(RETRY_AFTER_FAILED_BOOT_SECONDS);
      return this.bootStatus;
    }
    const answer = outcome.payload as { status: RegistrationStatus; interval: number; currentTime: string };
    const result: BootResult = { status: answer.status, intervalSeconds: answer.interval, currentTime: answer.currentTime };
    this.bootStatus = result;
    const changed = this.registrationStatus !== answer.status;
    this.registrationStatus = answer.status;
    if (changed) this.emit('registration', answer.status, answer.interval);
    if (answer.status === 'Accepted') {
      this.context.setHeartbeatInterval(this.options.heartbeatIntervalOverrideSeconds ?? answer.interval);
      await this.sendStatus();
      this.queue.resume(); // the backlog of an offline period, in order (1.6 §4.8, 2.0.1 E04)
    } else {
      this.scheduleBootRetry(answer.interval > 0 ? answer.interval : RETRY_AFTER_FAILED_BOOT_SECONDS);
    }
    return result;
  }

  private scheduleBootRetry(seconds: number): void {
    clearTimeout(this.bootRetryTimer);
    this.bootRetryTimer = setTimeout(() => void this.boot('PowerUp'), seconds * 1000);
    this.bootRetryTimer.unref();
  }

  private async sendStatus(connectorId?: number): Promise<void> {
    const ids = connectorId === undefined ? [...this.statuses.keys()] : [connectorId];
    for (const id of ids) {
      const outcome = await this.setConnectorStatus(id, this.statuses.get(id) ?? 'Available');
      if (outcome.kind !== 'result') this.log.warn({ connectorId: id, outcome: describeOutcome(outcome) }, 'StatusNotification failed');
    }
  }

  private restartHeartbeat(seconds: number): void {
    clearInterval(this.heartbeatTimer);
    this.heartbeatTimer = undefined;
    if (seconds <= 0 || !this.connected) return;
    this.heartbeatTimer = setInterval(() => void this.call('Heartbeat', {}), seconds * 1000);
    this.heartbeatTimer.unref();
  }

  private clearTimers(): void {
    clearInterval(this.heartbeatTimer);
    clearTimeout(this.bootRetryTimer);
    this.heartbeatTimer = undefined;
  }

  private createSessions(): SessionEngine {
    const { options } = this;
    const intervalKey = isOcpp2x(options.version) ? 'sampleddatactrlr.txupdatedinterval' : 'MeterValueSampleInterval';
    const random = seededRandom(options.seed ?? Math.floor(Math.random() * 2 ** 32));
    return new SessionEngine({
      version: options.version,
      connectors: options.connectors,
      evse: options.evse ?? { kind: 'AC', phases: 3, maxAmps: 32 },
      clock: this.clock,
      random,
      queue: this.queue,
      online: () => this.connected && this.registrationStatus === 'Accepted',
      call: (action, payload) => this.call(action, payload),
      reportStatus: (connectorId, status) => this.setConnectorStatus(connectorId, (isOcpp2x(options.version) ? status2x(status) : status) as ConnectorStatus),
      isUnavailable: (connectorId) => this.statuses.get(connectorId) === 'Unavailable' || (!isOcpp2x(options.version) && this.statuses.get(0) === 'Unavailable'),
      meterIntervalSeconds: () => Number(this.context.settings.get(intervalKey)?.value) || 60,
    });
  }

  private createContext(): SimulatorContext {
    const station = this;
    const { options } = this;
    const context: SimulatorContext = {
      stationId: options.stationId,
      version: options.version,
      connectors: options.connectors,
      settings: isOcpp2x(options.version) ? defaultSettings2x(options.stationId, options.password ? 1 : 0) : defaultSettings16(options.connectors),
      heartbeatIntervalSeconds: 0,
      setHeartbeatInterval(seconds) {
        context.heartbeatIntervalSeconds = seconds;
        station.restartHeartbeat(seconds);
      },
      afterAnswer(task) {
        // Runs once the CALLRESULT is on its way, so the CSMS sees the answer before what it caused.
        setImmediate(() => task().catch((error: unknown) => station.log.warn({ err: error }, 'follow-up failed')));
      },
      sendBoot: (reason) => this.boot(reason),
      sendHeartbeat: () => this.call('Heartbeat', {}),
      sendStatus: (connectorId) => this.sendStatus(connectorId),
      setConnectorStatus: (connectorId, status) => this.setConnectorStatus(connectorId, status),
      call: (action, payload) => this.call(action, payload),
      sessions: this.sessions,
    };
    if (options.meterIntervalSeconds !== undefined) {
      context.settings.set(isOcpp2x(options.version) ? 'sampleddatactrlr.txupdatedinterval' : 'MeterValueSampleInterval', { value: String(options.meterIntervalSeconds), readonly: false });
    }
    return context;
  }
}
