import type { CallOutcome } from '../protocol/call-outcome.js';
import type { ConnectionRegistry, LiveStation } from './live-station.js';

export type CallOptions = { timeoutMs?: number };

/**
 * How any part of the server calls a station. The answer is always a typed outcome, never an
 * exception: the response, a CALLERROR, an invalid response, a timeout, or "offline".
 *
 * This is a port: `LocalStationChannel` serves stations connected to this node; a clustered
 * deployment wraps it with one that forwards calls for stations held by another node over the bus
 * (the station row records which node holds the socket).
 */
export interface StationChannel {
  call(stationId: string, action: string, payload: unknown, options?: CallOptions): Promise<CallOutcome>;
  isConnected(stationId: string): boolean;
}

const TRIGGER_ACTIONS = new Set(['TriggerMessage', 'ExtendedTriggerMessage']);

export class LocalStationChannel implements StationChannel {
  constructor(private readonly registry: ConnectionRegistry) {}

  async call(stationId: string, action: string, payload: unknown, options: CallOptions = {}): Promise<CallOutcome> {
    const live = this.registry.get(stationId);
    if (!live) return { kind: 'offline' };
    const outcome = await live.connection.call(action, payload, options.timeoutMs);
    if (TRIGGER_ACTIONS.has(action)) noteTrigger(live, payload, outcome);
    return outcome;
  }

  isConnected(stationId: string): boolean {
    return this.registry.get(stationId) !== undefined;
  }
}

/** Remembers an accepted TriggerMessage so a not-yet-Accepted station may send what was asked for. */
function noteTrigger(live: LiveStation, payload: unknown, outcome: CallOutcome): void {
  if (outcome.kind !== 'result') return;
  const status = (outcome.payload as { status?: unknown }).status;
  const requested = (payload as { requestedMessage?: unknown }).requestedMessage;
  if (status !== 'Accepted' || typeof requested !== 'string') return;
  // 1.6 names the message itself; 2.x uses BootNotification, StatusNotification... the same way,
  // except 'SignChargingStationCertificate' etc. which map to SignCertificate.
  live.triggeredMessages.add(requested.startsWith('Sign') ? 'SignCertificate' : requested);
}
