import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { idTagInfoOf } from '../../authorization/ocpp16/id-tag-info.js';
import { dedupeKeys } from '../domain/dedupe-keys.js';
import { parseMeterValues } from '../domain/sampled-value.js';
import { evseOf16, registerReading } from './readings.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['StartTransaction']>;

/**
 * 1.6 StartTransaction (TC_003, TC_004_1, TC_023_x): the CSMS allocates the transaction id from a
 * database sequence, also for a refused idTag (the station then stops); a retry gets the same id.
 */
export const startTransaction16: Handler = async (ctx, request) => {
  const receivedAt = new Date();
  const at = new Date(request.timestamp);
  const { samples, problems } = parseMeterValues([registerReading(request.timestamp, request.meterStart, 'Transaction.Begin')]);
  const { transactionId, decision } = await ctx.services.sessions.startTransaction16(ctx.station, {
    rowKind: 'StartTransaction',
    dedupeKey: dedupeKeys.start16(request.connectorId, request.idTag, request.meterStart, at),
    payload: request,
    event: {
      kind: 'Started', ocppVersion: 'ocpp1.6', externalId: '', seqNo: null, at, receivedAt, offline: false, triggerReason: null,
      evse: evseOf16(request.connectorId), token: { idToken: request.idTag, type: null }, chargingState: null, stoppedReason: null,
      remoteStartId: null, reservationId: request.reservationId ?? null, samples, problems,
    },
  });
  return { transactionId, idTagInfo: idTagInfoOf(decision) };
};
