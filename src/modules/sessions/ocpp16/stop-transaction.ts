import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { idTagInfoOf } from '../../authorization/ocpp16/id-tag-info.js';
import { dedupeKeys } from '../domain/dedupe-keys.js';
import { parseMeterValues } from '../domain/sampled-value.js';
import { registerReading } from './readings.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['StopTransaction']>;

/**
 * 1.6 StopTransaction (TC_005_1, TC_012, TC_039): always acknowledged, even for an unknown
 * transaction id (recorded as an orphan session with an anomaly); a retried identical stop changes
 * nothing; transactionData and meterStop join the session's meter series.
 */
export const stopTransaction16: Handler = async (ctx, request) => {
  const at = new Date(request.timestamp);
  const { samples, problems } = parseMeterValues([...(request.transactionData ?? []), registerReading(request.timestamp, request.meterStop, 'Transaction.End')]);
  const outcome = await ctx.services.sessions.recordTransaction(ctx.station, {
    rowKind: 'StopTransaction',
    dedupeKey: dedupeKeys.stop16(request.transactionId, request.meterStop, at),
    payload: request,
    event: {
      kind: 'Ended', ocppVersion: 'ocpp1.6', externalId: String(request.transactionId), seqNo: null, at, receivedAt: new Date(), offline: false,
      triggerReason: null, evse: null, token: request.idTag ? { idToken: request.idTag, type: null } : null, chargingState: null,
      stoppedReason: request.reason ?? 'Local', remoteStartId: null, reservationId: null, samples, problems,
    },
  });
  return request.idTag && outcome.decision ? { idTagInfo: idTagInfoOf(outcome.decision) } : {};
};
