import type { Executor } from '../../infra/db/database.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import { applySessionEvent, type ApplyResult } from './domain/apply-event.js';
import { sameContent } from './domain/dedupe-keys.js';
import { formatDecimal } from './domain/decimal.js';
import type { Sample } from './domain/sampled-value.js';
import { appendAnomalies, type CloseReason, type SessionEvent, type SessionState } from './domain/session.js';
import type { StoredSample } from '../../infra/db/schema.js';
import type { ClosedSession, SessionEventRecord, SessionStore, StoredSession } from './ports.js';
import type { SessionCache } from './session-cache.js';
import type { BatchAppend } from './append-batch.js';
import { isoTime } from './iso-time.js';
import type { BatchStart, StartOutcome } from './start-batch.js';

/** A transaction message ready to store: the domain event and how it is kept in session_events. */
export type MessageToRecord = {
  tenantId: string;
  stationId: string;
  event: SessionEvent;
  /** session_events.kind: StartTransaction, StopTransaction, MeterValues, Started, Updated, Ended. */
  rowKind: string;
  dedupeKey: string;
  payload: unknown;
  /** The transaction id was just allocated (1.6 start): no lookup. */
  knownNew?: boolean;
  /** A lookup just before the commit found no such session: no second lookup (the start statement checks again). */
  absent?: boolean;
};

export type Recorded =
  /** Stored before: acknowledged without effect. `conflicting`: the stored one has other content. */
  | { kind: 'duplicate'; stored: StoredSession | null; conflicting: boolean }
  | { kind: 'recorded'; stored: StoredSession; created: boolean; ended: boolean; closed: ClosedSession[] };

type Applied = Extract<ApplyResult, { kind: 'applied' }>;

export type RecorderDeps = {
  store: SessionStore;
  cache: SessionCache;
  events: EventPublisher;
  futureToleranceMs: number;
  newId: () => string;
  now: () => Date;
};

/** A message's samples as its session_events row keeps them (ADR 112); null when there are none. */
export function storedSamples(evseId: number, samples: Sample[]): StoredSample[] | null {
  if (samples.length === 0) return null;
  return samples.map((s) => ({
    evse_id: evseId, sampled_at: isoTime(s.sampledAt), measurand: s.measurand, phase: s.phase, location: s.location,
    context: s.context, unit: s.unit, value: s.value === null ? 'NaN' : formatDecimal(s.value), signed: s.signed,
  }));
}

/** The EVSE a message's samples belong to: the session's, or the message's when it names the session's EVSE first (as applySessionEvent does). */
function samplesEvse(state: SessionState | null, event: SessionEvent): number {
  const named = event.evse && event.evse.evseId > 0 ? event.evse.evseId : 0;
  const current = state?.evseId ?? 0;
  return current === 0 ? named : current;
}

/** Rows of session_events for the CSMS closing sessions: never silent. */
export function closedEvents(closed: ClosedSession[], reason: string, detail: string, now: Date): SessionEventRecord[] {
  return closed.map((c) => ({
    tenantId: c.tenantId, sessionId: c.id, stationId: c.stationId, kind: 'Closed', seqNo: null, triggerReason: null, offline: false,
    occurredAt: c.endedAt, receivedAt: now, dedupeKey: null, payload: { reason, detail }, samples: null,
  }));
}

/**
 * Stores transaction messages: the in-transaction part runs inside a group commit (and may run
 * again if the batch is retried, so it writes nothing but the database); `settle` runs after COMMIT
 * and updates the cache and publishes session.started / session.updated / session.ended.
 */
export class SessionRecorder {
  constructor(private readonly deps: RecorderDeps) {}

  /**
   * The session as cached or stored, for decisions taken before the commit (which token purpose).
   * `find` reads it (the service's per-turn batched lookup).
   */
  async peek(find: (stationId: string, externalId: string) => Promise<StoredSession | null>, stationId: string, externalId: string): Promise<StoredSession | null> {
    const cached = this.deps.cache.get(stationId, externalId);
    if (cached) return cached;
    const stored = await find(stationId, externalId);
    if (stored) this.deps.cache.put(stored);
    return stored;
  }

  /**
   * The batched steady path (append-batch.ts): a message for a cached session that applies without
   * history, creates nothing and closes nothing is prepared here, outside any transaction, exactly
   * as `record` would apply it to the same cached snapshot. null: take `record`.
   */
  prepareAppend(m: MessageToRecord): { input: BatchAppend; recorded: (revision: Date) => Recorded } | null {
    if (m.knownNew) return null;
    const snapshot = this.deps.cache.get(m.stationId, m.event.externalId);
    if (!snapshot) return null;
    const result = applySessionEvent(snapshot.state, m.event, {
      newSessionId: snapshot.state.id, tenantId: m.tenantId, stationId: m.stationId, futureToleranceMs: this.deps.futureToleranceMs,
    });
    // A new session or an EVSE that became known runs the zombie rule: the ordinary path does that.
    if (result.kind !== 'applied' || result.created || (snapshot.state.evseId === 0 && result.session.evseId > 0)) return null;
    const session = result.session;
    const input: BatchAppend = { event: this.eventRow(m, session.id, session.evseId), after: session, revision: snapshot.revision };
    return { input, recorded: (revision) => ({ kind: 'recorded', stored: { state: session, revision }, created: false, ended: result.ended, closed: [] }) };
  }

  /** Whether the session is in the cache (a message for it takes no lookup). */
  cached(stationId: string, externalId: string): boolean {
    return this.deps.cache.get(stationId, externalId) !== undefined;
  }

  /**
   * The batched start (start-batch.ts, ADR 090): a message that creates its session, prepared here
   * outside any transaction exactly as `start` would apply it. `allocateId`: a 1.6 start, whose
   * transaction id the statement takes from the sequence (the event's externalId is a placeholder).
   */
  prepareStart(m: MessageToRecord, allocateId: boolean, concurrencyToken: string | null = null): { input: BatchStart; recorded: (outcome: Extract<StartOutcome, { kind: 'started' }>) => Recorded } {
    const options = { newSessionId: this.deps.newId(), tenantId: m.tenantId, stationId: m.stationId, futureToleranceMs: this.deps.futureToleranceMs };
    const result = applySessionEvent(null, m.event, options);
    if (result.kind !== 'applied') throw new Error('a new session was not applied');
    const session = result.session;
    const input: BatchStart = { event: this.eventRow(m, session.id, session.evseId), session, allocateId, concurrencyToken };
    return {
      input,
      recorded: (outcome) => ({
        kind: 'recorded', stored: { state: { ...session, externalId: outcome.externalId }, revision: outcome.revision },
        created: result.created, ended: result.ended, closed: outcome.closed,
      }),
    };
  }

  async record(tx: Executor, m: MessageToRecord): Promise<Recorded> {
    const { store, cache } = this.deps;
    const now = this.deps.now();
    let snapshot = m.knownNew || m.absent ? null : (cache.get(m.stationId, m.event.externalId) ?? await store.findByExternalId(tx, m.stationId, m.event.externalId));
    if (!snapshot) {
      // A new session: event, session, meter rows and the zombie rule in one statement (ADR 069).
      const started = await this.start(tx, m, now);
      if (started) return started;
      // It exists after all (a peek that is out of date): the running-session path below.
      snapshot = await store.findByExternalId(tx, m.stationId, m.event.externalId);
      if (!snapshot) throw new Error(`session ${m.stationId}/${m.event.externalId} vanished`);
    }
    const ids = { newSessionId: snapshot.state.id, tenantId: m.tenantId, stationId: m.stationId };
    const eventRow = this.eventRow(m, snapshot.state.id, samplesEvse(snapshot.state, m.event));
    // A running session: event (with its samples) and session in one statement when the energy needs no history.
    const result = applySessionEvent(snapshot.state, m.event, { ...ids, futureToleranceMs: this.deps.futureToleranceMs });
    if (result.kind === 'applied') {
      const appended = await store.appendToSession(tx, { event: eventRow, before: snapshot.state, after: result.session, revision: snapshot.revision, now });
      if (!appended.inserted) return this.duplicate(tx, m, now);
      if (appended.revision) return this.finish(tx, snapshot, result, appended.revision, now);
      // The row moved on since it was cached (another node, the zombie job): the event is stored; reload.
      snapshot = await store.findByExternalId(tx, m.stationId, m.event.externalId);
      if (!snapshot) throw new Error(`session ${m.stationId}/${m.event.externalId} vanished`);
    } else if (!(await store.insertEvent(tx, eventRow))) {
      return this.duplicate(tx, m, now);
    }
    for (let attempt = 0; ; attempt += 1) {
      const applied = await this.apply(tx, snapshot, m.event, ids, m.dedupeKey);
      const revision = await store.updateSession(tx, applied.session, snapshot.revision, now);
      if (revision) return this.finish(tx, snapshot, applied, revision, now);
      if (attempt > 0) throw new Error(`session ${m.stationId}/${m.event.externalId} changed concurrently`);
      snapshot = await store.findByExternalId(tx, m.stationId, m.event.externalId);
      if (!snapshot) throw new Error(`session ${m.stationId}/${m.event.externalId} vanished`);
    }
  }

  /** The new-session path in one statement; null when the session exists already (nothing written). */
  private async start(tx: Executor, m: MessageToRecord, now: Date): Promise<Recorded | null> {
    const { store } = this.deps;
    const ids = { newSessionId: this.deps.newId(), tenantId: m.tenantId, stationId: m.stationId };
    const result = applySessionEvent(null, m.event, { ...ids, futureToleranceMs: this.deps.futureToleranceMs });
    if (result.kind !== 'applied') throw new Error('a new session was not applied');
    const started = await store.startSession(tx, { event: this.eventRow(m, ids.newSessionId, result.session.evseId), session: result.session, now });
    if (started.existing) return null;
    if (!started.inserted) return this.duplicate(tx, m, now);
    if (!started.revision) throw new Error(`session ${m.stationId}/${m.event.externalId} changed concurrently`);
    const { session } = result;
    await store.insertEvents(tx, closedEvents(started.closed, 'superseded', `a newer session (${session.externalId}) started on EVSE ${session.evseId}`, now));
    return { kind: 'recorded', stored: { state: session, revision: started.revision }, created: result.created, ended: result.ended, closed: started.closed };
  }

  /** The message's session_events row, its samples included (of EVSE `evseId`). */
  private eventRow(m: MessageToRecord, sessionId: string, evseId: number): SessionEventRecord {
    return {
      tenantId: m.tenantId, sessionId, stationId: m.stationId, kind: m.rowKind, seqNo: m.event.seqNo, triggerReason: m.event.triggerReason,
      offline: m.event.offline, occurredAt: m.event.at, receivedAt: m.event.receivedAt, dedupeKey: m.dedupeKey, payload: m.payload,
      samples: storedSamples(evseId, m.event.samples),
    };
  }

  /** The zombie rule for a new session or one whose EVSE became known. */
  private async finish(tx: Executor, before: StoredSession | null, result: Applied, revision: Date, now: Date): Promise<Recorded> {
    const { store } = this.deps;
    const evseBecameKnown = before !== null && before.state.evseId === 0 && result.session.evseId > 0;
    const closed = result.created || evseBecameKnown ? await store.closeSuperseded(tx, result.session, now) : [];
    await store.insertEvents(tx, closedEvents(closed, 'superseded', `a newer session (${result.session.externalId}) started on EVSE ${result.session.evseId}`, now));
    return { kind: 'recorded', stored: { state: result.session, revision }, created: result.created, ended: result.ended, closed };
  }

  /** `dedupeKey`: the message's own stored row, whose readings the history leaves out (they are the event's). */
  private async apply(tx: Executor, snapshot: StoredSession | null, event: SessionEvent, ids: { newSessionId: string; tenantId: string; stationId: string }, dedupeKey: string): Promise<Applied> {
    const options = { ...ids, futureToleranceMs: this.deps.futureToleranceMs };
    let result: ApplyResult = applySessionEvent(snapshot?.state ?? null, event, options);
    if (result.kind === 'needs-history' && snapshot) {
      const history = await this.deps.store.energyHistory(tx, snapshot.state.tenantId, snapshot.state.id, dedupeKey);
      result = applySessionEvent(snapshot.state, event, { ...options, history });
    }
    if (result.kind !== 'applied') throw new Error('energy history was not applied');
    return result;
  }

  /** A retry: nothing changes but the record that it happened (and whether its content differed). */
  private async duplicate(tx: Executor, m: MessageToRecord, now: Date): Promise<Recorded> {
    const { store } = this.deps;
    const original = await store.findEventByKey(tx, m.stationId, m.dedupeKey);
    const conflicting = original !== null && !sameContent(original.payload, m.payload);
    if (!original?.sessionId) return { kind: 'duplicate', stored: null, conflicting };
    const detail = conflicting
      ? `another ${m.rowKind} arrived under the key of a stored one (${m.dedupeKey}): ignored`
      : `${m.rowKind} received again (${m.dedupeKey}): acknowledged without effect`;
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const snapshot = await store.findById(tx, original.sessionId);
      if (!snapshot) return { kind: 'duplicate', stored: null, conflicting };
      const state: SessionState = {
        ...snapshot.state,
        anomalies: appendAnomalies(snapshot.state.anomalies, [{ kind: 'duplicate-event', at: m.event.receivedAt.toISOString(), detail }]),
      };
      const revision = await store.updateSession(tx, state, snapshot.revision, now);
      if (revision) return { kind: 'duplicate', stored: { state, revision }, conflicting };
    }
    throw new Error(`session ${original.sessionId} changed concurrently`);
  }

  /** After COMMIT of sessions the CSMS closed: out of the cache, and session.ended published. */
  settleClosed(closed: ClosedSession[], reason: CloseReason): void {
    const at = this.deps.now();
    for (const c of closed) {
      this.deps.cache.delete(c.stationId, c.externalId);
      this.deps.events.publish({
        type: 'session.ended', tenantId: c.tenantId, stationId: c.stationId, at,
        data: { sessionId: c.id, externalId: c.externalId, evseId: c.evseId, status: 'closed', stoppedReason: reason, endedAt: c.endedAt.toISOString() },
      });
    }
  }

  /** After COMMIT: cache and domain events. */
  settle(result: Recorded): void {
    const { cache, events } = this.deps;
    if (result.stored) cache.put(result.stored);
    if (result.kind === 'duplicate') return;
    const s = result.stored.state;
    const at = this.deps.now();
    this.settleClosed(result.closed, 'superseded');
    // The data objects are written out (same keys, same order as `{ ...base, ... }` gave): an object
    // spread followed by more properties takes V8's slow path (~1-6 us per object on Node 20).
    if (result.created) {
      events.publish({
        type: 'session.started', tenantId: s.tenantId, stationId: s.stationId, at,
        data: { sessionId: s.id, externalId: s.externalId, evseId: s.evseId, connectorId: s.connectorId, ocppVersion: s.ocppVersion, idToken: s.idToken, authorizationStatus: s.authorizationStatus, remoteStartId: s.remoteStartId, reservationId: s.reservationId, startedAt: isoTime(s.startedAt) },
      });
    }
    if (result.ended) {
      events.publish({
        type: 'session.ended', tenantId: s.tenantId, stationId: s.stationId, at,
        // idToken: billing and payments decide from it, without reading the session back, whether
        // an ad-hoc payment is to be settled (its one-off token carries PAYMENT_TOKEN_PREFIX, ADR 093).
        data: {
          sessionId: s.id, externalId: s.externalId, evseId: s.evseId, connectorId: s.connectorId, status: s.status, stoppedReason: s.stoppedReason,
          energyWh: s.energyWh, idToken: s.idToken, endedAt: s.endedAt ? isoTime(s.endedAt) : null,
        },
      });
    } else if (!result.created) {
      events.publish({
        type: 'session.updated', tenantId: s.tenantId, stationId: s.stationId, at,
        data: {
          sessionId: s.id, externalId: s.externalId, evseId: s.evseId, connectorId: s.connectorId, status: s.status, chargingState: s.chargingState,
          energyWh: s.energyWh, lastMeterAt: s.lastMeterAt ? isoTime(s.lastMeterAt) : null,
          // A cable-first remote start (TC_F_01) learns its remoteStartId and token on an existing session.
          idToken: s.idToken, remoteStartId: s.remoteStartId,
        },
      });
    }
  }
}
