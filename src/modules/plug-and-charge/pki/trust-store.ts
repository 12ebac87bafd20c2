// The configured V2G / MO root certificates and path building to them (RFC 5280 basics: issuer
// name, signature, validity, CA flag of every issuer).
import { readFileSync } from 'node:fs';
import { AsnConvert } from '@peculiar/asn1-schema';
import { BasicConstraints, Certificate, id_ce_basicConstraints } from '@peculiar/asn1-x509';
import { isSignedBy } from './signatures.js';

export type ChainResult =
  | { ok: true; chain: Certificate[] }
  | { ok: false; status: 'CertChainError' | 'CertificateExpired'; reason: string };

const MAX_DEPTH = 6;

/** Certificates of a PEM text (any number of blocks, leaf first as OCPP sends them). */
export function certificatesOfPem(pem: string): Certificate[] {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.map((block) => AsnConvert.parse(Buffer.from(block.replace(/-----(BEGIN|END) CERTIFICATE-----|\s/g, ''), 'base64'), Certificate));
}

function der(certificate: Certificate): Buffer {
  return Buffer.from(AsnConvert.serialize(certificate));
}

function sameName(a: Certificate['tbsCertificate']['subject'], b: Certificate['tbsCertificate']['issuer']): boolean {
  return Buffer.from(AsnConvert.serialize(a)).equals(Buffer.from(AsnConvert.serialize(b)));
}

function isCa(certificate: Certificate): boolean {
  const extension = certificate.tbsCertificate.extensions?.find((item) => item.extnID === id_ce_basicConstraints);
  return extension ? AsnConvert.parse(extension.extnValue.buffer, BasicConstraints).cA : false;
}

function validAt(certificate: Certificate, now: Date): boolean {
  const { notBefore, notAfter } = certificate.tbsCertificate.validity;
  return notBefore.getTime().getTime() <= now.getTime() && now.getTime() <= notAfter.getTime().getTime();
}

export function commonNameOf(certificate: Certificate): string | undefined {
  for (const rdn of certificate.tbsCertificate.subject) {
    for (const attribute of rdn) {
      if (attribute.type === '2.5.4.3') return attribute.value.toString();
    }
  }
  return undefined;
}

export class TrustStore {
  readonly roots: Certificate[];

  /** `sources`: PEM texts or paths of PEM files (each may hold several certificates). */
  constructor(sources: readonly string[]) {
    this.roots = sources.flatMap((source) => certificatesOfPem(source.includes('-----BEGIN') ? source : readFileSync(source, 'utf8')));
  }

  get configured(): boolean {
    return this.roots.length > 0;
  }

  private isRoot(certificate: Certificate): boolean {
    const bytes = der(certificate);
    return this.roots.some((root) => der(root).equals(bytes));
  }

  /**
   * The path from `leaf` to a trusted root through `pool` (intermediates the peer sent), leaf
   * first, or why there is none. Expiry of any certificate on an otherwise sound path is
   * CertificateExpired; a missing or broken link is CertChainError.
   */
  chainOf(leaf: Certificate, pool: readonly Certificate[], now: Date): ChainResult {
    const chain: Certificate[] = [leaf];
    let current = leaf;
    while (!this.isRoot(current)) {
      if (chain.length > MAX_DEPTH) return { ok: false, status: 'CertChainError', reason: 'chain too long' };
      const issuer = [...pool, ...this.roots].find((candidate) => sameName(candidate.tbsCertificate.subject, current.tbsCertificate.issuer)
        && isCa(candidate) && isSignedBy(current, candidate) && !chain.some((seen) => der(seen).equals(der(candidate))));
      if (!issuer) return { ok: false, status: 'CertChainError', reason: 'no path to a trusted root (unknown issuer or bad signature)' };
      chain.push(issuer);
      current = issuer;
    }
    const expired = chain.find((certificate) => !validAt(certificate, now));
    if (expired) return { ok: false, status: 'CertificateExpired', reason: `certificate ${commonNameOf(expired) ?? '?'} outside its validity` };
    return { ok: true, chain };
  }
}
