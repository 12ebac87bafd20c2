import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['DataTransfer']>;

/** P01: kept as a station event; no vendor extension is registered yet, so every vendor is unknown. */
export const dataTransfer16: Handler = async (ctx, request) => {
  await ctx.services.stations.recordEvent(ctx.station, 'DataTransfer', null, request);
  return { status: 'UnknownVendorId' };
};
