// Plug & Charge for OCPP 1.6 stations (OCA "ISO 15118 support for OCPP 1.6"): the 2.0.1 messages
// travel in DataTransfer with vendorId org.openchargealliance.iso15118pnc, messageId the 2.0.1
// action and `data` the JSON text of its 2.0.1 payload; the answer's `data` is the 2.0.1 response.
// Station-to-CSMS messages served here: Authorize, Get15118EVCertificate, GetCertificateStatus.
import type { Ocpp16Handlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { getMessageValidator } from '../../../protocol/validation.js';
import type {
  AuthorizeRequest, Get15118EVCertificateRequest, GetCertificateStatusRequest,
} from '../../../protocol/ocpp201/generated/types.js';
import { authorizeWithContract } from '../../authorization/ocpp2x/authorize.js';

export const PNC_VENDOR_ID = 'org.openchargealliance.iso15118pnc';
const NOT_CONFIGURED = { reasonCode: 'NotConfigured', additionalInfo: 'Plug & Charge is not configured on this CSMS' };

type DataTransfer = NonNullable<Ocpp16Handlers<OcppContext>['DataTransfer']>;
type Answer = Awaited<ReturnType<DataTransfer>>;

/** The answer to a Plug & Charge DataTransfer, or undefined when the vendor is not the OCA's P&C one. */
export async function plugAndChargeDataTransfer16(ctx: OcppContext, request: Parameters<DataTransfer>[1]): Promise<Answer | undefined> {
  if (request.vendorId !== PNC_VENDOR_ID) return undefined;
  const action = request.messageId ?? '';
  if (!['Authorize', 'Get15118EVCertificate', 'GetCertificateStatus'].includes(action)) return { status: 'UnknownMessageId' };
  let payload: unknown;
  try {
    payload = JSON.parse(request.data ?? '');
  } catch {
    return { status: 'Rejected', data: JSON.stringify({ reason: 'data is not JSON' }) };
  }
  const valid = getMessageValidator('ocpp2.0.1').validateRequest(action, payload);
  if (!valid.ok) return { status: 'Rejected', data: JSON.stringify({ reason: `not a valid 2.0.1 ${action}: ${valid.code}` }) };
  const service = ctx.services.plugAndCharge;
  const answer = async (): Promise<unknown> => {
    if (action === 'Authorize') return authorizeWithContract(ctx, payload as AuthorizeRequest, 'ocpp2.0.1');
    if (action === 'Get15118EVCertificate') {
      if (!service) return { status: 'Failed', exiResponse: '', statusInfo: NOT_CONFIGURED };
      return service.get15118EVCertificate(ctx.station.tenantId, ctx.station.stationId, payload as Get15118EVCertificateRequest);
    }
    if (!service) return { status: 'Failed', statusInfo: NOT_CONFIGURED };
    return service.getCertificateStatus((payload as GetCertificateStatusRequest).ocspRequestData);
  };
  return { status: 'Accepted', data: JSON.stringify(await answer()) };
}
