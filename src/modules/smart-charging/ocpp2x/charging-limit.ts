import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handlers = Ocpp2xHandlers<OcppContext>;
type Schedule = { chargingRateUnit: string; chargingSchedulePeriod: Array<{ limit?: number; numberPhases?: number }> };

/**
 * K12 / TC_K_29 (2.x): a limit set on the station by another party (an EMS, the grid operator's
 * device). With an EVSE and a schedule in A, it caps that EVSE's allocation until cleared.
 */
export const notifyChargingLimit2x: NonNullable<Handlers['NotifyChargingLimit']> = async (ctx, request) => {
  const schedule = request.chargingSchedule?.[0] as Schedule | undefined;
  const first = schedule?.chargingSchedulePeriod[0]?.limit;
  const limitA = first === undefined ? undefined : schedule!.chargingRateUnit === 'A' ? first : first / (230 * (schedule!.chargingSchedulePeriod[0]!.numberPhases ?? 3));
  ctx.services.smartCharging.recordStationLimit(ctx.station.tenantId, ctx.station.stationId, request.evseId ?? 0, request.chargingLimit.chargingLimitSource, limitA);
  return {};
};

/** K13 / TC_K_33 (2.x): that external limit is gone. */
export const clearedChargingLimit2x: NonNullable<Handlers['ClearedChargingLimit']> = async (ctx, request) => {
  ctx.services.smartCharging.recordStationLimit(ctx.station.tenantId, ctx.station.stationId, request.evseId ?? 0, request.chargingLimitSource, undefined);
  return {};
};
