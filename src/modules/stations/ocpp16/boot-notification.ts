import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['BootNotification']>;

/** 1.6 BootNotification: hardware facts stored; Accepted / Pending / Rejected by registration policy. */
export const bootNotification16: Handler = async (ctx, request) => {
  const decision = await ctx.services.stations.boot(ctx.station, {
    vendor: request.chargePointVendor,
    model: request.chargePointModel,
    serialNumber: request.chargePointSerialNumber ?? request.chargeBoxSerialNumber ?? null,
    firmwareVersion: request.firmwareVersion ?? null,
    iccid: request.iccid ?? null,
    imsi: request.imsi ?? null,
    reason: null,
  });
  // A shed boot says nothing about the registration: the link keeps what the operator decided.
  if (!decision.shed) ctx.station.registrationStatus = decision.status;
  return { status: decision.status, currentTime: decision.currentTime.toISOString(), interval: decision.intervalSeconds };
};
