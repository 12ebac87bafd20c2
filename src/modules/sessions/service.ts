import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import type { GroupCommitter } from '../../infra/db/group-commit.js';
import { BatchedLookup } from '../../infra/db/batched-lookup.js';
import type { EventPublisher } from '../../infra/events/event-bus.js';
import type { ActiveSessionLookup, AuthorizationDecision, AuthorizationRequest, Authorizer, StartAuthorization } from '../authorization/ports.js';
import { tokenPurpose } from './domain/authorization-rules.js';
import { parseMeterValues, type MeterValueInput } from './domain/sampled-value.js';
import type { SessionEvent, TokenPurpose } from './domain/session.js';
import type { SessionStore, StoredSession } from './ports.js';
import { SessionCache } from './session-cache.js';
import { closedEvents, SessionRecorder, storedSamples, type MessageToRecord, type Recorded } from './session-recorder.js';
import { AppendBatcher } from './append-batch.js';
import { createActiveSessionLookup } from './active-session-lookup.js';
import { StartBatcher } from './start-batch.js';

export type SessionServiceConfig = {
  /** A station clock ahead of ours by more than this is an anomaly (default 5 min). */
  futureToleranceMs: number;
  /** An active session without any write for this long is closed as stale (default 24 h). */
  staleAfterMs: number;
};

/** Who sent a message (the live link's identity). */
export type StationRef = { tenantId: string; stationId: string };

/** A transaction message from an adapter: the domain event minus the authorization decision. */
export type TransactionMessage = Omit<MessageToRecord, 'event' | 'tenantId' | 'stationId'> & { event: Omit<SessionEvent, 'authorization'> };

export type TransactionOutcome = { stored: StoredSession | null; decision: AuthorizationDecision | null; duplicate: boolean };

/**
 * Charging sessions (E, J): transaction messages of both protocol families are turned into one
 * session model and stored through the group committer (nothing is answered before COMMIT).
 * Implements ActiveSessionLookup for the authorization module's ConcurrentTx check.
 */
export class SessionService implements ActiveSessionLookup {
  private readonly cache = new SessionCache();
  private readonly recorder: SessionRecorder;
  private readonly appends: AppendBatcher;
  private readonly starts: StartBatcher;
  private readonly active: ActiveSessionLookup;
  /** Sessions read before a decision, per event-loop turn in one statement (key: JSON [stationId, externalId]). */
  private readonly peeks: BatchedLookup<StoredSession>;
  private sweepTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Executor,
    private readonly commits: GroupCommitter,
    private readonly store: SessionStore,
    private readonly authorizer: Authorizer,
    events: EventPublisher,
    private readonly log: Logger,
    private readonly config: SessionServiceConfig,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.recorder = new SessionRecorder({ store, cache: this.cache, events, futureToleranceMs: config.futureToleranceMs, newId: randomUUID, now });
    this.appends = new AppendBatcher(commits, now);
    this.starts = new StartBatcher(commits, (tx, rows) => store.insertEvents(tx, rows), now);
    this.active = createActiveSessionLookup(db);
    this.peeks = new BatchedLookup((keys) => store.findByExternalIds(db, keys.map((key) => JSON.parse(key) as [string, string])));
  }

  /** Any transaction message (2.x TransactionEvent, 1.6 StopTransaction / MeterValues with a transaction). */
  async recordTransaction(ref: StationRef, message: TransactionMessage): Promise<TransactionOutcome> {
    const { event } = message;
    // A Started of a session this node does not hold: nearly always a new one, written by the
    // batched start without a lookup first (a session that exists after all: the path below).
    if (event.kind === 'Started' && !this.recorder.cached(ref.stationId, event.externalId)) {
      const started = await this.startFresh(ref, message);
      if (started) return started;
    }
    let authorization: SessionEvent['authorization'] = null;
    let absent = false;
    if (event.token) {
      const token = event.token;
      const ask = (purpose: TokenPurpose, evseId: number | null) => this.authorizer.authorize({
        tenantId: ref.tenantId, stationId: ref.stationId, evseId: event.evse?.evseId ?? evseId, token, purpose, at: event.receivedAt,
      });
      // A Started event is nearly always a new session: its start decision is asked at the same time
      // as the session lookup (one round trip less in turn), and asked again only for a retry.
      const guess = event.kind === 'Started' && event.triggerReason !== 'StopAuthorized' ? ask('start', null) : null;
      guess?.catch(() => {});
      const current = await this.recorder.peek((stationId, externalId) => this.peeks.find(JSON.stringify([stationId, externalId])), ref.stationId, event.externalId);
      absent = current === null;
      const purpose = tokenPurpose(event.kind, event.triggerReason, current?.state.idToken ?? null, token.idToken);
      const evseId = current?.state.evseId ?? null;
      const decision = guess && purpose === 'start' && (event.evse?.evseId ?? evseId) === (event.evse?.evseId ?? null) ? await guess : await ask(purpose, evseId);
      authorization = { purpose, decision };
    }
    const result = await this.commit(toRecord(ref, message, absent, authorization));
    const decision = authorization && authorization.purpose !== 'stop' ? answeredDecision(result, authorization.decision, event.token?.idToken ?? null) : authorization?.decision ?? null;
    return { stored: result.stored, decision, duplicate: result.kind === 'duplicate' };
  }

  /**
   * A 2.x Started of an uncached session, as a new session: the decision as for an absent session,
   * then the batched start. null: the session exists or the event is a retry; nothing was written
   * and the caller takes the ordinary path (lookup, decision, record), as before.
   */
  private async startFresh(ref: StationRef, message: TransactionMessage): Promise<TransactionOutcome | null> {
    const { event } = message;
    const token = event.token;
    const purpose = token ? tokenPurpose(event.kind, event.triggerReason, null, token.idToken) : null;
    const request = token ? { tenantId: ref.tenantId, stationId: ref.stationId, evseId: event.evse?.evseId ?? null, token, at: event.receivedAt } : null;
    let start: StartAuthorization | null = null;
    if (request && purpose === 'start') start = await this.authorizer.authorizeStart(request);
    else if (request && purpose) start = { decision: await this.authorizer.authorize({ ...request, purpose }), ifActiveSession: null };
    const written = await this.submitStart(start, false, (decision) => toRecord(ref, message, true, purpose && decision ? { purpose, decision } : null));
    if (written.outcome.kind !== 'started') return null;
    const recorded = written.prepared.recorded(written.outcome);
    this.recorder.settle(recorded);
    return { stored: recorded.stored, decision: written.decision, duplicate: false };
  }

  /**
   * A new session through the batched start, with the ConcurrentTx check of its decision made by the
   * start statement itself (ADR 110): a token that turns out to have a running session is written
   * again, decided ConcurrentTx. `start` null: no token, nothing to decide.
   */
  private async submitStart(start: StartAuthorization | null, allocateId: boolean, toMessage: (decision: AuthorizationDecision | null) => MessageToRecord) {
    let decision = start?.decision ?? null;
    let prepared = this.recorder.prepareStart(toMessage(decision), allocateId, start?.ifActiveSession?.idToken ?? null);
    let outcome = await this.starts.submit(prepared.input);
    if (outcome.kind === 'concurrent' && start?.ifActiveSession) {
      decision = start.ifActiveSession.decision;
      prepared = this.recorder.prepareStart(toMessage(decision), allocateId);
      outcome = await this.starts.submit(prepared.input);
    }
    return { prepared, outcome, decision };
  }

  /**
   * 1.6 StartTransaction: the transaction id comes from ocpp16_transaction_id_seq; a refused idTag
   * still gets one and its session is stored with the refusal (the station then stops it). A retry
   * (same connector, idTag, meterStart, timestamp) gets the same id and the same status.
   * Nearly every start is new: it is decided as 'start' and written by the batched start, which
   * takes the id from the sequence (ADR 090); a retry is found there (nothing written) and answered
   * by the path below, which decides it again as 'authorize'.
   */
  async startTransaction16(ref: StationRef, message: Omit<TransactionMessage, 'knownNew'>): Promise<{ transactionId: number; decision: AuthorizationDecision }> {
    const { event } = message;
    const token = event.token ?? { idToken: '', type: null };
    const request = { tenantId: ref.tenantId, stationId: ref.stationId, evseId: event.evse?.evseId ?? null, token, at: event.receivedAt };
    const start = await this.authorizer.authorizeStart(request);
    const { prepared, outcome, decision } = await this.submitStart(start, true, (fresh) => ({
      ...message, ...ref, knownNew: true, event: { ...event, externalId: '', authorization: fresh && { purpose: 'start', decision: fresh } },
    }));
    if (outcome.kind === 'started') {
      const recorded = prepared.recorded(outcome);
      this.recorder.settle(recorded);
      return { transactionId: Number(outcome.externalId), decision: decision ?? start.decision };
    }
    return this.startTransaction16Again(ref, message, request);
  }

  /** A 1.6 StartTransaction whose event is stored already (a retry): answered as the original was. */
  private async startTransaction16Again(
    ref: StationRef, message: Omit<TransactionMessage, 'knownNew'>, request: Omit<AuthorizationRequest, 'purpose'>,
  ): Promise<{ transactionId: number; decision: AuthorizationDecision }> {
    const { event } = message;
    const token = request.token;
    // The start decision is asked while the retry check runs (one round trip less in turn); a retry
    // is decided again as 'authorize' (its own session must not make it ConcurrentTx).
    const guess = this.authorizer.authorize({ ...request, purpose: 'start' });
    guess.catch(() => {});
    const original = await this.store.findEventByKey(this.db, ref.stationId, message.dedupeKey);
    const decision = original ? await this.authorizer.authorize({ ...request, purpose: 'authorize' }) : await guess;
    const result = await this.commits.run(async (tx) => {
      // An orphan recorded from a station's own id must never be continued by a new start.
      let transactionId = await this.store.nextFreeOcpp16TransactionId(tx, ref.stationId);
      while (transactionId === null) transactionId = await this.store.nextFreeOcpp16TransactionId(tx, ref.stationId);
      return this.recorder.record(tx, {
        ...message, ...ref, knownNew: true,
        event: { ...event, externalId: String(transactionId), authorization: { purpose: 'start', decision } },
      });
    });
    this.recorder.settle(result);
    if (!result.stored) throw new Error('StartTransaction retry without its session');
    return { transactionId: Number(result.stored.state.externalId), decision: answeredDecision(result, decision, token.idToken) };
  }

  /** Meter values that belong to no transaction (station main meter, clock-aligned, 2.x MeterValues). */
  async recordStationMeterValues(ref: StationRef, input: { evseId: number; meterValue: MeterValueInput[]; rowKind: string; dedupeKey: string; payload: unknown }): Promise<void> {
    const receivedAt = this.now();
    const { samples, problems } = parseMeterValues(input.meterValue);
    if (problems.length > 0) this.log.debug({ stationId: ref.stationId, problems }, 'meter values not understood');
    const occurredAt = samples[0]?.sampledAt ?? receivedAt;
    await this.commits.run((tx) => this.store.appendStationMeterValues(tx, {
      ...ref, sessionId: null, kind: input.rowKind, seqNo: null, triggerReason: null, offline: false, occurredAt, receivedAt,
      dedupeKey: input.dedupeKey, payload: input.payload, samples: storedSamples(input.evseId, samples),
    }));
  }

  /** ActiveSessionLookup: a running session with this token (or this group) whose token was accepted. */
  hasActiveSession(tenantId: string, idToken: string): Promise<boolean> {
    return this.active.hasActiveSession(tenantId, idToken);
  }

  /**
   * Zombie rule: active sessions without any event or meter progress for `staleAfterMs` are closed
   * with reason 'stale' (a 'Closed' session event records it). Returns how many were closed.
   */
  async closeStaleSessions(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.now();
      const cutoff = new Date(now.getTime() - this.config.staleAfterMs);
      const candidates = await this.store.findStale(this.db, cutoff, 200);
      const closed = await Promise.all(candidates.map((candidate) => this.commits.run(async (tx) => {
        const session = await this.store.closeIfStale(tx, candidate.id, cutoff, now);
        if (session) await this.store.insertEvents(tx, closedEvents([session], 'stale', `no event or meter progress for ${Math.round(this.config.staleAfterMs / 60_000)} min`, now));
        return session;
      })));
      const ended = closed.filter((session) => session !== null);
      this.recorder.settleClosed(ended, 'stale');
      total += ended.length;
      if (candidates.length < 200) return total;
    }
  }

  /** One timer for all sessions (unref'd): the stale sweep every `intervalMs`. */
  startStaleSweep(intervalMs: number): void {
    this.stopStaleSweep();
    this.sweepTimer = setInterval(() => {
      this.closeStaleSessions()
        .then((closed) => { if (closed > 0) this.log.info({ closed }, 'stale sessions closed'); })
        .catch((error: unknown) => this.log.error({ err: error }, 'stale session sweep failed'));
    }, intervalMs);
    this.sweepTimer.unref();
  }

  stopStaleSweep(): void {
    if (this.sweepTimer) clearInterval(this.sweepTimer);
    this.sweepTimer = null;
  }

  /** The station's link went away or moved: its cached sessions are reloaded on the next message. */
  forgetStation(stationId: string): void {
    this.cache.forgetStation(stationId);
  }

  private async commit(message: MessageToRecord): Promise<Recorded> {
    // The steady stream of a running session: one statement per group-commit batch for all of them.
    const prepared = this.recorder.prepareAppend(message);
    if (prepared) {
      const revision = await this.appends.submit(prepared.input);
      if (revision) {
        const recorded = prepared.recorded(revision);
        this.recorder.settle(recorded);
        return recorded;
      }
    }
    const result = await this.commits.run((tx) => this.recorder.record(tx, message));
    this.recorder.settle(result);
    return result;
  }
}

/**
 * `{ ...message, ...ref, absent, event: { ...event, authorization } }`, written out: on Node 20 an
 * object spread followed by more properties takes V8's slow path (~1-6 us per object, measured),
 * and this runs for every transaction message.
 */
function toRecord(ref: StationRef, message: TransactionMessage, absent: boolean, authorization: SessionEvent['authorization']): MessageToRecord {
  const e = message.event;
  const event: { [K in keyof SessionEvent]-?: SessionEvent[K] } = {
    kind: e.kind, ocppVersion: e.ocppVersion, externalId: e.externalId, seqNo: e.seqNo, at: e.at, receivedAt: e.receivedAt, offline: e.offline,
    triggerReason: e.triggerReason, evse: e.evse, token: e.token, authorization, chargingState: e.chargingState, stoppedReason: e.stoppedReason,
    remoteStartId: e.remoteStartId, reservationId: e.reservationId, samples: e.samples, problems: e.problems,
  };
  // Every key listed (a new field of MessageToRecord fails to compile here until it is copied too).
  const record: { [K in keyof Required<MessageToRecord>]: MessageToRecord[K] } = {
    tenantId: ref.tenantId, stationId: ref.stationId, event, rowKind: message.rowKind, dedupeKey: message.dedupeKey, payload: message.payload,
    knownNew: message.knownNew, absent,
  };
  return record as MessageToRecord;
}

/**
 * The decision to answer a start or re-authorization with. A retry is answered like the original:
 * when the token is the session's own, with the status stored then (a retried start must not
 * become ConcurrentTx).
 */
function answeredDecision(result: Recorded, decision: AuthorizationDecision, idToken: string | null): AuthorizationDecision {
  if (result.kind !== 'duplicate' || !result.stored) return decision;
  const { state } = result.stored;
  return state.idToken === idToken && state.authorizationStatus ? { ...decision, status: state.authorizationStatus as AuthorizationDecision['status'] } : decision;
}
