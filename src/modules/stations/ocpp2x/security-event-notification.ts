import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['SecurityEventNotification']>;

/** A04: security events are stored for audit and later alerting. */
export const securityEventNotification2x: Handler = async (ctx, request) => {
  await ctx.services.stations.recordEvent(ctx.station, 'SecurityEventNotification', new Date(request.timestamp), request);
  return {};
};
