import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['Heartbeat']>;

/** G02 */
export const heartbeat2x: Handler = async (ctx) => {
  const at = await ctx.services.stations.heartbeat(ctx.station);
  return { currentTime: at.toISOString() };
};
