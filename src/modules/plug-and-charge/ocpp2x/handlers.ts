// ISO 15118 messages of OCPP 2.0.1 / 2.1 the station sends (block M): Get15118EVCertificate (M01
// install, M02 update) and GetCertificateStatus (M06). Authorize with contract data is in
// authorization/ocpp2x/authorize.ts (C07), which asks this module's service.
import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';

const NOT_CONFIGURED = { reasonCode: 'NotConfigured', additionalInfo: 'Plug & Charge is not configured on this CSMS' };

export const plugAndChargeHandlers2x: Ocpp2xHandlers<OcppContext> = {
  Get15118EVCertificate: async (ctx, request) => {
    const service = ctx.services.plugAndCharge;
    if (!service) return { status: 'Failed', exiResponse: '', statusInfo: NOT_CONFIGURED };
    return service.get15118EVCertificate(ctx.station.tenantId, ctx.station.stationId, request);
  },
  GetCertificateStatus: async (ctx, request) => {
    const service = ctx.services.plugAndCharge;
    if (!service) return { status: 'Failed', statusInfo: NOT_CONFIGURED };
    const data = request.ocspRequestData;
    return service.getCertificateStatus(data);
  },
};
