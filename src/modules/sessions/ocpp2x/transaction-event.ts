import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { idTokenInfoOf } from '../../authorization/ocpp2x/id-token-info.js';
import { dedupeKeys } from '../domain/dedupe-keys.js';
import { fromSampledValue2x, parseMeterValues } from '../domain/sampled-value.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['TransactionEvent']>;

/**
 * E01-E15 / J02 TransactionEvent (2.0.1 and 2.1): Started / Updated / Ended stored once per
 * (station, transactionId, seqNo); offline events keep their own times; an event for a transaction
 * never seen creates it with an anomaly. idTokenInfo answers when an idToken is present.
 * totalCost answers an Ended event when billing prices the session (TC_I_02).
 */
export const transactionEvent2x: Handler = async (ctx, request) => {
  const receivedAt = new Date();
  const info = request.transactionInfo;
  const { samples, problems } = parseMeterValues((request.meterValue ?? []).map((mv) => ({
    timestamp: mv.timestamp, sampledValue: mv.sampledValue.map(fromSampledValue2x),
  })));
  const outcome = await ctx.services.sessions.recordTransaction(ctx.station, {
    rowKind: request.eventType,
    dedupeKey: dedupeKeys.transactionEvent2x(info.transactionId, request.seqNo),
    payload: request,
    event: {
      kind: request.eventType,
      ocppVersion: ctx.station.version,
      externalId: info.transactionId,
      seqNo: request.seqNo,
      at: new Date(request.timestamp),
      receivedAt,
      offline: request.offline ?? false,
      triggerReason: request.triggerReason,
      evse: request.evse ? { evseId: request.evse.id, connectorId: request.evse.connectorId ?? null } : null,
      token: request.idToken ? { idToken: request.idToken.idToken, type: request.idToken.type } : null,
      chargingState: info.chargingState ?? null,
      stoppedReason: info.stoppedReason ?? null,
      remoteStartId: info.remoteStartId ?? null,
      reservationId: request.reservationId ?? null,
      samples,
      problems,
    },
  });
  const answer = request.idToken && outcome.decision ? { idTokenInfo: idTokenInfoOf(outcome.decision, ctx.station.version) } : {};
  // Billing (issue 8) TC_I_02 / I03.FR.02: the final total cost (incl. VAT) in the Ended answer.
  const sessionId = outcome.stored?.state.id;
  if (request.eventType !== 'Ended' || !sessionId || !ctx.services.costs) return answer;
  const totalCost = await ctx.services.costs.finalTotalCost(ctx.station.tenantId, sessionId).catch(() => undefined);
  return totalCost === undefined ? answer : { ...answer, totalCost };
};
