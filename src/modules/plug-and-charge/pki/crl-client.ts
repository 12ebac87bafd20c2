// CRL revocation checks over HTTP (RFC 5280 6.3) for certificates without an OCSP responder. A
// CRL is fetched from the certificate's distribution points, verified with the issuer's key and
// kept until its nextUpdate, so one download answers every contract of that CA until then. When
// no distribution point gives a fresh, verified CRL the check fails (fail closed): a stale copy
// is never used.
import { createHash } from 'node:crypto';
import type { Certificate } from '@peculiar/asn1-x509';
import { crlUrlsOf, parseCrl, revocationIn, verifyCrl, type VerifiedCrl } from './crl.js';
import { ExpiringCache } from './expiring-cache.js';

export type CrlAnswer = { kind: 'good' } | { kind: 'revoked'; revocationReason?: number } | { kind: 'failed'; reason: string };

export type CrlClientOptions = {
  timeoutMs: number;
  /** Largest CRL accepted (bytes); 10 MiB by default. */
  maxBytes?: number;
  /** CRLs kept at most (one per distribution point and issuer); 256 by default. */
  cacheEntries?: number;
  /** A CRL without nextUpdate is used this long after its thisUpdate (1 h by default). */
  maxAgeWithoutNextUpdateMs?: number;
  /** Clock skew tolerated on thisUpdate (5 min by default). */
  skewMs?: number;
};

type Loaded = VerifiedCrl | { failed: string };

export class CrlClient {
  private readonly cache: ExpiringCache<Loaded>;

  constructor(private readonly options: CrlClientOptions) {
    this.cache = new ExpiringCache({ maxEntries: options.cacheEntries ?? 256 });
  }

  /** Whether `certificate` (issued by `issuer`) is on its issuer's current CRL. */
  async check(certificate: Certificate, issuer: Certificate, now = new Date()): Promise<CrlAnswer> {
    const urls = crlUrlsOf(certificate);
    if (urls.length === 0) return { kind: 'failed', reason: 'no http(s) CRL distribution point' };
    const failures: string[] = [];
    for (const url of urls) {
      const crl = await this.crlOf(url, issuer, now);
      if ('failed' in crl) failures.push(`${url}: ${crl.failed}`);
      else return revocationIn(crl, certificate);
    }
    return { kind: 'failed', reason: `CRL not obtainable (${failures.join('; ')})` };
  }

  /** A fresh verified CRL from `url` for `issuer`, cached per URL and issuer key until its nextUpdate. */
  private crlOf(url: string, issuer: Certificate, now: Date): Promise<Loaded> {
    const issuerKey = createHash('sha256').update(Buffer.from(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey)).digest('hex');
    return this.cache.getOrLoad(`${issuerKey} ${url}`, now, () => this.fetchVerified(url, issuer, now), (loaded) => ('failed' in loaded ? undefined : loaded.staleAt));
  }

  private async fetchVerified(url: string, issuer: Certificate, now: Date): Promise<Loaded> {
    const maxBytes = this.options.maxBytes ?? 10 * 1024 * 1024;
    let bytes: Buffer;
    try {
      const response = await fetch(url, { headers: { accept: 'application/pkix-crl' }, signal: AbortSignal.timeout(this.options.timeoutMs) });
      if (!response.ok) return { failed: `HTTP ${response.status}` };
      if (Number(response.headers.get('content-length') ?? 0) > maxBytes) return { failed: `CRL larger than ${maxBytes} bytes` };
      bytes = Buffer.from(await response.arrayBuffer());
      if (bytes.length > maxBytes) return { failed: `CRL larger than ${maxBytes} bytes` };
    } catch (error) {
      return { failed: `unreachable: ${(error as Error).message}` };
    }
    let verified: VerifiedCrl | string;
    try {
      verified = verifyCrl(parseCrl(bytes), issuer, now, {
        maxAgeWithoutNextUpdateMs: this.options.maxAgeWithoutNextUpdateMs ?? 3_600_000, skewMs: this.options.skewMs ?? 300_000,
      });
    } catch (error) {
      return { failed: `CRL not decodable: ${(error as Error).message}` };
    }
    return typeof verified === 'string' ? { failed: verified } : verified;
  }
}
