import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handlers = Ocpp2xHandlers<OcppContext>;
/** The parts of 2.0.1 and 2.1 charging needs the allocator uses (ISO 15118). */
type Needs = {
  departureTime?: string;
  acChargingParameters?: { energyAmount?: number; evMinCurrent?: number; evMaxCurrent?: number };
  dcChargingParameters?: { energyAmount?: number; evMaxCurrent?: number };
};

/**
 * K15 / TC_K_57 (2.x): the EV's departure time, energy needed and current range feed the
 * strategy; the site is re-allocated and the new limit reaches the station as a TxProfile.
 */
export const notifyEvChargingNeeds2x: NonNullable<Handlers['NotifyEVChargingNeeds']> = async (ctx, request) => {
  const needs = request.chargingNeeds as Needs;
  const ac = needs.acChargingParameters;
  const energyWh = ac?.energyAmount ?? needs.dcChargingParameters?.energyAmount;
  ctx.services.smartCharging.recordEvNeeds(ctx.station.tenantId, ctx.station.stationId, request.evseId, {
    ...(needs.departureTime ? { departureAt: needs.departureTime } : {}),
    ...(energyWh !== undefined ? { energyNeededKwh: energyWh / 1000 } : {}),
    ...(ac?.evMaxCurrent !== undefined ? { maxCurrentA: ac.evMaxCurrent } : {}),
    ...(ac?.evMinCurrent !== undefined ? { minCurrentA: ac.evMinCurrent } : {}),
  });
  return { status: 'Accepted' };
};

/** K16 / TC_K_58 (2.x): the schedule the EV chose within its limits; recorded, nothing to decide. */
export const notifyEvChargingSchedule2x: NonNullable<Handlers['NotifyEVChargingSchedule']> = async (ctx, request) => {
  ctx.services.smartCharging.recordStationReport(ctx.station.tenantId, ctx.station.stationId, 'ev-charging-schedule', { evseId: request.evseId, timeBase: request.timeBase });
  return { status: 'Accepted' };
};
