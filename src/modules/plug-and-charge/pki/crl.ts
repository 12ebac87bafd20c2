// Certificate revocation lists (RFC 5280 5, 6.3) for certificates that name CRL distribution
// points and no OCSP responder: where to fetch them, and what a downloaded CRL may be trusted for.
// Complete CRLs of the certificate's own issuer only: a delta CRL, a partitioned CRL (issuing
// distribution point), an indirect CRL (certificate issuer entries) or any other critical
// extension is refused, so the check fails closed rather than trusting a partial list.
import { AsnConvert } from '@peculiar/asn1-schema';
import {
  Certificate, CertificateList, CRLDistributionPoints, CRLReason, id_ce_cRLDistributionPoints, id_ce_cRLReasons, id_ce_keyUsage, KeyUsage, KeyUsageFlags,
} from '@peculiar/asn1-x509';
import { normalizeSerial, serialHex } from './ocsp-request-data.js';
import { verifySignature } from './signatures.js';

/** A CRL whose signature, issuer and freshness were checked, with its revoked serials indexed. */
export type VerifiedCrl = {
  thisUpdate: Date;
  /** When it must be fetched again (nextUpdate, or thisUpdate + the configured maximum age). */
  staleAt: Date;
  /** Revoked serial (lowercase hex, as `serialHex`) -> CRLReason code when the entry has one. */
  revoked: Map<string, number | undefined>;
};

export type CrlChecks = { maxAgeWithoutNextUpdateMs: number; skewMs: number };

const REMOVE_FROM_CRL = 8;

/** The http(s) URLs of the certificate's CRL distribution points, in the order it lists them. */
export function crlUrlsOf(certificate: Certificate): string[] {
  const extension = certificate.tbsCertificate.extensions?.find((item) => item.extnID === id_ce_cRLDistributionPoints);
  if (!extension) return [];
  const points = AsnConvert.parse(extension.extnValue.buffer, CRLDistributionPoints); // an AsnArray: spread to a plain array
  return [...points].flatMap((point) => point.cRLIssuer ? [] : (point.distributionPoint?.fullName ?? [])
    .flatMap((name) => name.uniformResourceIdentifier && /^https?:\/\//i.test(name.uniformResourceIdentifier) ? [name.uniformResourceIdentifier] : []));
}

/** DER, or PEM ("X509 CRL") as some distribution points serve it. */
export function parseCrl(bytes: Buffer): CertificateList {
  const text = bytes.subarray(0, 64).toString('latin1');
  const der = text.includes('-----BEGIN')
    ? Buffer.from(bytes.toString('latin1').replace(/-----(BEGIN|END) X509 CRL-----|\s/g, ''), 'base64')
    : bytes;
  return AsnConvert.parse(der, CertificateList);
}

const sameDer = (a: object, b: object): boolean => Buffer.from(AsnConvert.serialize(a)).equals(Buffer.from(AsnConvert.serialize(b)));

function mayIssueCrls(issuer: Certificate): boolean {
  const extension = issuer.tbsCertificate.extensions?.find((item) => item.extnID === id_ce_keyUsage);
  if (!extension) return true; // no key usage extension: no restriction (RFC 5280 4.2.1.3)
  return (AsnConvert.parse(extension.extnValue.buffer, KeyUsage).toNumber() & KeyUsageFlags.cRLSign) !== 0;
}

/** Checks a parsed CRL against the issuer of the certificate asked about; a reason when it cannot be used. */
export function verifyCrl(crl: CertificateList, issuer: Certificate, now: Date, checks: CrlChecks): VerifiedCrl | string {
  const tbs = crl.tbsCertList;
  if (!sameDer(tbs.issuer, issuer.tbsCertificate.subject)) return 'CRL issued by another CA than the certificate\'s issuer';
  if (!mayIssueCrls(issuer)) return 'issuer certificate may not sign CRLs (key usage)';
  if (tbs.signature.algorithm !== crl.signatureAlgorithm.algorithm) return 'CRL signature algorithms disagree';
  const signed = crl.tbsCertListRaw ?? AsnConvert.serialize(tbs);
  if (!verifySignature(issuer, crl.signatureAlgorithm.algorithm, signed, crl.signature)) return 'CRL signature not made by the issuer';
  const critical = tbs.crlExtensions?.find((extension) => extension.critical);
  if (critical) return `CRL has a critical extension not supported (${critical.extnID}: delta or partitioned CRL?)`;
  const thisUpdate = tbs.thisUpdate.getTime();
  if (thisUpdate.getTime() > now.getTime() + checks.skewMs) return 'CRL thisUpdate in the future';
  const staleAt = tbs.nextUpdate?.getTime() ?? new Date(thisUpdate.getTime() + checks.maxAgeWithoutNextUpdateMs);
  if (staleAt.getTime() <= now.getTime()) return 'CRL is stale (nextUpdate passed)';
  const revoked = new Map<string, number | undefined>();
  for (const entry of tbs.revokedCertificates ?? []) {
    if (entry.crlEntryExtensions?.some((extension) => extension.critical)) return 'CRL entry with a critical extension (indirect CRL?) not supported';
    const reasonExtension = entry.crlEntryExtensions?.find((extension) => extension.extnID === id_ce_cRLReasons);
    const reason = reasonExtension ? AsnConvert.parse(reasonExtension.extnValue.buffer, CRLReason).reason : undefined;
    if (reason !== REMOVE_FROM_CRL) revoked.set(normalizeSerial(Buffer.from(entry.userCertificate).toString('hex')), reason);
  }
  return { thisUpdate, staleAt, revoked };
}

/** Whether the CRL lists the certificate, and why. */
export function revocationIn(crl: VerifiedCrl, certificate: Certificate): { kind: 'good' } | { kind: 'revoked'; revocationReason?: number } {
  const serial = serialHex(certificate);
  if (!crl.revoked.has(serial)) return { kind: 'good' };
  const reason = crl.revoked.get(serial);
  return reason === undefined ? { kind: 'revoked' } : { kind: 'revoked', revocationReason: reason };
}
