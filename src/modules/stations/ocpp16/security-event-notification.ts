import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['SecurityEventNotification']>;

/** 1.6 security extension: security events are stored for audit and later alerting. */
export const securityEventNotification16: Handler = async (ctx, request) => {
  await ctx.services.stations.recordEvent(ctx.station, 'SecurityEventNotification', new Date(request.timestamp), request);
  return {};
};
