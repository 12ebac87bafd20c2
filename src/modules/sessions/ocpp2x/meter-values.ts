import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { dedupeKeys } from '../domain/dedupe-keys.js';
import { fromSampledValue2x } from '../domain/sampled-value.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['MeterValues']>;

/**
 * J01/J02 MeterValues (2.0.1 and 2.1): values outside transactions (TC_J_01 clock-aligned without
 * a transaction; evseId 0 is the main meter). Transaction values come in TransactionEvent.
 */
export const meterValues2x: Handler = async (ctx, request) => {
  await ctx.services.sessions.recordStationMeterValues(ctx.station, {
    evseId: request.evseId,
    meterValue: request.meterValue.map((mv) => ({ timestamp: mv.timestamp, sampledValue: mv.sampledValue.map(fromSampledValue2x) })),
    rowKind: 'MeterValues',
    dedupeKey: dedupeKeys.meterValues2x(request.evseId, request.meterValue),
    payload: request,
  });
  return {};
};
