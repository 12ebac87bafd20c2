import type { CallOutcome } from '../protocol/call-outcome.js';
import type { ConnectionRegistry } from './live-station.js';

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
    // The requested message is allowed from the moment the trigger is sent: a station may send it
    // in the same read as its answer, before any code awaiting the answer could run.
    const requested = TRIGGER_ACTIONS.has(action) ? triggeredMessageOf(payload) : undefined;
    const newlyAllowed = requested !== undefined && !live.triggeredMessages.has(requested);
    if (newlyAllowed) live.triggeredMessages.add(requested);
    const outcome = await live.connection.call(action, payload, options.timeoutMs);
    if (newlyAllowed && !accepted(outcome)) live.triggeredMessages.delete(requested);
    return outcome;
  }

  isConnected(stationId: string): boolean {
    return this.registry.get(stationId) !== undefined;
  }
}

/** The action a TriggerMessage asks for, spelled as the station will send it. */
function triggeredMessageOf(payload: unknown): string | undefined {
  const requested = (payload as { requestedMessage?: unknown }).requestedMessage;
  if (typeof requested !== 'string') return undefined;
  // 1.6 and 2.x name the message itself, except the certificate signing requests (SignCertificate).
  return requested.startsWith('Sign') ? 'SignCertificate' : requested;
}

function accepted(outcome: CallOutcome): boolean {
  return outcome.kind === 'result' && (outcome.payload as { status?: unknown }).status === 'Accepted';
}
