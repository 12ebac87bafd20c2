// Plug & Charge (ISO 15118) for the CSMS: contract certificate checks for Authorize (C07),
// EV certificate installation / update through the contract certificate provider (M01/M02,
// Get15118EVCertificate) and OCSP passthrough for the station (M06, GetCertificateStatus).
import type { Logger } from 'pino';
import type { Certificate } from '@peculiar/asn1-x509';
import type { ContractCertificateProvider } from './contract-certificate-provider.js';
import { sameEmaid, statusOfRevocation, type ContractCheck, type RevocationAnswer } from './domain/contract-status.js';
import type { CrlClient } from './pki/crl-client.js';
import { crlUrlsOf } from './pki/crl.js';
import type { OcspAnswer, OcspClient } from './pki/ocsp-client.js';
import { ocspRequestDataOf, type OcspRequestData } from './pki/ocsp-request-data.js';
import { certificatesOfPem, commonNameOf, type TrustStore } from './pki/trust-store.js';

export type ContractAuthorization = {
  idToken: string;
  /** PEM chain from the EV, leaf first (central contract validation, TC_C_52). */
  certificate?: string | undefined;
  /** OCSP data of the chain the station validated itself (local contract validation, TC_C_50/51). */
  hashData?: ReadonlyArray<OcspRequestData & { hashAlgorithm: string }> | undefined;
};

export type StatusInfo = { reasonCode: string; additionalInfo?: string };

function revocation(answer: OcspAnswer): RevocationAnswer {
  if (answer.kind === 'failed') return { kind: 'failed', reason: answer.reason };
  if (answer.kind === 'revoked') return { kind: 'revoked', ...(answer.revocationReason === undefined ? {} : { revocationReason: answer.revocationReason }) };
  return { kind: answer.kind };
}

/** statusInfo.additionalInfo is at most 512 characters in 2.x. */
function info(reasonCode: string, additionalInfo: string): StatusInfo {
  return { reasonCode, additionalInfo: additionalInfo.slice(0, 512) };
}

export class PlugAndChargeService {
  constructor(
    private readonly trust: TrustStore,
    private readonly ocsp: OcspClient,
    private readonly provider: ContractCertificateProvider | undefined,
    private readonly log: Logger,
    /** For certificates that name CRL distribution points and no OCSP responder. */
    private readonly crl?: CrlClient,
  ) {}

  /** The certificateStatus of an Authorize that carries a contract certificate or its OCSP data. */
  async checkContract(request: ContractAuthorization, now = new Date()): Promise<ContractCheck> {
    if (!this.trust.configured) return { status: 'CertChainError', reason: 'no V2G / MO root certificates configured (plugAndCharge.trustedRoots)' };
    const check = request.certificate
      ? await this.checkChain(request.idToken, request.certificate, now)
      : await this.checkHashData(request.hashData ?? [], now);
    this.log.info({ idToken: request.idToken, status: check.status, reason: check.reason, central: Boolean(request.certificate) }, 'contract certificate checked');
    return check;
  }

  /**
   * Central validation: chain to a configured root, validity, eMAID = subject CN, and the
   * revocation status of every certificate below the root: by OCSP when it names a responder,
   * else by its issuer's CRL when it names distribution points (ADR 076), else not checked.
   */
  private async checkChain(idToken: string, pem: string, now: Date): Promise<ContractCheck> {
    let certificates: Certificate[];
    try {
      certificates = certificatesOfPem(pem);
    } catch {
      return { status: 'CertChainError', reason: 'certificate is not a decodable PEM chain' };
    }
    const leaf = certificates[0];
    if (!leaf) return { status: 'NoCertificateAvailable', reason: 'no certificate in the PEM text' };
    const chain = this.trust.chainOf(leaf, certificates.slice(1), now);
    if (!chain.ok) return { status: chain.status, reason: chain.reason };
    const emaid = commonNameOf(leaf);
    if (!emaid || !sameEmaid(emaid, idToken)) return { status: 'CertChainError', reason: `contract certificate is for ${emaid ?? 'no eMAID'}, not ${idToken}` };
    const answers = await Promise.all(chain.chain.slice(0, -1).map(async (certificate, index) => {
      const subject = commonNameOf(certificate) ?? `certificate ${index}`;
      const answer = await this.revocationOf(certificate, chain.chain[index + 1]!, chain.chain, now);
      return answer ? [{ subject, answer }] : [];
    }));
    return statusOfRevocation(answers.flat());
  }

  /** OCSP first (fresher), CRL when the certificate names no responder; undefined when it names neither. */
  private async revocationOf(certificate: Certificate, issuer: Certificate, chain: Certificate[], now: Date): Promise<RevocationAnswer | undefined> {
    const data = ocspRequestDataOf(certificate, issuer);
    if (data) return revocation(await this.ocsp.check(data, chain, now));
    let crlUrls: string[];
    try {
      crlUrls = crlUrlsOf(certificate);
    } catch {
      return { kind: 'failed', reason: 'CRL distribution points extension not decodable' }; // fail closed, not "no CRL named"
    }
    if (crlUrls.length === 0) return undefined;
    if (!this.crl) return { kind: 'failed', reason: 'CRL checking not configured' };
    return this.crl.check(certificate, issuer, now);
  }

  /** Local validation by the station: only the revocation status is left to check, by OCSP. */
  private async checkHashData(hashData: NonNullable<ContractAuthorization['hashData']>, now: Date): Promise<ContractCheck> {
    if (hashData.length === 0) return { status: 'NoCertificateAvailable', reason: 'neither certificate nor OCSP data given' };
    const answers = await Promise.all(hashData.map(async (data, index) => {
      const subject = `certificate ${index} (serial ${data.serialNumber})`;
      if (!['SHA256', 'SHA384', 'SHA512'].includes(data.hashAlgorithm)) return { subject, answer: { kind: 'failed', reason: `hash algorithm ${data.hashAlgorithm}` } as const };
      return { subject, answer: revocation(await this.ocsp.check(data as OcspRequestData, [], now)) };
    }));
    return statusOfRevocation(answers);
  }

  /** Get15118EVCertificate: the EXI goes to the provider and its EXI answer back, both untouched. */
  async get15118EVCertificate(tenantId: string, stationId: string, request: { iso15118SchemaVersion: string; action: 'Install' | 'Update'; exiRequest: string }): Promise<{ status: 'Accepted' | 'Failed'; exiResponse: string; statusInfo?: StatusInfo }> {
    if (!this.provider) return { status: 'Failed', exiResponse: '', statusInfo: info('NoProvider', 'no contract certificate provider configured (plugAndCharge.contractCertificateProviderUrl)') };
    const answer = await this.provider.request({ tenantId, stationId, ...request });
    this.log.info({ stationId, action: request.action, status: answer.status, ...(answer.status === 'Failed' ? { reason: answer.reason } : {}) }, 'Get15118EVCertificate');
    if (answer.status === 'Accepted') return { status: 'Accepted', exiResponse: answer.exiResponse };
    return { status: 'Failed', exiResponse: answer.exiResponse ?? '', statusInfo: info('ProviderFailed', answer.reason) };
  }

  /** GetCertificateStatus: the verified OCSP response, DER in base64, whatever the certificate's status. */
  async getCertificateStatus(data: OcspRequestData): Promise<{ status: 'Accepted' | 'Failed'; ocspResult?: string; statusInfo?: StatusInfo }> {
    const answer = await this.ocsp.check(data);
    if (answer.kind === 'failed') return { status: 'Failed', statusInfo: info('OcspFailed', answer.reason) };
    return { status: 'Accepted', ocspResult: answer.der.toString('base64') };
  }
}
