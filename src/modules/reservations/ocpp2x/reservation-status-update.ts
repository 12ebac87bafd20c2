import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['ReservationStatusUpdate']>;

/** H01.FR.x / TC_H_07 (2.x): the station reports that a reservation expired or was removed. */
export const reservationStatusUpdate2x: Handler = async (ctx, request) => {
  await ctx.services.reservations.statusUpdate(ctx.station.tenantId, request.reservationId, request.reservationUpdateStatus);
  return {};
};
