import { mayStopOthersSession } from './authorization-rules.js';
import { formatDecimal } from './decimal.js';
import { extendEnergy, recomputeEnergy, type EnergyPoint, type EnergyReading, type EnergyTotals } from './energy.js';
import { isEnergyReading } from './sampled-value.js';
import { appendAnomalies, type Anomaly, type AnomalyKind, type CloseReason, type SessionEvent, type SessionState } from './session.js';

export type ApplyOptions = {
  /** Id of the session when this event creates one. */
  newSessionId: string;
  tenantId: string;
  stationId: string;
  /** A station clock this far ahead of ours is an anomaly; its times are then not trusted. */
  futureToleranceMs: number;
  /** The session's stored energy readings; needed only when the function asks for them. */
  history?: EnergyPoint[];
};

export type ApplyResult =
  | { kind: 'applied'; session: SessionState; created: boolean; ended: boolean; anomalies: Anomaly[] }
  /** A reading arrived older than the last applied one: call again with `history`. */
  | { kind: 'needs-history' };

const later = (a: Date, b: Date | null): Date => (b && b.getTime() > a.getTime() ? b : a);
const earlier = (a: Date, b: Date): Date => (b.getTime() < a.getTime() ? b : a);

/**
 * Applies one transaction message to a session (or creates the session), the same way for both
 * protocol families. Pure: the caller stores the result. Order does not have to be arrival order:
 * 2.x events are placed by seqNo (charging state follows the newest), energy by sample time, the
 * start time is the earliest Started timestamp.
 */
export function applySessionEvent(current: SessionState | null, event: SessionEvent, options: ApplyOptions): ApplyResult {
  const noted: Anomaly[] = [];
  const note = (kind: AnomalyKind, detail: string) => noted.push({ kind, at: event.receivedAt.toISOString(), detail });

  let at = event.at;
  if (at.getTime() > event.receivedAt.getTime() + options.futureToleranceMs) {
    note('future-timestamp', `${event.kind} stamped ${event.at.toISOString()}, received ${event.receivedAt.toISOString()}: reception time used`);
    at = event.receivedAt;
  }
  for (const problem of event.problems) note('unparsable-value', problem);

  const readings: EnergyReading[] = event.samples.filter(isEnergyReading).map((s) => ({ at: s.sampledAt, wh: s.value, fresh: true }));
  const energy = applyEnergy(current, readings, options.history);
  if (!energy) return { kind: 'needs-history' };

  const s: SessionState = current ? { ...current } : newSession(event, at, options);
  if (!current) {
    if (event.kind === 'Ended') note('stop-without-start', `${event.kind} for transaction ${event.externalId}, never started here`);
    else if (event.kind === 'Updated') note('unknown-transaction', `${event.kind} for transaction ${event.externalId}, never started here: session created`);
  }

  const newest = event.seqNo === null || s.lastSeqNo === null || event.seqNo > s.lastSeqNo;
  if (current && event.seqNo !== null && s.lastSeqNo !== null && event.seqNo < s.lastSeqNo) {
    note('out-of-order', `seqNo ${event.seqNo} arrived after seqNo ${s.lastSeqNo}`);
  }
  if (current?.status === 'completed' && event.kind !== 'Ended' && newest) {
    note('event-after-end', `${event.kind} after the station ended the transaction`);
  }

  if (event.evse && event.evse.evseId > 0 && (s.evseId === 0 || (s.evseId === event.evse.evseId && s.connectorId === null))) {
    s.evseId = event.evse.evseId;
    s.connectorId = event.evse.connectorId;
  }
  if (event.kind === 'Started' && current) s.startedAt = earlier(s.startedAt, at);
  s.remoteStartId ??= event.remoteStartId;
  s.reservationId ??= event.reservationId;
  applyToken(s, event, note);
  if (newest && event.chargingState) s.chargingState = event.chargingState;
  if (event.seqNo !== null) s.lastSeqNo = s.lastSeqNo === null ? event.seqNo : Math.max(s.lastSeqNo, event.seqNo);
  s.hadOfflineEvents ||= event.offline;
  for (const sample of event.samples) s.lastMeterAt = later(sample.sampledAt, s.lastMeterAt);

  s.energyWh = formatDecimal(energy.energyWh);
  if (energy.last) s.lastReading = { at: energy.last.at, wh: formatDecimal(energy.last.wh) };
  if (energy.first && (s.meterStartWh === null || energy.recomputed)) s.meterStartWh = formatDecimal(energy.first.wh);
  for (const drop of energy.drops) {
    note(drop.kind, `energy register went from ${drop.from.wh} Wh (${drop.from.at.toISOString()}) to ${drop.to.wh} Wh (${drop.to.at.toISOString()}); the drop counts as no energy`);
  }

  let ended = false;
  if (event.kind === 'Ended') {
    if (current?.status === 'completed') {
      note('second-stop', `another end for a session that ended at ${current.endedAt?.toISOString() ?? 'unknown time'}: end kept`);
    } else {
      if (current?.status === 'closed') note('ended-after-close', `the station ended the session after the CSMS closed it (${current.stoppedReason ?? 'no reason'})`);
      s.status = 'completed';
      s.endedAt = later(at, s.startedAt);
      s.stoppedReason = event.stoppedReason ?? 'Local';
      s.meterStopWh = s.lastReading?.wh ?? null;
      ended = true;
    }
  }
  s.anomalies = appendAnomalies(s.anomalies, noted);
  return { kind: 'applied', session: s, created: !current, ended, anomalies: noted };
}

function applyEnergy(current: SessionState | null, readings: EnergyReading[], history: EnergyPoint[] | undefined): (EnergyTotals & { recomputed: boolean }) | null {
  if (history) return withFlag(recomputeEnergy(history, readings), true);
  const update = extendEnergy(current?.energyWh ?? '0', current?.lastReading ?? null, readings);
  return update.kind === 'incremental' ? withFlag(update.totals, false) : null;
}

/** Written out, not `{ ...totals, recomputed }`: an object spread followed by a property is V8's slow path. */
function withFlag(t: EnergyTotals, recomputed: boolean): EnergyTotals & { recomputed: boolean } {
  return { energyWh: t.energyWh, first: t.first, last: t.last, drops: t.drops, recomputed };
}

function newSession(event: SessionEvent, at: Date, options: ApplyOptions): SessionState {
  // A session first seen through a later event started no later than its earliest sample.
  const startedAt = event.kind === 'Started' ? at : event.samples.reduce((min, sample) => earlier(min, sample.sampledAt), at);
  return {
    id: options.newSessionId,
    tenantId: options.tenantId,
    stationId: options.stationId,
    evseId: 0,
    connectorId: null,
    ocppVersion: event.ocppVersion,
    externalId: event.externalId,
    status: 'active',
    idToken: null,
    idTokenType: null,
    groupIdToken: null,
    authorizationStatus: null,
    authorizationMethod: event.remoteStartId !== null || event.triggerReason === 'RemoteStart' ? 'Remote' : null,
    reservationId: null,
    remoteStartId: null,
    startedAt,
    endedAt: null,
    meterStartWh: null,
    meterStopWh: null,
    energyWh: '0',
    lastMeterAt: null,
    lastReading: null,
    chargingState: null,
    stoppedReason: null,
    lastSeqNo: null,
    hadOfflineEvents: false,
    anomalies: [],
  };
}

function applyToken(s: SessionState, event: SessionEvent, note: (kind: AnomalyKind, detail: string) => void): void {
  const { token, authorization } = event;
  if (!token || !authorization) return;
  const { purpose, decision } = authorization;
  if (purpose === 'stop') {
    if (s.idToken === null) {
      // Only the stopping token is known (a session we never saw start): it is the best we have.
      adoptToken(s, token, decision.status, decision.groupIdToken);
    } else if (s.idToken !== token.idToken && !mayStopOthersSession(s.groupIdToken, decision)) {
      note('stop-by-other-token', `stopped with token ${token.idToken}, started with ${s.idToken}: neither the same group nor a master pass (${decision.status})`);
    }
    return;
  }
  if (s.idToken === null) adoptToken(s, token, decision.status, decision.groupIdToken);
  else if (s.idToken === token.idToken) s.authorizationStatus = decision.status;
}

function adoptToken(s: SessionState, token: { idToken: string; type: string | null }, status: string, group: string | null): void {
  s.idToken = token.idToken;
  s.idTokenType = token.type;
  s.groupIdToken = group;
  s.authorizationStatus = status;
  s.authorizationMethod ??= token.type;
}

/** The CSMS ends a session the station never ended; the reason is recorded, never silent. */
export function closeSession(s: SessionState, reason: CloseReason, at: Date): SessionState {
  return { ...s, status: 'closed', endedAt: later(at, s.startedAt), stoppedReason: reason };
}

/**
 * Zombie rule: a session starting on an EVSE/connector supersedes an older active one there (the
 * station cannot run two). Unknown EVSEs (0) supersede nothing.
 */
export function supersedes(newer: Pick<SessionState, 'id' | 'evseId' | 'connectorId' | 'startedAt'>, older: Pick<SessionState, 'id' | 'evseId' | 'connectorId' | 'startedAt' | 'status'>): boolean {
  if (newer.id === older.id || older.status !== 'active' || newer.evseId === 0 || newer.evseId !== older.evseId) return false;
  if (newer.connectorId !== null && older.connectorId !== null && newer.connectorId !== older.connectorId) return false;
  return older.startedAt.getTime() <= newer.startedAt.getTime();
}
