// The load generator's charging station for the steady and latency scenarios: after its boot it
// runs charging sessions, one CALL outstanding at a time, as a charger does:
//   Authorize -> StatusNotification (Preparing / Occupied) -> start (1.6 StartTransaction, 2.x
//   TransactionEvent Started) -> K x meter values (1.6 MeterValues, 2.x TransactionEvent Updated)
//   -> stop (1.6 StopTransaction, 2.x TransactionEvent Ended) -> StatusNotification Available.
// The script's position survives pauses, so successive load steps continue the same sessions.
import { performance } from 'node:perf_hooks';
import type { WebSocket } from 'ws';
import type { OcppVersion } from '../protocol/versions.js';

/** Latencies (ms) and failures of one action, collected while recording. */
export type ActionSample = { latencies: number[]; errors: number; notAccepted: number };
export type SessionSamples = Record<string, ActionSample>;

export type SessionScript = {
  /** Meter value messages between start and stop. */
  meterValuesPerSession: number;
  /** Energy added per meter value (Wh). */
  whPerMeterValue: number;
};

/** What a station does next, chosen by the driver: now (closed loop) or at a scheduled time (open loop). */
export type Pacing = { mode: 'closed' } | { mode: 'open'; periodMs: number; firstAt: number };

type Step = 'authorize' | 'preparing' | 'start' | 'meter' | 'stop' | 'available';

const ENERGY = 'Energy.Active.Import.Register';

/** The token a load station presents: one per station, seeded as Accepted before the run. */
export const benchTokenOf = (stationId: string): string => `T${stationId.replace(/[^A-Za-z0-9]/g, '').slice(-19)}`;

export class SessionStation {
  private step: Step = 'authorize';
  private metersSent = 0;
  private sessionNo = 0;
  private registerWh = 0;
  private seqNo = 0;
  private transactionId = '';
  private callNo = 0;
  /** The outstanding CALL: id, action label, when it counts from (scheduled or sent), when sent. */
  private outstanding: { id: string; label: string; from: number; sentAt: number } | null = null;
  private running = false;
  private pacing: Pacing = { mode: 'closed' };
  private nextAt = 0;
  private timer: NodeJS.Timeout | null = null;
  private recording: SessionSamples | null = null;
  /** Sent, answered, timed out: whatever the recording window. */
  sent = 0;
  private readonly token: string;

  constructor(readonly id: string, readonly version: OcppVersion, private readonly socket: WebSocket, private readonly script: SessionScript, private readonly onIdle: () => void) {
    this.token = benchTokenOf(id);
    // The boot client's listener is replaced: one parse per frame.
    socket.removeAllListeners('message');
    socket.on('message', (data) => this.onFrame(data.toString()));
  }

  get busy(): boolean {
    return this.outstanding !== null;
  }

  /** Starts (or resumes) the script with this pacing; samples go into `samples` while it is set. */
  start(pacing: Pacing, samples: SessionSamples | null): void {
    this.pacing = pacing;
    this.recording = samples;
    this.running = true;
    if (pacing.mode === 'open') this.nextAt = pacing.firstAt;
    if (!this.outstanding) this.scheduleNext();
  }

  record(samples: SessionSamples | null): void {
    this.recording = samples;
  }

  /** Stops after the outstanding CALL (if any) is answered. */
  pause(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Called by the driver's sweep: a CALL older than `timeoutMs` counts as a timeout and the script moves on. */
  expire(now: number, timeoutMs: number): boolean {
    const call = this.outstanding;
    if (!call || now - call.sentAt < timeoutMs) return false;
    this.outstanding = null;
    this.sampleOf(call.label).errors += 1;
    this.sampleOf('timeout').errors += 1;
    this.advance(undefined);
    this.scheduleNext();
    return true;
  }

  private scheduleNext(): void {
    if (!this.running) {
      this.onIdle();
      return;
    }
    if (this.pacing.mode === 'closed') return this.sendNext(performance.now());
    const now = performance.now();
    if (now >= this.nextAt) return this.sendNext(this.nextAt);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.running) this.sendNext(this.nextAt);
    }, this.nextAt - now);
  }

  /** `from`: the scheduled time in open loop (so a late send counts against the server), else now. */
  private sendNext(from: number): void {
    if (this.pacing.mode === 'open') this.nextAt += this.pacing.periodMs;
    const { action, label, payload } = this.nextCall();
    this.callNo += 1;
    const id = String(this.callNo);
    const sentAt = performance.now();
    this.outstanding = { id, label, from: Math.min(from, sentAt), sentAt };
    this.sent += 1;
    this.socket.send(`[2,"${id}","${action}",${JSON.stringify(payload)}]`);
  }

  private onFrame(text: string): void {
    let frame: unknown[];
    try {
      frame = JSON.parse(text) as unknown[];
    } catch {
      return;
    }
    if (frame[0] === 2) {
      // The CSMS asks something (configuration after boot, ...): a bench station supports nothing.
      this.socket.send(JSON.stringify([4, frame[1], 'NotSupported', 'Load generator station', {}]));
      return;
    }
    const call = this.outstanding;
    if (!call || frame[1] !== call.id) return;
    const now = performance.now();
    this.outstanding = null;
    const sample = this.recording ? this.sampleOf(call.label) : null;
    if (frame[0] === 4) {
      if (sample) sample.errors += 1;
      this.advance(undefined);
    } else {
      const answer = frame[2] as Record<string, unknown> | undefined;
      if (sample) {
        sample.latencies.push(Math.round((now - call.from) * 100) / 100);
        if (!accepted(answer, call.label)) sample.notAccepted += 1;
      }
      this.advance(answer);
    }
    this.scheduleNext();
  }

  private sampleOf(label: string): ActionSample {
    const samples = this.recording ?? {};
    let sample = samples[label];
    if (!sample) {
      sample = { latencies: [], errors: 0, notAccepted: 0 };
      samples[label] = sample;
    }
    return sample;
  }

  /** Moves the script on after an answer (undefined: CALLERROR or timeout, the charger goes on). */
  private advance(answer: Record<string, unknown> | undefined): void {
    switch (this.step) {
      case 'authorize': this.step = 'preparing'; break;
      case 'preparing': this.step = 'start'; break;
      case 'start': {
        // 1.6: the CSMS allocates the id; a baseline's canned {} (or an error) gets a local one.
        const given = answer?.['transactionId'];
        if (this.version === 'ocpp1.6') this.transactionId = typeof given === 'number' ? String(given) : String(1_000_000 + this.sessionNo);
        this.step = this.script.meterValuesPerSession > 0 ? 'meter' : 'stop';
        this.metersSent = 0;
        break;
      }
      case 'meter':
        this.metersSent += 1;
        if (this.metersSent >= this.script.meterValuesPerSession) this.step = 'stop';
        break;
      case 'stop': this.step = 'available'; break;
      case 'available': this.step = 'authorize'; break;
    }
  }

  private nextCall(): { action: string; label: string; payload: object } {
    const v16 = this.version === 'ocpp1.6';
    const timestamp = new Date().toISOString();
    switch (this.step) {
      case 'authorize':
        this.sessionNo += 1;
        return { action: 'Authorize', label: 'Authorize', payload: v16 ? { idTag: this.token } : { idToken: { idToken: this.token, type: 'ISO14443' } } };
      case 'preparing':
      case 'available': {
        const free = this.step === 'available';
        const payload = v16
          ? { connectorId: 1, errorCode: 'NoError', status: free ? 'Available' : 'Preparing', timestamp }
          : { timestamp, connectorStatus: free ? 'Available' : 'Occupied', evseId: 1, connectorId: 1 };
        return { action: 'StatusNotification', label: 'StatusNotification', payload };
      }
      case 'start':
        if (v16) return { action: 'StartTransaction', label: 'StartTransaction', payload: { connectorId: 1, idTag: this.token, meterStart: this.registerWh, timestamp } };
        this.transactionId = `${this.id}-${this.sessionNo}-${Date.now().toString(36)}`;
        this.seqNo = 0;
        return {
          action: 'TransactionEvent', label: 'TransactionEvent Started', payload: {
            eventType: 'Started', timestamp, triggerReason: 'Authorized', seqNo: this.seqNo,
            transactionInfo: { transactionId: this.transactionId, chargingState: 'Charging' },
            idToken: { idToken: this.token, type: 'ISO14443' }, evse: { id: 1, connectorId: 1 },
            meterValue: [{ timestamp, sampledValue: [{ value: this.registerWh, measurand: ENERGY, context: 'Transaction.Begin' }] }],
          },
        };
      case 'meter': {
        this.registerWh += this.script.whPerMeterValue;
        const power = 11_000 + (this.metersSent % 7) * 100;
        if (v16) {
          return {
            action: 'MeterValues', label: 'MeterValues', payload: {
              connectorId: 1, transactionId: Number(this.transactionId), meterValue: [{
                timestamp, sampledValue: [
                  { value: String(this.registerWh), measurand: ENERGY, unit: 'Wh', context: 'Sample.Periodic' },
                  { value: String(power), measurand: 'Power.Active.Import', unit: 'W', context: 'Sample.Periodic' },
                ],
              }],
            },
          };
        }
        this.seqNo += 1;
        return {
          action: 'TransactionEvent', label: 'TransactionEvent Updated', payload: {
            eventType: 'Updated', timestamp, triggerReason: 'MeterValuePeriodic', seqNo: this.seqNo,
            transactionInfo: { transactionId: this.transactionId, chargingState: 'Charging' },
            meterValue: [{ timestamp, sampledValue: [
              { value: this.registerWh, measurand: ENERGY, context: 'Sample.Periodic' },
              { value: power, measurand: 'Power.Active.Import', context: 'Sample.Periodic' },
            ] }],
          },
        };
      }
      case 'stop':
        this.registerWh += this.script.whPerMeterValue;
        if (v16) {
          return { action: 'StopTransaction', label: 'StopTransaction', payload: { transactionId: Number(this.transactionId), idTag: this.token, meterStop: this.registerWh, timestamp, reason: 'Local' } };
        }
        this.seqNo += 1;
        return {
          action: 'TransactionEvent', label: 'TransactionEvent Ended', payload: {
            eventType: 'Ended', timestamp, triggerReason: 'StopAuthorized', seqNo: this.seqNo,
            transactionInfo: { transactionId: this.transactionId, chargingState: 'Idle', stoppedReason: 'Local' },
            idToken: { idToken: this.token, type: 'ISO14443' },
            meterValue: [{ timestamp, sampledValue: [{ value: this.registerWh, measurand: ENERGY, context: 'Transaction.End' }] }],
          },
        };
    }
  }
}

/** Whether an answer accepted the token, for the actions that carry one. */
function accepted(answer: Record<string, unknown> | undefined, label: string): boolean {
  if (label !== 'Authorize' && label !== 'StartTransaction' && label !== 'TransactionEvent Started') return true;
  const info = answer?.['idTagInfo'] ?? answer?.['idTokenInfo'];
  return (info as { status?: unknown } | undefined)?.status === 'Accepted';
}
