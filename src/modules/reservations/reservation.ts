import type { OcppVersion } from '../../protocol/versions.js';
import { DomainError } from '../../shared/domain-error.js';

/**
 * Requested: sent, no answer yet. NoTransaction: 2.1's "ended, no transaction followed".
 * Accepted / Faulted / Occupied / Rejected / Unavailable: the
 * station's answer. Unanswered: offline, timeout or CALLERROR. Cancelled, Expired, Removed (2.x
 * ReservationStatusUpdate), Used (a session started with it).
 */
export type ReservationStatus =
  | 'Requested' | 'Accepted' | 'Faulted' | 'Occupied' | 'Rejected' | 'Unavailable' | 'Unanswered'
  | 'Cancelled' | 'Expired' | 'Removed' | 'NoTransaction' | 'Used';

export type Reservation = {
  id: number;
  tenantId: string;
  stationId: string;
  evseId: number | null;
  connectorType: string | null;
  idToken: string;
  idTokenType: string | null;
  groupIdToken: string | null;
  expiresAt: Date;
  status: ReservationStatus;
  sessionId: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type ReservationRequest = {
  evseId?: number;
  connectorType?: string;
  idToken: string;
  idTokenType?: string;
  groupIdToken?: string;
  expiresAt: Date;
};

/** Statuses in which the station holds the reservation. */
export const HELD_STATUSES: readonly ReservationStatus[] = ['Accepted'];

/** ReserveNow in the station's version. 1.6 reserves a connector (0 = any) and knows no connector type. */
export function reserveNowPayload(version: OcppVersion, id: number, request: ReservationRequest): Record<string, unknown> {
  if (version === 'ocpp1.6') {
    if (request.connectorType) throw new DomainError('invalid_command', 'OCPP 1.6 cannot reserve by connector type');
    return {
      connectorId: request.evseId ?? 0,
      expiryDate: request.expiresAt.toISOString(),
      idTag: request.idToken,
      reservationId: id,
      ...(request.groupIdToken ? { parentIdTag: request.groupIdToken } : {}),
    };
  }
  return {
    id,
    expiryDateTime: request.expiresAt.toISOString(),
    idToken: { idToken: request.idToken, type: request.idTokenType ?? 'Central' },
    ...(request.evseId === undefined ? {} : { evseId: request.evseId }),
    ...(request.connectorType ? { connectorType: request.connectorType } : {}),
    ...(request.groupIdToken ? { groupIdToken: { idToken: request.groupIdToken, type: 'Central' } } : {}),
  };
}

const ANSWERS = new Set<ReservationStatus>(['Accepted', 'Faulted', 'Occupied', 'Rejected', 'Unavailable']);

/** The reservation status a ReserveNow answer leads to. */
export function statusFromAnswer(status: unknown): ReservationStatus {
  return typeof status === 'string' && ANSWERS.has(status as ReservationStatus) ? (status as ReservationStatus) : 'Unanswered';
}
