import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { idTokenInfoOf } from './id-token-info.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['Authorize']>;

/**
 * C01 Authorize (2.0.1 and 2.1): the token is matched by value and type (TC_C_02 Unknown, TC_C_06
 * Blocked, TC_C_07 Expired, TC_C_39 GroupId). Contract certificates (ISO 15118, C07) are not
 * validated here: no certificateStatus is returned.
 */
export const authorize2x: Handler = async (ctx, request) => {
  const decision = await ctx.services.authorization.authorize({
    tenantId: ctx.station.tenantId,
    stationId: ctx.station.stationId,
    token: { idToken: request.idToken.idToken, type: request.idToken.type },
    purpose: 'authorize',
    at: new Date(),
  });
  ctx.log.debug({ status: decision.status, reason: decision.reason }, 'Authorize');
  return { idTokenInfo: idTokenInfoOf(decision, ctx.station.version) };
};
