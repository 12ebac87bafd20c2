import { Type, type Static } from '@sinclair/typebox';
import type { ConnectorStatus, Station } from './domain/station.js';

const Nullable = <T extends import('@sinclair/typebox').TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const DateTime = Type.String({ format: 'date-time' });

export const StationSchema = Type.Object({
  id: Type.String(),
  displayName: Nullable(Type.String()),
  registrationStatus: Type.Union([Type.Literal('Accepted'), Type.Literal('Pending'), Type.Literal('Rejected')]),
  securityProfile: Type.Integer(),
  hasPassword: Type.Boolean(),
  ocppVersion: Nullable(Type.String()),
  vendor: Nullable(Type.String()),
  model: Nullable(Type.String()),
  serialNumber: Nullable(Type.String()),
  firmwareVersion: Nullable(Type.String()),
  iccid: Nullable(Type.String()),
  imsi: Nullable(Type.String()),
  online: Type.Boolean(),
  lastBootAt: Nullable(DateTime),
  lastSeenAt: Nullable(DateTime),
  createdAt: DateTime,
  updatedAt: DateTime,
}, { $id: 'Station' });

export const ConnectorStatusSchema = Type.Object({
  connectorId: Type.Integer(),
  occupancy: Type.String({ description: 'Available, Occupied, Reserved, Unavailable or Faulted' }),
  chargingState: Nullable(Type.String({ description: 'Idle, EVConnected, Charging, SuspendedEV or SuspendedEVSE' })),
  rawStatus: Type.String({ description: 'The status as the station spelled it in its protocol version' }),
  errorCode: Nullable(Type.String()),
  vendorErrorCode: Nullable(Type.String()),
  info: Nullable(Type.String()),
  reportedAt: DateTime,
});

export const StationDetailSchema = Type.Composite([
  StationSchema,
  Type.Object({
    /** Status of the station itself (1.6 connector 0), when reported. */
    stationStatus: Nullable(ConnectorStatusSchema),
    evses: Type.Array(Type.Object({
      evseId: Type.Integer(),
      status: Nullable(ConnectorStatusSchema),
      connectors: Type.Array(ConnectorStatusSchema),
    })),
  }),
]);

export const ConnectionEventSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('connected'), Type.Literal('disconnected')]),
  at: DateTime,
  reason: Nullable(Type.String()),
  closeCode: Nullable(Type.Integer()),
  ocppVersion: Nullable(Type.String()),
  remoteAddress: Nullable(Type.String()),
  nodeId: Type.String(),
});

export const StationEventSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  occurredAt: Nullable(DateTime),
  receivedAt: DateTime,
  payload: Type.Unknown(),
});

export type StationView = Static<typeof StationSchema>;
type ConnectorStatusView = Static<typeof ConnectorStatusSchema>;

export function toStationView(station: Station): StationView {
  const { tenantId: _tenant, ...rest } = station;
  return {
    ...rest,
    lastBootAt: station.lastBootAt?.toISOString() ?? null,
    lastSeenAt: station.lastSeenAt?.toISOString() ?? null,
    createdAt: station.createdAt.toISOString(),
    updatedAt: station.updatedAt.toISOString(),
  };
}

function toConnectorView(status: ConnectorStatus): ConnectorStatusView {
  return {
    connectorId: status.connectorId,
    occupancy: status.occupancy,
    chargingState: status.chargingState,
    rawStatus: status.rawStatus,
    errorCode: status.errorCode,
    vendorErrorCode: status.vendorErrorCode,
    info: status.info,
    reportedAt: status.reportedAt.toISOString(),
  };
}

/** Groups the flat status rows into station -> EVSE -> connector, the shape operators think in. */
export function toStationDetail(station: Station, statuses: ConnectorStatus[]): Static<typeof StationDetailSchema> {
  const evses = new Map<number, { evseId: number; status: ConnectorStatusView | null; connectors: ConnectorStatusView[] }>();
  let stationStatus: ConnectorStatusView | null = null;
  for (const status of statuses) {
    if (status.evseId === 0) {
      stationStatus = toConnectorView(status);
      continue;
    }
    const evse = evses.get(status.evseId) ?? { evseId: status.evseId, status: null, connectors: [] };
    evses.set(status.evseId, evse);
    if (status.connectorId === 0) evse.status = toConnectorView(status);
    else evse.connectors.push(toConnectorView(status));
  }
  const sorted = [...evses.values()].sort((a, b) => a.evseId - b.evseId);
  for (const evse of sorted) evse.connectors.sort((a, b) => a.connectorId - b.connectorId);
  return { ...toStationView(station), stationStatus, evses: sorted };
}
