import type { Ocpp2xHandlers } from '../../../protocol/handler-types.js';
import type { OcppContext } from '../../../gateway/ocpp-context.js';
import { combinedTokenStatus, type ContractCheck } from '../../plug-and-charge/domain/contract-status.js';
import type { OcppVersion } from '../../../protocol/versions.js';
import { idTokenInfoOf } from './id-token-info.js';

type Handler = NonNullable<Ocpp2xHandlers<OcppContext>['Authorize']>;

/**
 * C01 Authorize (2.0.1 and 2.1): the token is matched by value and type (TC_C_02 Unknown, TC_C_06
 * Blocked, TC_C_07 Expired, TC_C_39 GroupId). With a contract certificate (central validation,
 * TC_C_52) or its OCSP data (the station validated the chain, TC_C_50/51) Plug & Charge checks the
 * certificate while the token is decided as any other (eMAID tokens live in the token store):
 * `certificateStatus` is answered, and a certificate that is not Accepted makes an accepted token
 * Invalid (C07).
 */
export const authorize2x: Handler = (ctx, request) => authorizeWithContract(ctx, request, ctx.station.version);

/**
 * The 2.x Authorize answer, also for OCPP 1.6 Plug & Charge through DataTransfer (which carries
 * 2.0.1 payloads: `version` is then ocpp2.0.1).
 */
export async function authorizeWithContract(ctx: OcppContext, request: Parameters<Handler>[1], version: OcppVersion): ReturnType<Handler> {
  const hasContract = Boolean(request.certificate) || (request.iso15118CertificateHashData?.length ?? 0) > 0;
  const contract: Promise<ContractCheck | undefined> = hasContract
    ? (ctx.services.plugAndCharge?.checkContract({
      idToken: request.idToken.idToken, certificate: request.certificate, hashData: request.iso15118CertificateHashData,
    }) ?? Promise.resolve({ status: 'NoCertificateAvailable', reason: 'Plug & Charge not configured' } as const))
    : Promise.resolve(undefined);
  const [decision, certificate] = await Promise.all([
    ctx.services.authorization.authorize({
      tenantId: ctx.station.tenantId,
      stationId: ctx.station.stationId,
      token: { idToken: request.idToken.idToken, type: request.idToken.type },
      purpose: 'authorize',
      at: new Date(),
    }),
    contract,
  ]);
  ctx.log.debug({ status: decision.status, reason: decision.reason, certificate }, 'Authorize');
  const idTokenInfo = idTokenInfoOf(decision, version);
  if (!certificate) return { idTokenInfo };
  return { idTokenInfo: { ...idTokenInfo, status: combinedTokenStatus(decision.status, certificate.status) }, certificateStatus: certificate.status };
}
