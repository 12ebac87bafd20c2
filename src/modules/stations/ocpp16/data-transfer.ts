import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { plugAndChargeDataTransfer16 } from '../../plug-and-charge/ocpp16/data-transfer.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['DataTransfer']>;

/**
 * P01: kept as a station event; the one vendor extension registered is ISO 15118 Plug & Charge
 * (org.openchargealliance.iso15118pnc, answered by plug-and-charge/), every other vendor is unknown.
 */
export const dataTransfer16: Handler = async (ctx, request) => {
  const plugAndCharge = await plugAndChargeDataTransfer16(ctx, request);
  if (plugAndCharge) return plugAndCharge;
  await ctx.services.stations.recordEvent(ctx.station, 'DataTransfer', null, request);
  return { status: 'UnknownVendorId' };
};
