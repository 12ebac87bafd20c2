import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handlers = Ocpp2xHandlers<OcppContext>;

/** K09 / TC_K_09 (2.x): the profiles a station holds, after GetChargingProfiles; kept for reconciliation. */
export const reportChargingProfiles2x: NonNullable<Handlers['ReportChargingProfiles']> = async (ctx, request) => {
  ctx.services.smartCharging.recordStationReport(ctx.station.tenantId, ctx.station.stationId, 'charging-profiles', {
    requestId: request.requestId, evseId: request.evseId, source: request.chargingLimitSource, tbc: request.tbc ?? false,
    profiles: request.chargingProfile.map((p) => ({ id: p.id, purpose: p.chargingProfilePurpose, stackLevel: p.stackLevel })),
  });
  return {};
};
