import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['Heartbeat']>;

export const heartbeat16: Handler = async (ctx) => {
  const at = await ctx.services.stations.heartbeat(ctx.station);
  return { currentTime: at.toISOString() };
};
