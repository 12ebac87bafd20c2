// The load generator's station: a lean OCPP-J client (no validation, no engine) doing what a
// charger does after a reconnect: BootNotification, then one StatusNotification per connector,
// one CALL outstanding at a time, each with the charger's timeout. Then it stays connected, idle.
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { OcppVersion } from '../protocol/versions.js';

export type LoadStationSpec = { id: string; version: OcppVersion; connectors: number; localAddress?: string };

export type LoadOutcome = 'accepted' | 'not-accepted' | 'error' | 'timeout';

export type LoadStationResult = {
  outcome: LoadOutcome;
  /** Why it was not accepted: registration status, CALLERROR code, socket error, or the step that timed out. */
  detail?: string;
  /** Opening the WebSocket (TCP + HTTP upgrade), ms. */
  connectMs?: number;
  /** BootNotification sent -> answer received, ms, for every boot this station sent. */
  bootMs: number[];
  /** Pending answers received (each followed by a retry after the interval given). */
  pendingAnswers: number;
  /** Socket creation -> last StatusNotification answered, ms. */
  totalMs?: number;
};

/** Bounds how many WebSocket handshakes are in flight. */
export class Slots {
  private free: number;
  private readonly waiters: Array<() => void> = [];
  constructor(size: number) {
    this.free = size;
  }
  acquire(): Promise<void> {
    if (this.free > 0) {
      this.free -= 1;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiters.push(resolve));
  }
  release(): void {
    const next = this.waiters.shift();
    if (next) next();
    else this.free += 1;
  }
}

function bootPayload(spec: LoadStationSpec): object {
  if (spec.version === 'ocpp1.6') {
    return { chargePointVendor: 'ChargeOpsBench', chargePointModel: 'LoadStation', chargePointSerialNumber: spec.id, firmwareVersion: '1.0.0' };
  }
  return { chargingStation: { vendorName: 'ChargeOpsBench', model: 'LoadStation', serialNumber: spec.id, firmwareVersion: '1.0.0' }, reason: 'PowerUp' };
}

function statusPayload(spec: LoadStationSpec, connector: number): object {
  const timestamp = new Date().toISOString();
  if (spec.version === 'ocpp1.6') return { connectorId: connector, errorCode: 'NoError', status: 'Available', timestamp };
  return { timestamp, connectorStatus: 'Available', evseId: connector, connectorId: 1 };
}

function errorLabel(error: Error): string {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code !== 'ERR_WS_ERROR') return code;
  return error.message.slice(0, 60);
}

/** A charger answered Pending retries its boot after the interval given, at most this often. */
export const MAX_PENDING_RETRIES = 10;

/**
 * Connects one station and runs its boot sequence. A Pending answer (e.g. a CSMS shedding load)
 * is retried after the interval it gave, as a charger does. Resolves with the result and the
 * socket, which stays open (answering any CALL with NotSupported) until the caller closes it.
 */
export function runLoadStation(url: string, spec: LoadStationSpec, timeoutMs: number, slots: Slots): Promise<{ result: LoadStationResult; socket: WebSocket }> {
  return new Promise((resolve) => {
    const started = performance.now();
    let opened = 0;
    let callSentAt = 0;
    const bootMs: number[] = [];
    let pending = 0;
    let callNo = 0;
    let step = 0; // 0 = BootNotification, n = StatusNotification of connector n
    let settled = false;
    let holdsSlot = true;
    const releaseSlot = () => {
      if (holdsSlot) {
        holdsSlot = false;
        slots.release();
      }
    };
    const socket = new WebSocket(`${url}/${spec.id}`, [spec.version], {
      perMessageDeflate: false,
      handshakeTimeout: timeoutMs,
      ...(spec.localAddress ? { localAddress: spec.localAddress } : {}),
    });
    const finish = (outcome: LoadOutcome, detail?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      releaseSlot();
      const result: LoadStationResult = { outcome, bootMs, pendingAnswers: pending };
      if (detail !== undefined) result.detail = detail;
      if (opened) result.connectMs = opened - started;
      if (outcome === 'accepted') result.totalMs = performance.now() - started;
      resolve({ result, socket });
    };
    const onTimeout = () => finish('timeout', opened ? (step === 0 ? 'BootNotification' : 'StatusNotification') : 'connect');
    let timer = setTimeout(onTimeout, timeoutMs);
    const sendCall = (action: string, payload: object) => {
      callSentAt = performance.now();
      callNo += 1;
      clearTimeout(timer);
      timer = setTimeout(onTimeout, timeoutMs);
      socket.send(`[2,"${callNo}","${action}",${JSON.stringify(payload)}]`);
    };

    socket.on('open', () => {
      opened = performance.now();
      releaseSlot();
      sendCall('BootNotification', bootPayload(spec));
    });
    socket.on('message', (data) => {
      let frame: unknown[];
      try {
        frame = JSON.parse(data.toString()) as unknown[];
      } catch {
        return finish('error', 'unparsable frame');
      }
      if (frame[0] === 2) {
        socket.send(JSON.stringify([4, frame[1], 'NotSupported', 'Load generator station', {}]));
        return;
      }
      if (settled || frame[1] !== String(callNo)) return;
      if (frame[0] === 4) return finish('error', `CALLERROR ${String(frame[2])}`);
      if (step === 0) {
        bootMs.push(performance.now() - callSentAt);
        const answer = frame[2] as { status?: unknown; interval?: unknown } | undefined;
        if (answer?.status === 'Pending' && pending < MAX_PENDING_RETRIES) {
          pending += 1;
          clearTimeout(timer);
          const seconds = typeof answer.interval === 'number' && answer.interval > 0 ? answer.interval : 10;
          timer = setTimeout(() => sendCall('BootNotification', bootPayload(spec)), seconds * 1000);
          return;
        }
        if (answer?.status !== 'Accepted') return finish('not-accepted', String(answer?.status));
      }
      step += 1;
      if (step > spec.connectors) return finish('accepted');
      sendCall('StatusNotification', statusPayload(spec, step));
    });
    socket.on('error', (error) => finish('error', errorLabel(error)));
    socket.on('close', (code) => finish('error', `closed ${code}`));
  });
}
