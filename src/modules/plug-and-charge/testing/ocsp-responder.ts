// A real OCSP responder over HTTP (RFC 6960 appendix A, POST) for tests and demos: it answers
// for the certificates it was told about (good, or revoked with a reason) and `unknown` for the
// rest, signed by a delegated responder certificate that it includes in the response.
import { createServer, type Server } from 'node:http';
import { createHash, KeyObject, sign } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, CRLReason, type Certificate } from '@peculiar/asn1-x509';
import {
  BasicOCSPResponse, CertStatus, id_pkix_ocsp_basic, OCSPRequest, OCSPResponse, OCSPResponseStatus, ResponderID, ResponseBytes,
  ResponseData, RevokedInfo, SingleResponse,
} from '@peculiar/asn1-ocsp';
import { hashAlgorithmOfOid, normalizeSerial } from '../pki/ocsp-request-data.js';
import type { IssuedCertificate } from './test-pki.js';

const ECDSA_WITH_SHA256 = '1.2.840.10045.4.3.2';

export class TestOcspResponder {
  private server: Server | undefined;
  private readonly statuses = new Map<string, { revoked: false } | { revoked: true; reason: number }>();
  /** Requests received (serial numbers asked about), to prove the CSMS really asked. */
  readonly asked: string[] = [];
  /** When set, every request is answered with this HTTP status instead (an unavailable responder). */
  failWithHttpStatus: number | undefined;
  /** The responder's clock (thisUpdate, producedAt): tests of cache expiry move it forward. */
  clock: () => Date = () => new Date();
  /** nextUpdate = thisUpdate + this; null: responses without nextUpdate. */
  nextUpdateMs: number | null = 3_600_000;

  private signer: IssuedCertificate | undefined;
  private extraCertificates: Certificate[] = [];

  private readonly signersByIssuer: Array<{ issuer: IssuedCertificate; signer: IssuedCertificate }> = [];

  /** Start first (certificates name the responder's URL), then say who signs. */
  signWith(signer: IssuedCertificate, extraCertificates: Certificate[] = []): this {
    this.signer = signer;
    this.extraCertificates = extraCertificates;
    return this;
  }

  /** Requests about certificates `issuer` issued are signed by `signer` (e.g. the root's responder for sub-CAs). */
  signFor(issuer: IssuedCertificate, signer: IssuedCertificate): this {
    this.signersByIssuer.push({ issuer, signer });
    return this;
  }

  private signerFor(issuerKeyHash: Buffer, hashOid: string): IssuedCertificate | undefined {
    const hash = hashOfOid(hashOid);
    const match = this.signersByIssuer.find(({ issuer }) => hash !== undefined
      && createHash(hash).update(Buffer.from(issuer.asn.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey)).digest().equals(issuerKeyHash));
    return match?.signer ?? this.signer;
  }

  get url(): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('responder not started');
    return `http://127.0.0.1:${address.port}/ocsp`;
  }

  good(certificate: Certificate): void {
    this.statuses.set(serialOf(certificate), { revoked: false });
  }

  /** CRLReason: 1 keyCompromise, 5 cessationOfOperation (a cancelled contract), ... */
  revoke(certificate: Certificate, reason = 1): void {
    this.statuses.set(serialOf(certificate), { revoked: true, reason });
  }

  async start(port = 0): Promise<void> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (this.failWithHttpStatus) {
          response.writeHead(this.failWithHttpStatus).end();
          return;
        }
        try {
          const body = this.answer(Buffer.concat(chunks));
          response.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(body);
        } catch {
          const malformed = new OCSPResponse({ responseStatus: OCSPResponseStatus.malformedRequest });
          response.writeHead(200, { 'content-type': 'application/ocsp-response' }).end(Buffer.from(AsnConvert.serialize(malformed)));
        }
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(der: Buffer): Buffer {
    const request = AsnConvert.parse(der, OCSPRequest);
    const first = request.tbsRequest.requestList[0]?.reqCert;
    const signer = first ? this.signerFor(Buffer.from(first.issuerKeyHash.buffer), first.hashAlgorithm.algorithm) : this.signer;
    if (!signer) throw new Error('no signer');
    const now = this.clock();
    const responses = request.tbsRequest.requestList.map(({ reqCert }) => {
      const serial = normalizeSerial(Buffer.from(reqCert.serialNumber).toString('hex'));
      this.asked.push(serial);
      const known = this.statuses.get(serial);
      const certStatus = !known
        ? new CertStatus({ unknown: null })
        : known.revoked
          ? new CertStatus({ revoked: new RevokedInfo({ revocationTime: new Date(now.getTime() - 60_000), revocationReason: new CRLReason(known.reason) }) })
          : new CertStatus({ good: null });
      return new SingleResponse({ certID: reqCert, certStatus, thisUpdate: now, ...(this.nextUpdateMs === null ? {} : { nextUpdate: new Date(now.getTime() + this.nextUpdateMs) }) });
    });
    const tbsResponseData = new ResponseData({ responderID: new ResponderID({ byName: signer.asn.tbsCertificate.subject }), producedAt: now, responses });
    const signature = sign('sha256', Buffer.from(AsnConvert.serialize(tbsResponseData)), KeyObject.from(signer.keys.privateKey));
    const basic = new BasicOCSPResponse({
      tbsResponseData, signatureAlgorithm: new AlgorithmIdentifier({ algorithm: ECDSA_WITH_SHA256 }),
      signature: new Uint8Array(signature).buffer, certs: [signer.asn, ...this.extraCertificates],
    });
    const response = new OCSPResponse({
      responseStatus: OCSPResponseStatus.successful,
      responseBytes: new ResponseBytes({ responseType: id_pkix_ocsp_basic, response: new OctetString(AsnConvert.serialize(basic)) }),
    });
    return Buffer.from(AsnConvert.serialize(response));
  }
}

function hashOfOid(oid: string): string | undefined {
  return hashAlgorithmOfOid(oid)?.toLowerCase();
}

function serialOf(certificate: Certificate): string {
  return normalizeSerial(Buffer.from(certificate.tbsCertificate.serialNumber).toString('hex'));
}
