import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

type Handlers = Ocpp2xHandlers<OcppContext>;

/**
 * K09 / TC_K_09 (2.x): the profiles a station holds, after GetChargingProfiles: published, and
 * reconciled with what ChargeOps sent (dispatch/reconcile.ts) once the last part arrived.
 */
export const reportChargingProfiles2x: NonNullable<Handlers['ReportChargingProfiles']> = async (ctx, request) => {
  const { tenantId, stationId } = ctx.station;
  const profiles = request.chargingProfile.map((p) => {
    const schedule = p.chargingSchedule[0];
    return { id: p.id, purpose: p.chargingProfilePurpose, stackLevel: p.stackLevel, limit: schedule?.chargingSchedulePeriod[0]?.limit ?? null, unit: schedule?.chargingRateUnit ?? 'A' };
  });
  ctx.services.smartCharging.recordStationReport(tenantId, stationId, 'charging-profiles', {
    requestId: request.requestId, evseId: request.evseId, source: request.chargingLimitSource, tbc: request.tbc ?? false,
    profiles: profiles.map(({ id, purpose, stackLevel }) => ({ id, purpose, stackLevel })),
  });
  ctx.services.smartCharging.recordReportedProfiles(tenantId, stationId, request.requestId, request.evseId, profiles, request.tbc ?? false);
  return {};
};
