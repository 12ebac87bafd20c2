// A ZVT client (the ECR side) over TCP: one connection to one terminal, one command at a time (ZVT
// is master/slave: while a command runs the terminal holds the "master rights"), registration
// (06 00, with the password) after every (re)connect, every terminal message acknowledged with
// 80 00 00, and two timeouts: the terminal must acknowledge a command within `ackTimeoutMs`, and
// the whole command (a card presented, the acquirer asked) must end within `transactionTimeoutMs`,
// else the client sends Abort (06 B0) and reports a timeout. A broken connection is dropped and
// made again by the next command. ADR 084.
import { Socket } from 'node:net';
import type { Logger } from 'pino';
import {
  ACK, Command, decodeStatusInformation, encodeApdu, encodeBcd, encodeBmp, is, isAck, isNegativeAck, numericCurrency, passwordField, readApdu,
  resultText, type Apdu, type StatusInformation,
} from './codec.js';

export type ZvtClientOptions = {
  host: string;
  port: number;
  /** The terminal's six-digit password (registration, reversal, refund). */
  password: string;
  /** The currency the terminal is set up for (ISO 4217 alpha, e.g. EUR). */
  currency: string;
  connectTimeoutMs: number;
  ackTimeoutMs: number;
  transactionTimeoutMs: number;
  log?: Logger;
};

export type ZvtResult =
  | { outcome: 'completed'; status: StatusInformation | null }
  | { outcome: 'failed'; resultCode: number; reason: string; status: StatusInformation | null };

export class ZvtError extends Error {
  constructor(readonly kind: 'connection' | 'timeout' | 'refused' | 'protocol', message: string) {
    super(`ZVT terminal: ${message}`);
    this.name = 'ZvtError';
  }
}

/**
 * Registration config byte: the terminal sends intermediate status information (08), the ECR
 * controls payment (10) and administration (20): nobody types an amount at an unattended
 * charger; receipts stay with the terminal (bits 02/04 clear).
 */
const CONFIG_BYTE = 0x08 | 0x10 | 0x20;
/** Service byte: the terminal's service menu is not on a function key of an unattended terminal. */
const SERVICE_BYTE = 0x01;

/** The byte stream of one TCP connection, read as APDUs. */
class Connection {
  private buffer = Buffer.alloc(0);
  private readonly queue: Apdu[] = [];
  private waiter: { resolve: (apdu: Apdu) => void; reject: (error: Error) => void } | null = null;
  private closedWith: Error | null = null;

  constructor(readonly socket: Socket) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (let next = readApdu(this.buffer); next; next = readApdu(this.buffer)) {
        this.buffer = this.buffer.subarray(next.size);
        this.deliver(next.apdu);
      }
    });
    const closed = (error?: Error) => {
      if (this.closedWith) return;
      this.closedWith = new ZvtError('connection', error ? `connection lost (${error.message})` : 'connection closed by the terminal');
      this.waiter?.reject(this.closedWith);
      this.waiter = null;
    };
    socket.on('error', closed);
    socket.on('close', () => closed());
  }

  get open(): boolean { return this.closedWith === null && !this.socket.destroyed; }

  private deliver(apdu: Apdu): void {
    if (this.waiter) {
      const { resolve } = this.waiter;
      this.waiter = null;
      resolve(apdu);
    } else {
      this.queue.push(apdu);
    }
  }

  /** The next APDU from the terminal; rejects after `timeoutMs` with a timeout error. */
  next(timeoutMs: number, what: string): Promise<Apdu> {
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.closedWith) return Promise.reject(this.closedWith);
    return new Promise<Apdu>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiter = null;
        reject(new ZvtError('timeout', `no ${what} within ${timeoutMs} ms`));
      }, Math.max(1, timeoutMs));
      this.waiter = {
        resolve: (apdu) => { clearTimeout(timer); resolve(apdu); },
        reject: (error) => { clearTimeout(timer); reject(error); },
      };
    });
  }

  send(bytes: Buffer): void {
    if (!this.open) throw this.closedWith ?? new ZvtError('connection', 'connection closed');
    this.socket.write(bytes);
  }

  /** Drops what an earlier, abandoned command left unread. */
  discardQueued(): void { this.queue.length = 0; }

  close(): void { this.socket.destroy(); }
}

export class ZvtClient {
  private connection: Connection | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  readonly currencyCode: number;

  constructor(private readonly options: ZvtClientOptions) {
    this.currencyCode = numericCurrency(options.currency);
    passwordField(options.password); // a bad password is a configuration error, found at start
  }

  get currency(): string { return this.options.currency; }
  /** True while a registered connection is open (a health check, and tests). */
  get connected(): boolean { return this.connection?.open ?? false; }
  get password(): Buffer { return passwordField(this.options.password); }

  /** Runs one command (class 06, `ins`) to its end; commands queue behind each other. */
  run(ins: number, data: Buffer): Promise<ZvtResult> {
    const result = this.tail.then(() => this.exchange(ins, data));
    this.tail = result.catch(() => undefined);
    return result;
  }

  close(): void {
    this.connection?.close();
    this.connection = null;
  }

  private async registeredConnection(): Promise<Connection> {
    if (this.connection?.open) return this.connection;
    this.connection?.close();
    this.connection = null;
    const socket = new Socket();
    socket.setNoDelay(true);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => { socket.destroy(); reject(new ZvtError('connection', `no connection to ${this.options.host}:${this.options.port} within ${this.options.connectTimeoutMs} ms`)); }, this.options.connectTimeoutMs);
      socket.once('error', (error) => { clearTimeout(timer); reject(new ZvtError('connection', `cannot connect to ${this.options.host}:${this.options.port} (${error.message})`)); });
      socket.connect(this.options.port, this.options.host, () => { clearTimeout(timer); resolve(); });
    });
    const connection = new Connection(socket);
    // Registration: password, config byte, currency; the terminal answers ACK then Completion.
    const registration = Buffer.concat([this.password, Buffer.from([CONFIG_BYTE]), encodeBcd(this.currencyCode, 2), encodeBmp(0x03, Buffer.from([SERVICE_BYTE]))]);
    const result = await this.dialogue(connection, Command.registration[1], registration).catch((error: unknown) => { connection.close(); throw error; });
    if (result.outcome !== 'completed') {
      connection.close();
      throw new ZvtError('refused', `registration refused: ${result.reason}`);
    }
    this.options.log?.info({ host: this.options.host, port: this.options.port }, 'ZVT terminal registered');
    this.connection = connection;
    return connection;
  }

  private async exchange(ins: number, data: Buffer): Promise<ZvtResult> {
    const connection = await this.registeredConnection();
    try {
      return await this.dialogue(connection, ins, data);
    } catch (error) {
      // A lost connection or a protocol error leaves the terminal in an unknown state: start afresh next time.
      if (!(error instanceof ZvtError) || error.kind !== 'refused') {
        connection.close();
        if (this.connection === connection) this.connection = null;
      }
      throw error;
    }
  }

  /** One command and everything the terminal says until it gives the master rights back. */
  private async dialogue(connection: Connection, ins: number, data: Buffer): Promise<ZvtResult> {
    const { ackTimeoutMs, transactionTimeoutMs } = this.options;
    connection.discardQueued();
    connection.send(encodeApdu(0x06, ins, data));
    const answer = await connection.next(ackTimeoutMs, 'acknowledgement');
    if (isNegativeAck(answer)) throw new ZvtError('refused', `command 06 ${hex(ins)} refused: ${resultText(answer.ins)}`);
    if (!isAck(answer)) throw new ZvtError('protocol', `expected an acknowledgement, got ${hex(answer.cls)} ${hex(answer.ins)}`);
    const deadline = Date.now() + transactionTimeoutMs;
    let status: StatusInformation | null = null;
    for (;;) {
      let message: Apdu;
      try {
        message = await connection.next(deadline - Date.now(), 'completion');
      } catch (error) {
        if (!(error instanceof ZvtError) || error.kind !== 'timeout') throw error;
        // The terminal may have finished just before the abort reached it: an approval then stands
        // (a reservation exists) and is returned, never dropped.
        const late = await this.abort(connection, status);
        if (late) return late;
        throw new ZvtError('timeout', `the command did not complete within ${transactionTimeoutMs} ms (no card presented?); aborted`);
      }
      if (message.cls === 0x80 || message.cls === 0x84) continue; // a stray acknowledgement
      connection.send(ACK);
      if (is(message, Command.statusInformation)) status = decodeStatusInformation(message.data);
      else if (is(message, Command.completion)) {
        if (status && status.resultCode !== 0) return { outcome: 'failed', resultCode: status.resultCode, reason: resultText(status.resultCode), status };
        return { outcome: 'completed', status };
      } else if (is(message, Command.abortByTerminal)) {
        const resultCode = message.data[0] ?? 0xff;
        return { outcome: 'failed', resultCode, reason: resultText(resultCode), status };
      }
      // Intermediate status (04 FF), print lines (06 D1 / 06 D3), time settings: acknowledged, nothing else to do.
    }
  }

  /**
   * ECR abort (06 B0): the terminal stops waiting for a card. Its answer is read: a completion after
   * a successful status information means the command went through before the abort; that outcome
   * is returned. Null when the command was aborted (or the terminal went mute).
   */
  private async abort(connection: Connection, seen: StatusInformation | null): Promise<ZvtResult | null> {
    let status = seen;
    try {
      connection.send(encodeApdu(Command.abort[0], Command.abort[1]));
      for (let i = 0; i < 8; i++) {
        const message = await connection.next(this.options.ackTimeoutMs, 'answer to the abort');
        if (message.cls === 0x80 || message.cls === 0x84) continue;
        connection.send(ACK);
        if (is(message, Command.statusInformation)) status = decodeStatusInformation(message.data);
        if (is(message, Command.abortByTerminal)) return null;
        if (is(message, Command.completion)) return status && status.resultCode === 0 ? { outcome: 'completed', status } : null;
      }
    } catch {
      // the terminal is gone or mute: the connection is dropped by the caller either way
    }
    return null;
  }
}

const hex = (byte: number) => byte.toString(16).padStart(2, '0').toUpperCase();
