import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { chargingStateForOccupancy } from '../domain/status-mapping.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['StatusNotification']>;

/** G01 (2.x): connector status per EVSE; the charging state comes from TransactionEvent. */
export const statusNotification2x: Handler = async (ctx, request) => {
  await ctx.services.stations.reportStatus({
    tenantId: ctx.station.tenantId,
    stationId: ctx.station.stationId,
    evseId: request.evseId,
    connectorId: request.connectorId,
    occupancy: request.connectorStatus,
    chargingState: chargingStateForOccupancy(request.connectorStatus),
    rawStatus: request.connectorStatus,
    errorCode: null,
    vendorErrorCode: null,
    info: null,
    reportedAt: new Date(request.timestamp),
    receivedAt: new Date(),
  });
  return {};
};
