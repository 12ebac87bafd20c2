import { Type } from '@sinclair/typebox';
import type { SessionDetail } from './query-service.js';
import type { SessionRecord, StoredCommand } from './query-store.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

const Energy = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'Wh as an exact decimal string' });
const iso = (date: Date | null): string | null => date?.toISOString() ?? null;

export const SessionStatusSchema = Type.Union([Type.Literal('active'), Type.Literal('completed'), Type.Literal('closed')]);

export const AnomalySchema = Type.Object({ kind: Type.String(), at: DateTime, detail: Type.String() });

export const SessionSchema = Type.Object({
  id: Type.String(),
  stationId: Type.String(),
  evseId: Type.Integer({ description: '0 while the EVSE is not known' }),
  connectorId: Nullable(Type.Integer()),
  ocppVersion: Type.String(),
  transactionId: Type.String({ description: 'The protocol transaction id: the CSMS integer (1.6) or the station string (2.x)' }),
  status: SessionStatusSchema,
  idToken: Nullable(Type.String()),
  idTokenType: Nullable(Type.String()),
  groupIdToken: Nullable(Type.String()),
  authorizationStatus: Nullable(Type.String()),
  authorizationMethod: Nullable(Type.String()),
  reservationId: Nullable(Type.Integer()),
  remoteStartId: Nullable(Type.Integer()),
  startedAt: DateTime,
  endedAt: Nullable(DateTime),
  meterStartWh: Nullable(Energy),
  meterStopWh: Nullable(Energy),
  energyWh: Energy,
  lastMeterAt: Nullable(DateTime),
  chargingState: Nullable(Type.String({ description: 'Idle, EVConnected, Charging, SuspendedEV or SuspendedEVSE (2.x TransactionEvent)' })),
  stoppedReason: Nullable(Type.String({ description: "The station's reason, or superseded / stale when the CSMS closed it" })),
  lastSeqNo: Nullable(Type.Integer()),
  hadOfflineEvents: Type.Boolean(),
  anomalyCount: Type.Integer(),
  createdAt: DateTime,
  updatedAt: DateTime,
});

const SessionEventSchema = Type.Object({
  id: Type.String(),
  kind: Type.String({ description: 'StartTransaction, StopTransaction, MeterValues (1.6); Started, Updated, Ended (2.x); Closed (CSMS)' }),
  seqNo: Nullable(Type.Integer()),
  triggerReason: Nullable(Type.String()),
  offline: Type.Boolean(),
  occurredAt: DateTime,
  receivedAt: DateTime,
  dedupeKey: Nullable(Type.String()),
  payload: Type.Unknown(),
});

const MeterSeriesSchema = Type.Object({
  measurand: Type.String(),
  phase: Nullable(Type.String()),
  location: Nullable(Type.String()),
  unit: Nullable(Type.String()),
  points: Type.Array(Type.Object({
    at: DateTime,
    value: Nullable(Type.String({ description: 'Exact decimal in the unit; null for signed data without a plain reading' })),
    context: Nullable(Type.String()),
    signed: Type.Unknown({ description: 'Signed meter data exactly as received (1.6 SignedData value, 2.x signedMeterValue)' }),
  })),
});

const CommandSchema = Type.Object({
  id: Type.String(),
  action: Type.String(),
  payload: Type.Unknown(),
  outcome: Nullable(Type.String()),
  response: Type.Unknown(),
  requestedBy: Nullable(Type.String()),
  sentAt: DateTime,
  answeredAt: Nullable(DateTime),
});

export const SessionDetailSchema = Type.Object({
  session: SessionSchema,
  events: Type.Array(SessionEventSchema),
  meterSeries: Type.Array(MeterSeriesSchema),
  anomalies: Type.Array(AnomalySchema),
  commands: Type.Array(CommandSchema),
});

export function toSessionView(s: SessionRecord) {
  return {
    id: s.id, stationId: s.stationId, evseId: s.evseId, connectorId: s.connectorId, ocppVersion: s.ocppVersion, transactionId: s.externalId,
    status: s.status, idToken: s.idToken, idTokenType: s.idTokenType, groupIdToken: s.groupIdToken, authorizationStatus: s.authorizationStatus,
    authorizationMethod: s.authorizationMethod, reservationId: s.reservationId, remoteStartId: s.remoteStartId,
    startedAt: s.startedAt.toISOString(), endedAt: iso(s.endedAt), meterStartWh: s.meterStartWh, meterStopWh: s.meterStopWh, energyWh: s.energyWh,
    lastMeterAt: iso(s.lastMeterAt), chargingState: s.chargingState, stoppedReason: s.stoppedReason, lastSeqNo: s.lastSeqNo,
    hadOfflineEvents: s.hadOfflineEvents, anomalyCount: s.anomalies.length, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString(),
  };
}

const toCommandView = (c: StoredCommand) => ({
  id: c.id.toString(), action: c.action, payload: c.payload, outcome: c.outcome, response: c.response ?? null,
  requestedBy: c.requestedBy, sentAt: c.sentAt.toISOString(), answeredAt: iso(c.answeredAt),
});

export function toSessionDetailView(detail: SessionDetail) {
  return {
    session: toSessionView(detail.session),
    events: detail.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString(), receivedAt: e.receivedAt.toISOString() })),
    meterSeries: detail.meterSeries.map((series) => ({ ...series, points: series.points.map((p) => ({ ...p, at: p.at.toISOString() })) })),
    anomalies: detail.anomalies,
    commands: detail.commands.map(toCommandView),
  };
}
