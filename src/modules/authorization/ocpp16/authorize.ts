import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { idTagInfoOf } from './id-tag-info.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['Authorize']>;

/** 1.6 Authorize: an idTag has no type, so it matches a stored token by value (TC_023_1/2/3, TC_004_1). */
export const authorize16: Handler = async (ctx, request) => {
  const decision = await ctx.services.authorization.authorize({
    tenantId: ctx.station.tenantId,
    stationId: ctx.station.stationId,
    token: { idToken: request.idTag, type: null },
    purpose: 'authorize',
    at: new Date(),
  });
  ctx.log.debug({ status: decision.status, reason: decision.reason }, 'Authorize');
  return { idTagInfo: idTagInfoOf(decision) };
};
