import type { OcppVersion } from '../../../protocol/versions.js';

/** Whether the CSMS lets a station take part in the network (set by BootNotification policy and operators). */
export type RegistrationStatus = 'Accepted' | 'Pending' | 'Rejected';

/** Connector occupancy, kept apart from the charging state as 2.x does (1.6 statuses are split). */
export type ConnectorOccupancy = 'Available' | 'Occupied' | 'Reserved' | 'Unavailable' | 'Faulted';
export type ChargingState = 'Idle' | 'EVConnected' | 'Charging' | 'SuspendedEV' | 'SuspendedEVSE';

export type Station = {
  tenantId: string;
  id: string;
  displayName: string | null;
  registrationStatus: RegistrationStatus;
  /** 0: no HTTP authentication (legacy), 1: HTTP Basic over ws, 2: Basic over wss, 3: client certificate. */
  securityProfile: number;
  hasPassword: boolean;
  ocppVersion: OcppVersion | null;
  vendor: string | null;
  model: string | null;
  serialNumber: string | null;
  firmwareVersion: string | null;
  iccid: string | null;
  imsi: string | null;
  online: boolean;
  lastBootAt: Date | null;
  lastSeenAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** Fields a BootNotification reports about the hardware, in version-neutral form. */
export type BootInfo = {
  vendor: string;
  model: string;
  serialNumber: string | null;
  firmwareVersion: string | null;
  iccid: string | null;
  imsi: string | null;
  reason: string | null;
};

export type ConnectorStatus = {
  tenantId: string;
  stationId: string;
  /** 0 stands for the station itself (1.6 connector 0). */
  evseId: number;
  /** 0 stands for the EVSE as a whole. */
  connectorId: number;
  occupancy: ConnectorOccupancy;
  chargingState: ChargingState | null;
  /** The status exactly as the station's protocol version spelled it (e.g. 1.6 'SuspendedEV'). */
  rawStatus: string;
  errorCode: string | null;
  vendorErrorCode: string | null;
  info: string | null;
  reportedAt: Date;
  receivedAt: Date;
};

export type ConnectionEventKind = 'connected' | 'disconnected';

export type ConnectionEvent = {
  tenantId: string;
  stationId: string;
  kind: ConnectionEventKind;
  at: Date;
  /** For disconnects: why (closed by station, replaced by a new connection, ping timeout, shutdown...). */
  reason: string | null;
  closeCode: number | null;
  ocppVersion: OcppVersion | null;
  remoteAddress: string | null;
  nodeId: string;
};

/** An EVSE's connector as the operator declared it. */
export type ConnectorDefinition = {
  evseId: number;
  connectorId: number;
  /** OCPP 2.x ConnectorEnumType spelling (cType2, cCCS2, sType2, ...), free text for others. */
  type: string | null;
  maxPowerW: number | null;
  phases: number | null;
};
