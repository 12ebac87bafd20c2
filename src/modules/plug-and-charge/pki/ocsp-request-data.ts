// OCPP's OCSPRequestDataType (hash algorithm, issuer name/key hashes, serial, responder URL) and
// the RFC 6960 CertID it stands for. Hashes and serial numbers travel as hex strings in OCPP.
import { createHash } from 'node:crypto';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, AuthorityInfoAccessSyntax, Certificate, id_ad_ocsp, id_pe_authorityInfoAccess } from '@peculiar/asn1-x509';
import { CertID } from '@peculiar/asn1-ocsp';

export type HashAlgorithm = 'SHA256' | 'SHA384' | 'SHA512';

export type OcspRequestData = {
  hashAlgorithm: HashAlgorithm;
  issuerNameHash: string;
  issuerKeyHash: string;
  serialNumber: string;
  responderURL: string;
};

const HASH_OIDS: Record<HashAlgorithm, string> = {
  SHA256: '2.16.840.1.101.3.4.2.1',
  SHA384: '2.16.840.1.101.3.4.2.2',
  SHA512: '2.16.840.1.101.3.4.2.3',
};

export function hashAlgorithmOfOid(oid: string): HashAlgorithm | undefined {
  return (Object.keys(HASH_OIDS) as HashAlgorithm[]).find((name) => HASH_OIDS[name] === oid);
}

function nodeHash(algorithm: HashAlgorithm): string {
  return algorithm.toLowerCase();
}

export function parseCertificate(der: ArrayBuffer | Uint8Array): Certificate {
  return AsnConvert.parse(der, Certificate);
}

/** The issuer's name hash and key hash as RFC 6960 defines them (DER subject; public key bits). */
export function issuerHashes(issuer: Certificate, algorithm: HashAlgorithm): { issuerNameHash: string; issuerKeyHash: string } {
  const name = Buffer.from(AsnConvert.serialize(issuer.tbsCertificate.subject));
  const key = Buffer.from(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey);
  return {
    issuerNameHash: createHash(nodeHash(algorithm)).update(name).digest('hex'),
    issuerKeyHash: createHash(nodeHash(algorithm)).update(key).digest('hex'),
  };
}

/** The serial number as lowercase hex without leading zero bytes (how OCPP stations send it). */
export function serialHex(certificate: Certificate): string {
  return normalizeSerial(Buffer.from(certificate.tbsCertificate.serialNumber).toString('hex'));
}

export function normalizeSerial(hex: string): string {
  const lower = hex.toLowerCase().replace(/^(00)+(?=..)/, '');
  return lower.length % 2 === 1 ? `0${lower}` : lower;
}

/** The OCSP responder URL from the certificate's Authority Information Access, if any. */
export function ocspUrlOf(certificate: Certificate): string | undefined {
  const extension = certificate.tbsCertificate.extensions?.find((item) => item.extnID === id_pe_authorityInfoAccess);
  if (!extension) return undefined;
  const access = AsnConvert.parse(extension.extnValue.buffer, AuthorityInfoAccessSyntax);
  return access.find((item) => item.accessMethod === id_ad_ocsp && item.accessLocation.uniformResourceIdentifier)?.accessLocation.uniformResourceIdentifier;
}

/** The request data for one certificate of a chain, given its issuer. */
export function ocspRequestDataOf(certificate: Certificate, issuer: Certificate, algorithm: HashAlgorithm = 'SHA256'): OcspRequestData | undefined {
  const responderURL = ocspUrlOf(certificate);
  if (!responderURL) return undefined;
  return { hashAlgorithm: algorithm, ...issuerHashes(issuer, algorithm), serialNumber: serialHex(certificate), responderURL };
}

/** The RFC 6960 CertID of OCPP request data. */
export function certIdOf(data: Omit<OcspRequestData, 'responderURL'>): CertID {
  const serial = normalizeSerial(data.serialNumber);
  const serialBytes = Buffer.from(serial, 'hex');
  // INTEGER is signed: a serial whose first bit is set needs a leading zero byte.
  const integer = serialBytes.length > 0 && (serialBytes[0]! & 0x80) !== 0 ? Buffer.concat([Buffer.from([0]), serialBytes]) : serialBytes;
  return new CertID({
    hashAlgorithm: new AlgorithmIdentifier({ algorithm: HASH_OIDS[data.hashAlgorithm] }),
    issuerNameHash: new OctetString(Buffer.from(data.issuerNameHash, 'hex')),
    issuerKeyHash: new OctetString(Buffer.from(data.issuerKeyHash, 'hex')),
    serialNumber: new Uint8Array(integer).buffer,
  });
}

/** Whether a response's CertID names the same certificate as the request's. */
export function sameCertId(a: CertID, b: CertID): boolean {
  const hex = (value: ArrayBuffer | OctetString) => Buffer.from(value instanceof OctetString ? value.buffer : value).toString('hex');
  return a.hashAlgorithm.algorithm === b.hashAlgorithm.algorithm
    && hex(a.issuerNameHash) === hex(b.issuerNameHash)
    && hex(a.issuerKeyHash) === hex(b.issuerKeyHash)
    && normalizeSerial(hex(a.serialNumber)) === normalizeSerial(hex(b.serialNumber));
}
