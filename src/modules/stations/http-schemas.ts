import { Type, type Static } from '@sinclair/typebox';
import type { ConnectorDefinition, ConnectorStatus, Station } from './domain/station.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';


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

export const LiveStatusSchema = Type.Object({
  occupancy: Type.String({ description: 'Available, Occupied, Reserved, Unavailable or Faulted' }),
  chargingState: Nullable(Type.String({ description: 'Idle, EVConnected, Charging, SuspendedEV or SuspendedEVSE' })),
  rawStatus: Type.String({ description: 'The status as the station spelled it in its protocol version' }),
  errorCode: Nullable(Type.String()),
  vendorErrorCode: Nullable(Type.String()),
  info: Nullable(Type.String()),
  reportedAt: DateTime,
});

export const ConnectorDefinitionSchema = Type.Object({
  connectorId: Type.Integer({ minimum: 1 }),
  type: Type.Optional(Nullable(Type.String({ maxLength: 50, description: 'OCPP 2.x ConnectorEnumType, e.g. cType2, cCCS2, sType2' }))),
  maxPowerW: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  phases: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 3 }))),
}, { additionalProperties: false });

export const EvseLayoutSchema = Type.Array(Type.Object({
  evseId: Type.Integer({ minimum: 1 }),
  connectors: Type.Array(ConnectorDefinitionSchema, { minItems: 1 }),
}, { additionalProperties: false }));

const ConnectorViewSchema = Type.Object({
  connectorId: Type.Integer(),
  type: Nullable(Type.String()),
  maxPowerW: Nullable(Type.Integer()),
  phases: Nullable(Type.Integer()),
  /** Whether an operator declared this connector (false: known only from the station's reports). */
  declared: Type.Boolean(),
  status: Nullable(LiveStatusSchema),
});

export const StationDetailSchema = Type.Composite([
  StationSchema,
  Type.Object({
    /** Status of the station itself (1.6 connector 0), when reported. */
    stationStatus: Nullable(LiveStatusSchema),
    evses: Type.Array(Type.Object({
      evseId: Type.Integer(),
      status: Nullable(LiveStatusSchema),
      connectors: Type.Array(ConnectorViewSchema),
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
type LiveStatusView = Static<typeof LiveStatusSchema>;
type ConnectorView = Static<typeof ConnectorViewSchema>;
type EvseView = { evseId: number; status: LiveStatusView | null; connectors: ConnectorView[] };

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

function toLiveStatus(status: ConnectorStatus): LiveStatusView {
  return {
    occupancy: status.occupancy,
    chargingState: status.chargingState,
    rawStatus: status.rawStatus,
    errorCode: status.errorCode,
    vendorErrorCode: status.vendorErrorCode,
    info: status.info,
    reportedAt: status.reportedAt.toISOString(),
  };
}

/** Flattens the API's nested layout into the domain's connector list. */
export function fromEvseLayout(evses: Static<typeof EvseLayoutSchema>): ConnectorDefinition[] {
  return evses.flatMap((evse) => evse.connectors.map((connector) => ({
    evseId: evse.evseId,
    connectorId: connector.connectorId,
    type: connector.type ?? null,
    maxPowerW: connector.maxPowerW ?? null,
    phases: connector.phases ?? null,
  })));
}

/**
 * Station -> EVSE -> connector, the shape operators think in: the declared layout merged with the
 * live status rows (a connector may be declared and silent, or reported and undeclared).
 */
export function toStationDetail(station: Station, statuses: ConnectorStatus[], layout: ConnectorDefinition[]): Static<typeof StationDetailSchema> {
  const evses = new Map<number, EvseView>();
  const evseOf = (evseId: number): EvseView => {
    const found = evses.get(evseId) ?? { evseId, status: null, connectors: [] };
    evses.set(evseId, found);
    return found;
  };
  const connectorOf = (evseId: number, connectorId: number): ConnectorView => {
    const evse = evseOf(evseId);
    let connector = evse.connectors.find((c) => c.connectorId === connectorId);
    if (!connector) {
      connector = { connectorId, type: null, maxPowerW: null, phases: null, declared: false, status: null };
      evse.connectors.push(connector);
    }
    return connector;
  };
  for (const definition of layout) {
    Object.assign(connectorOf(definition.evseId, definition.connectorId), {
      type: definition.type, maxPowerW: definition.maxPowerW, phases: definition.phases, declared: true,
    });
  }
  let stationStatus: LiveStatusView | null = null;
  for (const status of statuses) {
    if (status.evseId === 0) stationStatus = toLiveStatus(status);
    else if (status.connectorId === 0) evseOf(status.evseId).status = toLiveStatus(status);
    else connectorOf(status.evseId, status.connectorId).status = toLiveStatus(status);
  }
  const sorted = [...evses.values()].sort((a, b) => a.evseId - b.evseId);
  for (const evse of sorted) evse.connectors.sort((a, b) => a.connectorId - b.connectorId);
  return { ...toStationView(station), stationStatus, evses: sorted };
}
