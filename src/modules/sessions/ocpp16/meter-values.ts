import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { dedupeKeys } from '../domain/dedupe-keys.js';
import { parseMeterValues } from '../domain/sampled-value.js';
import { evseOf16, latestTimestamp } from './readings.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['MeterValues']>;

/**
 * 1.6 MeterValues: with a transactionId the samples join that session (an unknown id creates an
 * orphan session with an anomaly); without one they are the station's (connector 0: main meter).
 */
export const meterValues16: Handler = async (ctx, request) => {
  const transactionId = request.transactionId ?? null;
  const dedupeKey = dedupeKeys.meterValues16(request.connectorId, transactionId, request.meterValue);
  if (transactionId === null) {
    await ctx.services.sessions.recordStationMeterValues(ctx.station, {
      evseId: request.connectorId, meterValue: request.meterValue, rowKind: 'MeterValues', dedupeKey, payload: request,
    });
    return {};
  }
  const receivedAt = new Date();
  const { samples, problems } = parseMeterValues(request.meterValue);
  await ctx.services.sessions.recordTransaction(ctx.station, {
    rowKind: 'MeterValues', dedupeKey, payload: request,
    event: {
      kind: 'Updated', ocppVersion: 'ocpp1.6', externalId: String(transactionId), seqNo: null, at: latestTimestamp(request.meterValue, receivedAt),
      receivedAt, offline: false, triggerReason: null, evse: evseOf16(request.connectorId), token: null, chargingState: null, stoppedReason: null,
      remoteStartId: null, reservationId: null, samples, problems,
    },
  });
  return {};
};
