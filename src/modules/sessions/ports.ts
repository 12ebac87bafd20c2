import type { Executor } from '../../infra/db/database.js';
import type { StoredSample } from '../../infra/db/schema.js';
import type { EnergyPoint } from './domain/energy.js';
import type { CloseReason, SessionState } from './domain/session.js';
import type { AppendInput } from './store-append.js';
import type { StartInput, StartResult } from './store-start.js';

/**
 * A stored session and its revision: `updated_at`, which every write moves forward by at least a
 * millisecond. An update names the revision it was computed from and fails when the row changed
 * meanwhile (another node, the zombie job): the in-memory copy is then reloaded, never trusted.
 */
export type StoredSession = { state: SessionState; revision: Date };

/** One row of session_events: every transaction message as received, and the CSMS's own actions. */
export type SessionEventRecord = {
  tenantId: string;
  sessionId: string | null;
  stationId: string;
  /** StartTransaction, StopTransaction, MeterValues (1.6); Started, Updated, Ended (2.x); Closed. */
  kind: string;
  seqNo: number | null;
  triggerReason: string | null;
  offline: boolean;
  occurredAt: Date;
  receivedAt: Date;
  /** Unique per station: a retry of a stored message carries the same key. */
  dedupeKey: string | null;
  payload: unknown;
  /** The message's sampled values, stored in its row (ADR 112); null when it carried none. */
  samples: StoredSample[] | null;
};

export type ClosedSession = { id: string; tenantId: string; stationId: string; externalId: string; evseId: number; endedAt: Date };

/** The write path of sessions: everything a transaction message needs, inside one group commit. */
export interface SessionStore {
  /** 1.6 transaction ids: nextval of ocpp16_transaction_id_seq (starts at 1, never 0, never random). */
  nextOcpp16TransactionId(ex: Executor): Promise<number>;
  findByExternalId(ex: Executor, stationId: string, externalId: string): Promise<StoredSession | null>;
  /** Many (station, external id) lookups in one statement (and one for their last readings); keyed by JSON [stationId, externalId]. */
  findByExternalIds(ex: Executor, keys: ReadonlyArray<readonly [string, string]>): Promise<Map<string, StoredSession>>;
  findById(ex: Executor, id: string): Promise<StoredSession | null>;
  externalIdTaken(ex: Executor, stationId: string, externalId: string): Promise<boolean>;
  /** The stored event under a dedupe key, to answer a retry as the original was answered. */
  findEventByKey(ex: Executor, stationId: string, dedupeKey: string): Promise<{ sessionId: string | null; payload: unknown } | null>;
  /** False when an event with the same (station, dedupe key) is already stored. */
  insertEvent(ex: Executor, event: SessionEventRecord): Promise<boolean>;
  insertEvents(ex: Executor, events: SessionEventRecord[]): Promise<void>;
  /** Null when (station, external id) exists already. */
  insertSession(ex: Executor, state: SessionState, now: Date): Promise<Date | null>;
  /** Null when the row is no longer at `revision`. */
  updateSession(ex: Executor, state: SessionState, revision: Date, now: Date): Promise<Date | null>;
  /**
   * The steady path in one statement: the event with its samples (deduplicated), then the changed
   * columns of the session from `revision`. `inserted` false: a retry, nothing written; `revision`
   * null: the row moved on (event written, session not).
   */
  appendToSession(ex: Executor, input: AppendInput): Promise<{ inserted: boolean; revision: Date | null }>;
  /**
   * A new session in one statement: the event with its samples (deduplicated), the session and the
   * zombie rule (closeSuperseded). Nothing is written when the session exists already (`existing`)
   * or the event is a retry (`inserted` false); `revision` null: stored meanwhile by another transaction.
   */
  startSession(ex: Executor, input: StartInput): Promise<StartResult>;
  /** nextOcpp16TransactionId and externalIdTaken in one statement: null when the id is taken by an orphan (try again). */
  nextFreeOcpp16TransactionId(ex: Executor, stationId: string): Promise<number | null>;
  /** Meter values of no session: the event with its samples (deduplicated); false for a retry (nothing written). */
  appendStationMeterValues(ex: Executor, event: SessionEventRecord): Promise<boolean>;
  /**
   * The session's stored energy register readings in time order (what `isEnergyReading` accepts),
   * without those of the event stored under `exceptDedupeKey` (the message being applied).
   */
  energyHistory(ex: Executor, tenantId: string, sessionId: string, exceptDedupeKey: string | null): Promise<EnergyPoint[]>;
  /** Closes the older active sessions on the EVSE/connector of `newer` (see `supersedes`). */
  closeSuperseded(ex: Executor, newer: SessionState, now: Date): Promise<ClosedSession[]>;
  /** Active sessions with no write since `cutoff`. */
  findStale(ex: Executor, cutoff: Date, limit: number): Promise<Array<{ id: string; tenantId: string }>>;
  /** Closes one session if it is still active and still without progress since `cutoff`. */
  closeIfStale(ex: Executor, id: string, cutoff: Date, now: Date): Promise<ClosedSession | null>;
  hasActiveSession(ex: Executor, tenantId: string, idToken: string): Promise<boolean>;
}

export type CloseRecord = { reason: CloseReason; detail: string };
