import type { AuthorizationDecision } from '../../authorization/ports.js';
import type { EnergyPoint } from './energy.js';
import type { Sample } from './sampled-value.js';

/** active; completed (ended by the station); closed (ended by the CSMS: superseded, stale). */
export type SessionStatus = 'active' | 'completed' | 'closed';

/** Why the CSMS closed a session the station never ended. */
export type CloseReason = 'superseded' | 'stale';

export type AnomalyKind =
  /** A message for a transaction this CSMS never saw start (2.x Updated/Ended, 1.6 MeterValues). */
  | 'unknown-transaction'
  /** 1.6 StopTransaction / 2.x Ended for a transaction never started here. */
  | 'stop-without-start'
  | 'meter-backwards'
  | 'meter-reset'
  /** A retry of a stored event (acknowledged without effect), or another event under its key. */
  | 'duplicate-event'
  | 'future-timestamp'
  /** A 2.x event with a lower seqNo than one already applied. */
  | 'out-of-order'
  /** An event newer than the station's own end of the transaction. */
  | 'event-after-end'
  /** A second, different stop for a session that had already ended. */
  | 'second-stop'
  /** The station's own end for a session the CSMS had closed (superseded or stale). */
  | 'ended-after-close'
  /** Stopped with another token that is neither of the same group nor a master pass (C16). */
  | 'stop-by-other-token'
  | 'unparsable-value'
  | 'anomalies-truncated';

/** Recorded on the session: what was odd, when it was noticed, and the facts. */
export type Anomaly = { kind: AnomalyKind; at: string; detail: string };

/** The most anomalies kept on one session; a flood ends with one 'anomalies-truncated' entry. */
export const MAX_ANOMALIES = 100;

/** One charging session, whatever the protocol (a 1.6 transaction or a 2.x one). */
export type SessionState = {
  id: string;
  tenantId: string;
  stationId: string;
  /** 0 while unknown (a 2.x transaction may start before the EVSE is known, TC_J_08). */
  evseId: number;
  connectorId: number | null;
  ocppVersion: string;
  /** The protocol's transaction id: the CSMS's integer (1.6) or the station's string (2.x). */
  externalId: string;
  status: SessionStatus;
  idToken: string | null;
  idTokenType: string | null;
  groupIdToken: string | null;
  authorizationStatus: string | null;
  authorizationMethod: string | null;
  reservationId: number | null;
  remoteStartId: number | null;
  startedAt: Date;
  endedAt: Date | null;
  meterStartWh: string | null;
  meterStopWh: string | null;
  energyWh: string;
  /** Newest sample time of any measurand. */
  lastMeterAt: Date | null;
  /** Newest energy register reading applied (the base of the next delta). */
  lastReading: EnergyPoint | null;
  chargingState: string | null;
  stoppedReason: string | null;
  lastSeqNo: number | null;
  hadOfflineEvents: boolean;
  anomalies: Anomaly[];
};

export type TokenRef = { idToken: string; type: string | null };

/**
 * What a token was checked for: 'start' (a new session, with the concurrency check), 'authorize'
 * (the session's own token again), 'stop' (ending it).
 */
export type TokenPurpose = 'start' | 'authorize' | 'stop';

/**
 * A transaction message of either protocol in domain terms. 1.6 StartTransaction is a Started
 * event, StopTransaction an Ended one, MeterValues with a transaction id an Updated one.
 */
export type SessionEvent = {
  kind: 'Started' | 'Updated' | 'Ended';
  ocppVersion: string;
  externalId: string;
  /** 2.x only; null for 1.6. */
  seqNo: number | null;
  /** The event's time as the station reported it. */
  at: Date;
  receivedAt: Date;
  offline: boolean;
  triggerReason: string | null;
  evse: { evseId: number; connectorId: number | null } | null;
  token: TokenRef | null;
  authorization: { purpose: TokenPurpose; decision: AuthorizationDecision } | null;
  chargingState: string | null;
  stoppedReason: string | null;
  remoteStartId: number | null;
  reservationId: number | null;
  samples: Sample[];
  /** Anomalies the adapter already noticed (unparsable values). */
  problems: string[];
};

export function appendAnomalies(existing: Anomaly[], added: Anomaly[]): Anomaly[] {
  if (added.length === 0) return existing;
  const room = MAX_ANOMALIES - 1 - existing.length;
  if (room >= added.length) return [...existing, ...added];
  if (existing.some((a) => a.kind === 'anomalies-truncated')) return existing;
  const last = added[added.length - 1]!;
  return [...existing, ...added.slice(0, Math.max(0, room)), { kind: 'anomalies-truncated', at: last.at, detail: `more than ${MAX_ANOMALIES} anomalies; later ones are not recorded` }];
}
