import type { DomainEvent, EventPublisher } from '../../infra/events/event-bus.js';

/** What a remote start or stop finally led to. */
export type FinalOutcome = { outcome: 'session-started' | 'session-ended' | 'failed'; detail: string | null; sessionId: string | null };

type Expectation = {
  commandId: string;
  tenantId: string;
  stationId: string;
  kind: 'start' | 'stop';
  remoteStartId?: number;
  idToken?: string;
  evseId?: number;
  sessionId?: string;
  deadline: number;
  waiters: Array<(final: FinalOutcome) => void>;
};

const RECENT_LIMIT = 1000;

export type FinalOutcomeSink = (commandId: string, final: FinalOutcome) => Promise<void>;

/**
 * Follows accepted remote starts and stops until the session they asked for starts or ends, or a
 * deadline passes. It listens to session events (matching a start by 2.x remoteStartId, else by
 * token and EVSE on that station; a stop by session id), records the final outcome through the
 * sink, publishes remote-start.* / remote-stop.* events, and wakes API callers that wait.
 * One sweep timer serves all expectations. Expectations live in memory: after a restart the
 * command keeps its answer but no final outcome.
 */
export class FinalOutcomeTracker {
  private readonly pending = new Map<string, Expectation>();
  /** Outcomes settled lately, so a caller that asks to wait just after the match still gets it. */
  private readonly recent = new Map<string, FinalOutcome>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly sink: FinalOutcomeSink,
    private readonly events: EventPublisher,
    private readonly timeouts: { startMs: number; stopMs: number },
    sweepMs = 1000,
  ) {
    this.timer = setInterval(() => this.sweep(), sweepMs);
    this.timer.unref();
  }

  expect(expectation: Omit<Expectation, 'deadline' | 'waiters'>): void {
    const timeout = expectation.kind === 'start' ? this.timeouts.startMs : this.timeouts.stopMs;
    this.pending.set(expectation.commandId, { ...expectation, deadline: Date.now() + timeout, waiters: [] });
  }

  /** Stops following a command (its station did not accept it); false if it was already settled. */
  cancel(commandId: string): boolean {
    return this.pending.delete(commandId);
  }

  /** Resolves with the final outcome, or null if none came within `waitMs` (or none is expected). */
  wait(commandId: string, waitMs: number): Promise<FinalOutcome | null> {
    const settled = this.recent.get(commandId);
    if (settled) return Promise.resolve(settled);
    const expectation = this.pending.get(commandId);
    if (!expectation || waitMs <= 0) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), waitMs);
      expectation.waiters.push((final) => {
        clearTimeout(timer);
        resolve(final);
      });
    });
  }

  /** Feeds a domain event; call it for every event on the bus. */
  observe(event: DomainEvent): void {
    // A cable-first remote start (TC_F_01) joins a session that already exists: its remoteStartId
    // arrives in a session.updated event, not in session.started.
    const startsOrJoins = event.type === 'session.started' || (event.type === 'session.updated' && event.data['remoteStartId'] != null);
    if (!startsOrJoins && event.type !== 'session.ended') return;
    const sessionId = typeof event.data['sessionId'] === 'string' ? event.data['sessionId'] : null;
    for (const expectation of this.pending.values()) {
      if (expectation.tenantId !== event.tenantId || expectation.stationId !== event.stationId) continue;
      if (startsOrJoins && expectation.kind === 'start' && startMatches(expectation, event.data)) {
        this.settle(expectation, { outcome: 'session-started', detail: null, sessionId });
        return;
      }
      if (event.type === 'session.ended' && expectation.kind === 'stop' && expectation.sessionId === sessionId) {
        this.settle(expectation, { outcome: 'session-ended', detail: typeof event.data['stoppedReason'] === 'string' ? event.data['stoppedReason'] : null, sessionId });
        return;
      }
    }
  }

  close(): void {
    clearInterval(this.timer);
  }

  private sweep(): void {
    const now = Date.now();
    for (const expectation of this.pending.values()) {
      if (expectation.deadline > now) continue;
      const seconds = Math.round((expectation.kind === 'start' ? this.timeouts.startMs : this.timeouts.stopMs) / 1000);
      const detail = expectation.kind === 'start'
        ? `No session started within ${seconds} s of the accepted remote start`
        : `The session did not end within ${seconds} s of the accepted remote stop`;
      this.settle(expectation, { outcome: 'failed', detail, sessionId: expectation.sessionId ?? null });
    }
  }

  private settle(expectation: Expectation, final: FinalOutcome): void {
    this.pending.delete(expectation.commandId);
    this.recent.set(expectation.commandId, final);
    if (this.recent.size > RECENT_LIMIT) this.recent.delete(this.recent.keys().next().value!);
    const type = `remote-${expectation.kind}.${final.outcome === 'failed' ? 'failed' : 'succeeded'}`;
    this.events.publish({
      type, tenantId: expectation.tenantId, stationId: expectation.stationId, at: new Date(),
      data: { commandId: expectation.commandId, ...final },
    });
    void this.sink(expectation.commandId, final).catch(() => undefined).finally(() => {
      for (const wake of expectation.waiters) wake(final);
    });
  }
}

function startMatches(expectation: Expectation, data: Record<string, unknown>): boolean {
  if (expectation.remoteStartId !== undefined && data['remoteStartId'] !== undefined && data['remoteStartId'] !== null) {
    return data['remoteStartId'] === expectation.remoteStartId;
  }
  if (expectation.idToken !== undefined && data['idToken'] !== expectation.idToken) return false;
  return expectation.evseId === undefined || data['evseId'] === expectation.evseId;
}
