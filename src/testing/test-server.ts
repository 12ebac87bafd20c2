import WebSocket from 'ws';
import { parseConfig } from '../config/load-config.js';
import { startChargeOps, type RunningChargeOps } from '../main.js';
import type { DatabaseOptions } from '../infra/db/database.js';

/**
 * Starts a whole ChargeOps in-process on a free port, on in-memory PGlite unless `database` says
 * otherwise. Tests that must also run on PostgreSQL pass a target's database from
 * `databaseTargets()` (src/infra/db/test-database.ts); CHARGEOPS_TEST_DATABASE_URL alone changes
 * nothing here. For tests only.
 */
export async function startTestServer(config: Record<string, unknown> = {}, database?: DatabaseOptions): Promise<RunningChargeOps & { api: ApiClient }> {
  const running = await startChargeOps(
    parseConfig({ port: 0, host: '127.0.0.1', logLevel: 'silent', unknownStations: 'accept', ...config }),
    { database: database ?? { inMemory: true } },
  );
  return { ...running, api: new ApiClient(running.baseUrl, running.generatedApiKey ?? String(config['apiKey'] ?? '')) };
}

/**
 * A dashboard user's browser: keeps the session cookie from sign-in and sends the CSRF token on
 * mutating requests, as the dashboard does.
 */
export class BrowserSession {
  cookie: string | null = null;
  csrfToken: string | null = null;

  constructor(readonly baseUrl: string) {}

  /** Signs in through POST /api/v1/auth/login; throws with the problem when refused. */
  static async login(baseUrl: string, email: string, password: string, totpCode?: string): Promise<BrowserSession> {
    const browser = new BrowserSession(baseUrl);
    const answer = await browser.request('POST', '/api/v1/auth/login', { email, password, ...(totpCode ? { totpCode } : {}) });
    if (answer.status !== 200) throw new Error(`sign-in refused: ${answer.status} ${JSON.stringify(answer.body)}`);
    return browser;
  }

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && !['GET', 'HEAD', 'OPTIONS'].includes(method) ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const setCookie = response.headers.get('set-cookie');
    const session = setCookie ? /chargeops_session=([^;]*)/.exec(setCookie) : null;
    if (session) this.cookie = session[1] ? `chargeops_session=${session[1]}` : null;
    const text = await response.text();
    const parsed = text && (response.headers.get('content-type') ?? '').includes('json') ? JSON.parse(text) : text || null;
    if (parsed && typeof parsed === 'object' && typeof parsed.csrfToken === 'string') this.csrfToken = parsed.csrfToken;
    return { status: response.status, body: parsed, headers: response.headers };
  }
}

export class ApiClient {
  constructor(readonly baseUrl: string, readonly apiKey: string) {}

  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(this.baseUrl + path, {
      method,
      headers: {
        authorization: `Bearer ${this.apiKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  }
}

type Frame = unknown[];

/**
 * A bare OCPP-J peer that speaks raw frames, so tests can send anything, including what a
 * well-behaved station never would.
 */
export class RawStation {
  readonly frames: Frame[] = [];
  private waiters: Array<{ match: (frame: Frame) => boolean; resolve: (frame: Frame) => void }> = [];
  private nextId = 1;
  closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as Frame;
      const waiter = this.waiters.find((w) => w.match(frame));
      if (waiter) {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        waiter.resolve(frame);
      } else {
        this.frames.push(frame);
      }
    });
    this.closed = new Promise((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static connect(baseUrl: string, stationId: string, protocols: string[], options: { password?: string; username?: string } = {}): Promise<RawStation> {
    const headers: Record<string, string> = {};
    if (options.password !== undefined) {
      headers['authorization'] = `Basic ${Buffer.from(`${options.username ?? stationId}:${options.password}`).toString('base64')}`;
    }
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/ocpp/${encodeURIComponent(stationId)}`, protocols, { headers });
    return new Promise((resolve, reject) => {
      socket.once('open', () => resolve(new RawStation(socket)));
      socket.once('unexpected-response', (_request, response) => reject(new HandshakeRefused(response.statusCode ?? 0)));
      socket.once('error', reject);
    });
  }

  get protocol(): string {
    return this.socket.protocol;
  }

  sendText(text: string): void {
    this.socket.send(text);
  }

  /** Sends a CALL and waits for the CALLRESULT / CALLERROR with the same id. */
  async call(action: string, payload: unknown, id = `m${this.nextId++}`): Promise<Frame> {
    const answer = this.waitFor((frame) => (frame[0] === 3 || frame[0] === 4) && frame[1] === id);
    this.socket.send(JSON.stringify([2, id, action, payload]));
    return answer;
  }

  /** Resolves with the first frame (already received or future) that matches. */
  waitFor(match: (frame: Frame) => boolean, timeoutMs = 5000): Promise<Frame> {
    const index = this.frames.findIndex(match);
    if (index >= 0) return Promise.resolve(this.frames.splice(index, 1)[0]!);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no matching frame arrived')), timeoutMs);
      this.waiters.push({ match, resolve: (frame) => { clearTimeout(timer); resolve(frame); } });
    });
  }

  /** Waits for the next CALL from the CSMS. */
  nextCall(action?: string): Promise<Frame> {
    return this.waitFor((frame) => frame[0] === 2 && (action === undefined || frame[2] === action));
  }

  /** Waits for the next CALL of `action`, answers it with `response`, and returns its payload. */
  async answerNext(action: string, response: unknown): Promise<Record<string, unknown>> {
    const [, callId, , payload] = await this.nextCall(action);
    this.reply(callId, response);
    return payload as Record<string, unknown>;
  }

  reply(callId: unknown, payload: unknown): void {
    this.socket.send(JSON.stringify([3, callId, payload]));
  }

  close(): Promise<{ code: number; reason: string }> {
    this.socket.close(1000);
    return this.closed;
  }
}

export class HandshakeRefused extends Error {
  constructor(readonly status: number) {
    super(`handshake refused with HTTP ${status}`);
  }
}

export function waitUntil(predicate: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const check = async () => {
      if (await predicate()) return resolve();
      if (Date.now() > deadline) return reject(new Error('condition not met in time'));
      setTimeout(check, 20);
    };
    void check();
  });
}
