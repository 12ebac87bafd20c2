import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['BootNotification']>;

/** B01/B02/B03: hardware facts stored; Accepted / Pending / Rejected by registration policy. */
export const bootNotification2x: Handler = async (ctx, request) => {
  const station = request.chargingStation;
  const decision = await ctx.services.stations.boot(ctx.station, {
    vendor: station.vendorName,
    model: station.model,
    serialNumber: station.serialNumber ?? null,
    firmwareVersion: station.firmwareVersion ?? null,
    iccid: station.modem?.iccid ?? null,
    imsi: station.modem?.imsi ?? null,
    reason: request.reason,
  });
  // A shed boot says nothing about the registration: the link keeps what the operator decided.
  if (!decision.shed) ctx.station.registrationStatus = decision.status;
  return { status: decision.status, currentTime: decision.currentTime.toISOString(), interval: decision.intervalSeconds };
};
