// A real CRL distribution point over HTTP for tests: each path serves a DER CRL (RFC 5280) made
// on request by @peculiar/x509, signed with the key of the CA the path was published for, listing
// the certificates revoked so far. Counts downloads, so a test can tell a cached CRL from a fetch.
import 'reflect-metadata'; // @peculiar/x509 (tsyringe) needs the Reflect metadata API
import type { webcrypto } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as x509 from '@peculiar/x509';
import { normalizeSerial } from '../pki/ocsp-request-data.js';
import type { IssuedCertificate } from './test-pki.js';

type CryptoKey = webcrypto.CryptoKey;

type Published = {
  issuer: IssuedCertificate;
  /** The key that signs (the issuer's unless a test forges a CRL). */
  signingKey: CryptoKey;
  revoked: Array<{ serialNumber: string; reason: number }>;
};

export class TestCrlServer {
  private server: Server | undefined;
  private readonly published = new Map<string, Published>();
  /** Downloads served, per path. */
  readonly served = new Map<string, number>();
  /** Paths answered with HTTP 503 (an unavailable distribution point). */
  readonly unavailable = new Set<string>();
  /** The CA's clock (thisUpdate): tests of cache expiry move it forward. */
  clock: () => Date = () => new Date();
  /** nextUpdate = thisUpdate + this. */
  nextUpdateMs = 3_600_000;

  /** The URL of a path, to put in certificates' CRL distribution points. */
  urlOf(path: string): string {
    const address = this.server?.address() as AddressInfo | undefined;
    if (!address) throw new Error('CRL server not started');
    return `http://127.0.0.1:${address.port}/crl/${path}`;
  }

  /** Serves `issuer`'s CRL at `path`; `signingKey` forges one signed by another key. */
  publish(path: string, issuer: IssuedCertificate, signingKey: CryptoKey = issuer.keys.privateKey): this {
    this.published.set(path, { issuer, signingKey, revoked: [] });
    return this;
  }

  /** Lists the certificate on the CRL at `path` (CRLReason: 1 keyCompromise, 5 cessationOfOperation, ...). */
  revoke(path: string, certificate: IssuedCertificate, reason = 1): void {
    const published = this.published.get(path);
    if (!published) throw new Error(`nothing published at ${path}`);
    published.revoked.push({ serialNumber: normalizeSerial(certificate.certificate.serialNumber), reason });
  }

  downloads(path: string): number {
    return this.served.get(path) ?? 0;
  }

  async start(): Promise<void> {
    this.server = createServer((request, response) => {
      const path = (request.url ?? '').replace(/^\/crl\//, '');
      const published = this.published.get(path);
      if (this.unavailable.has(path) || !published) {
        response.writeHead(this.unavailable.has(path) ? 503 : 404).end();
        return;
      }
      this.served.set(path, this.downloads(path) + 1);
      this.crlOf(published).then(
        (der) => response.writeHead(200, { 'content-type': 'application/pkix-crl' }).end(der),
        () => response.writeHead(500).end(),
      );
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async crlOf(published: Published): Promise<Buffer> {
    const thisUpdate = this.clock();
    const crl = await x509.X509CrlGenerator.create({
      issuer: published.issuer.certificate.subjectName,
      thisUpdate, nextUpdate: new Date(thisUpdate.getTime() + this.nextUpdateMs),
      signingAlgorithm: { name: 'ECDSA', hash: 'SHA-256' }, signingKey: published.signingKey,
      entries: published.revoked.map(({ serialNumber, reason }) => ({ serialNumber, revocationDate: new Date(thisUpdate.getTime() - 60_000), reason })),
    });
    return Buffer.from(crl.rawData);
  }
}
