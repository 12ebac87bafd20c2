import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { ocpp16ConnectorAddress, splitOcpp16Status } from '../domain/status-mapping.js';

type Handler = NonNullable<Ocpp16Handlers<OcppContext>['StatusNotification']>;

/** 1.6 StatusNotification: the status is split into occupancy and charging state (G01/G03). */
export const statusNotification16: Handler = async (ctx, request) => {
  const receivedAt = new Date();
  await ctx.services.stations.reportStatus({
    tenantId: ctx.station.tenantId,
    stationId: ctx.station.stationId,
    ...ocpp16ConnectorAddress(request.connectorId),
    ...splitOcpp16Status(request.status),
    rawStatus: request.status,
    errorCode: request.errorCode === 'NoError' ? null : request.errorCode,
    vendorErrorCode: request.vendorErrorCode ?? null,
    info: joinInfo(request.info, request.vendorId),
    reportedAt: request.timestamp ? new Date(request.timestamp) : receivedAt,
    receivedAt,
  });
  return {};
};

function joinInfo(info: string | undefined, vendorId: string | undefined): string | null {
  if (!info && !vendorId) return null;
  return vendorId ? `${vendorId}: ${info ?? ''}`.trim() : (info ?? null);
}
