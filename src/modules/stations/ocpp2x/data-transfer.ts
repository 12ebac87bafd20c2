import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['DataTransfer']>;

/** P02: kept as a station event; no vendor extension is registered yet, so every vendor is unknown. */
export const dataTransfer2x: Handler = async (ctx, request) => {
  await ctx.services.stations.recordEvent(ctx.station, 'DataTransfer', null, request);
  return { status: 'UnknownVendorId' };
};
