// Signature checks with node:crypto on certificates parsed by @peculiar/asn1-x509 (ECDSA as ISO
// 15118-2 uses, and RSA PKCS#1 v1.5).
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import { AsnConvert } from '@peculiar/asn1-schema';
import type { Certificate } from '@peculiar/asn1-x509';
import type { HashAlgorithm } from './ocsp-request-data.js';

const SIGNATURE_HASHES: Record<string, string> = {
  '1.2.840.10045.4.3.2': 'sha256', // ecdsa-with-SHA256
  '1.2.840.10045.4.3.3': 'sha384',
  '1.2.840.10045.4.3.4': 'sha512',
  '1.2.840.113549.1.1.11': 'sha256', // sha256WithRSAEncryption
  '1.2.840.113549.1.1.12': 'sha384',
  '1.2.840.113549.1.1.13': 'sha512',
};

export function publicKeyOf(certificate: Certificate): KeyObject {
  return createPublicKey({ key: Buffer.from(AsnConvert.serialize(certificate.tbsCertificate.subjectPublicKeyInfo)), format: 'der', type: 'spki' });
}

/** Whether `signature` over `data` (algorithm OID as in X.509 / OCSP) was made with the certificate's key. */
export function verifySignature(signer: Certificate, algorithmOid: string, data: ArrayBuffer | Uint8Array, signature: ArrayBuffer | Uint8Array): boolean {
  const hash = SIGNATURE_HASHES[algorithmOid];
  if (!hash) return false;
  try {
    return verify(hash, Buffer.from(data instanceof Uint8Array ? data : new Uint8Array(data)), publicKeyOf(signer), Buffer.from(signature instanceof Uint8Array ? signature : new Uint8Array(signature)));
  } catch {
    return false;
  }
}

/** Whether `certificate` was signed by `issuer`'s key. */
export function isSignedBy(certificate: Certificate, issuer: Certificate): boolean {
  return verifySignature(issuer, certificate.signatureAlgorithm.algorithm, AsnConvert.serialize(certificate.tbsCertificate), certificate.signatureValue);
}

export function issuerKeyHashMatches(issuer: Certificate, data: { hashAlgorithm: HashAlgorithm; issuerKeyHash: string }): boolean {
  const hash = createHash(data.hashAlgorithm.toLowerCase()).update(Buffer.from(issuer.tbsCertificate.subjectPublicKeyInfo.subjectPublicKey)).digest('hex');
  return hash === data.issuerKeyHash.toLowerCase();
}
