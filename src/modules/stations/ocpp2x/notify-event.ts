import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['NotifyEvent']>;

/** N07: device-model events are stored as reported; fault detection reads them later. */
export const notifyEvent2x: Handler = async (ctx, request) => {
  await ctx.services.stations.recordEvent(ctx.station, 'NotifyEvent', new Date(request.generatedAt), request);
  return {};
};
