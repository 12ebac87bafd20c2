// A real OCSP client (RFC 6960 over HTTP, RFC 6960 appendix A): builds the request from OCPP's
// OCSPRequestData, POSTs it to the responder URL, and accepts a response only when it is signed
// by the certificate's issuer or by a responder the issuer delegated to (id-kp-OCSPSigning), and
// that signer chains to a trusted root (RFC 6960 3.2, 4.2.2.2). Verified good and revoked answers
// are kept per certificate (CertID: issuer hashes + serial) until their nextUpdate (ADR 076).
import { createHash } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate, ExtendedKeyUsage, id_ce_extKeyUsage } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse, id_kp_OCSPSigning, id_pkix_ocsp_basic, OCSPRequest, OCSPResponse, OCSPResponseStatus, Request, TBSRequest,
} from '@peculiar/asn1-ocsp';
import { ExpiringCache } from './expiring-cache.js';
import { certIdOf, normalizeSerial, sameCertId, type OcspRequestData } from './ocsp-request-data.js';
import { issuerKeyHashMatches, verifySignature } from './signatures.js';
import type { TrustStore } from './trust-store.js';

export type OcspAnswer =
  | { kind: 'good' | 'revoked' | 'unknown'; revocationReason?: number; thisUpdate: Date; nextUpdate?: Date; der: Buffer }
  | { kind: 'failed'; reason: string; der?: Buffer };

export type OcspClientOptions = {
  timeoutMs: number;
  /** A response without nextUpdate is accepted this long after its thisUpdate. */
  maxAgeWithoutNextUpdateMs?: number;
  /** Clock skew tolerated on thisUpdate. */
  skewMs?: number;
  /** Answers cached at most (LRU); 0 or absent: every check asks the responder. */
  cacheEntries?: number;
  /** A cached answer without nextUpdate is asked again this long after its thisUpdate (1 h by default). */
  cacheMaxAgeWithoutNextUpdateMs?: number;
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One certificate as OCSP names it: the same for every responder URL and every chain it came with. */
function cacheKeyOf(data: Omit<OcspRequestData, 'responderURL'>): string {
  return [data.hashAlgorithm, data.issuerNameHash.toLowerCase(), data.issuerKeyHash.toLowerCase(), normalizeSerial(data.serialNumber)].join(':');
}

export function encodeOcspRequest(data: Omit<OcspRequestData, 'responderURL'>): Buffer {
  const request = new OCSPRequest({ tbsRequest: new TBSRequest({ requestList: [new Request({ reqCert: certIdOf(data) })] }) });
  return Buffer.from(AsnConvert.serialize(request));
}

export class OcspClient {
  private readonly cache: ExpiringCache<OcspAnswer> | undefined;

  constructor(private readonly trust: TrustStore, private readonly options: OcspClientOptions) {
    this.cache = options.cacheEntries ? new ExpiringCache({ maxEntries: options.cacheEntries }) : undefined;
  }

  /**
   * The status of one certificate: a cached answer that is still fresh, else the responder named
   * in `data`. `known` are other certificates of the chain (possible signers).
   */
  check(data: OcspRequestData, known: Certificate[] = [], now = new Date()): Promise<OcspAnswer> {
    if (!this.cache) return this.ask(data, known, now);
    return this.cache.getOrLoad(cacheKeyOf(data), now, () => this.ask(data, known, now), (answer) => this.cachedUntil(answer));
  }

  /**
   * Good and revoked answers are kept until nextUpdate, or without one for the configured cache
   * age (never beyond what `interpret` would accept as fresh). `unknown` is not kept: a contract
   * issued a moment ago is soon known. Failures are not kept: the next Authorize asks again.
   */
  private cachedUntil(answer: OcspAnswer): Date | undefined {
    if (answer.kind !== 'good' && answer.kind !== 'revoked') return undefined;
    if (answer.nextUpdate) return answer.nextUpdate;
    const maxAge = Math.min(this.options.cacheMaxAgeWithoutNextUpdateMs ?? HOUR_MS, this.options.maxAgeWithoutNextUpdateMs ?? DAY_MS);
    return new Date(answer.thisUpdate.getTime() + maxAge);
  }

  /** Asks the responder named in `data` about one certificate. */
  private async ask(data: OcspRequestData, known: Certificate[], now: Date): Promise<OcspAnswer> {
    let url: URL;
    try {
      url = new URL(data.responderURL);
    } catch {
      return { kind: 'failed', reason: `responder URL not valid: ${data.responderURL}` };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'failed', reason: `responder URL not http(s): ${data.responderURL}` };
    let der: Buffer;
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/ocsp-request', accept: 'application/ocsp-response' },
        // A copy in a plain ArrayBuffer: fetch's BodyInit does not take a Buffer over a shared pool.
        body: new Uint8Array(encodeOcspRequest(data)),
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!response.ok) return { kind: 'failed', reason: `responder answered HTTP ${response.status}` };
      der = Buffer.from(await response.arrayBuffer());
    } catch (error) {
      return { kind: 'failed', reason: `responder unreachable: ${(error as Error).message}` };
    }
    return this.interpret(der, data, known, now);
  }

  /** Decodes and verifies a DER OCSPResponse for the certificate `data` names. */
  async interpret(der: Buffer, data: Omit<OcspRequestData, 'responderURL'>, known: Certificate[], now: Date): Promise<OcspAnswer> {
    let basic: BasicOCSPResponse;
    try {
      const response = AsnConvert.parse(der, OCSPResponse);
      if (response.responseStatus !== OCSPResponseStatus.successful) {
        return { kind: 'failed', reason: `responder status ${OCSPResponseStatus[response.responseStatus] ?? response.responseStatus}`, der };
      }
      if (!response.responseBytes || response.responseBytes.responseType !== id_pkix_ocsp_basic) return { kind: 'failed', reason: 'not a basic OCSP response', der };
      basic = AsnConvert.parse(response.responseBytes.response.buffer, BasicOCSPResponse);
    } catch (error) {
      return { kind: 'failed', reason: `response not decodable: ${(error as Error).message}`, der };
    }
    const wanted = certIdOf(data);
    const single = basic.tbsResponseData.responses.find((item) => sameCertId(item.certID, wanted));
    if (!single) return { kind: 'failed', reason: 'response does not name the certificate asked about', der };
    const signer = await this.authorizedSigner(basic, data, known, now);
    if (typeof signer === 'string') return { kind: 'failed', reason: signer, der };
    if (single.thisUpdate.getTime() > now.getTime() + (this.options.skewMs ?? 300_000)) return { kind: 'failed', reason: 'response thisUpdate in the future', der };
    const staleAt = single.nextUpdate ?? new Date(single.thisUpdate.getTime() + (this.options.maxAgeWithoutNextUpdateMs ?? DAY_MS));
    if (staleAt.getTime() < now.getTime()) return { kind: 'failed', reason: 'response is stale (nextUpdate passed)', der };
    const times = { thisUpdate: single.thisUpdate, ...(single.nextUpdate ? { nextUpdate: single.nextUpdate } : {}), der };
    if (single.certStatus.revoked) {
      const reason = single.certStatus.revoked.revocationReason?.reason;
      return { kind: 'revoked', ...(reason === undefined ? {} : { revocationReason: reason }), ...times };
    }
    if (single.certStatus.good !== undefined) return { kind: 'good', ...times };
    return { kind: 'unknown', ...times };
  }

  /** The certificate that signed the response if it may answer for this issuer; else why not. */
  private async authorizedSigner(basic: BasicOCSPResponse, data: Omit<OcspRequestData, 'responderURL'>, known: Certificate[], now: Date): Promise<Certificate | string> {
    const pool = [...(basic.certs ?? []), ...known, ...this.trust.roots];
    const tbs = basic.tbsResponseDataRaw ?? AsnConvert.serialize(basic.tbsResponseData);
    const responder = basic.tbsResponseData.responderID;
    const candidates = pool.filter((certificate) => {
      if (responder.byName) return Buffer.from(AsnConvert.serialize(certificate.tbsCertificate.subject)).equals(Buffer.from(AsnConvert.serialize(responder.byName)));
      if (responder.byKey) {
        const keyHash = createHash('sha1').update(Buffer.from(certificate.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey)).digest();
        return keyHash.equals(Buffer.from(responder.byKey.buffer));
      }
      return false;
    });
    const signer = candidates.find((certificate) => verifySignature(certificate, basic.signatureAlgorithm.algorithm, tbs, basic.signature));
    if (!signer) return 'response signature not verifiable with the responder certificate';
    const validity = signer.tbsCertificate.validity;
    if (validity.notBefore.getTime().getTime() > now.getTime() || validity.notAfter.getTime().getTime() < now.getTime()) return 'responder certificate outside its validity';
    const built = this.trust.chainOf(signer, pool, now);
    if (!built.ok) return `responder certificate: ${built.reason}`;
    const chain = built.chain;
    if (issuerKeyHashMatches(signer, data)) return signer; // signed by the issuing CA itself
    const issuer = chain[1];
    if (issuer && hasOcspSigning(signer) && issuerKeyHashMatches(issuer, data)) return signer; // a delegated responder
    return 'responder not authorized by the certificate issuer';
  }
}

function hasOcspSigning(certificate: Certificate): boolean {
  const extension = certificate.tbsCertificate.extensions?.find((item) => item.extnID === id_ce_extKeyUsage);
  if (!extension) return false;
  return AsnConvert.parse(extension.extnValue.buffer, ExtendedKeyUsage).includes(id_kp_OCSPSigning);
}
