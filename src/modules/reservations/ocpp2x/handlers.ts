import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { reservationStatusUpdate2x } from './reservation-status-update.js';

/** Reservation messages a 2.x station sends (block H). */
export const reservationHandlers2x: Ocpp2xHandlers<OcppContext> = {
  ReservationStatusUpdate: reservationStatusUpdate2x,
};
