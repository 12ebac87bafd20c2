// A real ISO 15118-style contract PKI for tests and the simulator: a self-signed root (V2G / MO
// root), an MO sub-CA, a delegated OCSP responder certificate, and contract certificates whose
// Authority Information Access names the OCSP responder. ECDSA P-256 / SHA-256 as ISO 15118-2.
import 'reflect-metadata'; // @peculiar/x509 (tsyringe) needs the Reflect metadata API
import { webcrypto } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
import { AsnConvert } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import * as x509 from '@peculiar/x509';

const ALGORITHM = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY_MS = 86_400_000;

export type IssuedCertificate = {
  certificate: x509.X509Certificate;
  keys: CryptoKeyPair;
  pem: string;
  asn: Certificate;
};

export type ContractPki = {
  root: IssuedCertificate;
  subCa: IssuedCertificate;
  /** Delegated OCSP responder of the sub-CA (answers for contracts). */
  responder: IssuedCertificate;
  /** Delegated OCSP responder of the root (answers for the sub-CA). */
  rootResponder: IssuedCertificate;
  /**
   * A contract certificate for an eMAID (CN), issued by the sub-CA. With `crlUrl` it names that CRL
   * distribution point instead of the OCSP responder (revocation by CRL only).
   */
  issueContract(emaid: string, validity?: { notBefore?: Date; notAfter?: Date }, revocation?: { crlUrl: string }): Promise<IssuedCertificate>;
};

let serial = 0x1000;
function nextSerial(): string {
  serial += 1;
  return serial.toString(16).padStart(8, '0');
}

async function generateKeys(): Promise<CryptoKeyPair> {
  return webcrypto.subtle.generateKey(ALGORITHM, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

function issued(certificate: x509.X509Certificate, keys: CryptoKeyPair): IssuedCertificate {
  return { certificate, keys, pem: certificate.toString('pem'), asn: AsnConvert.parse(certificate.rawData, Certificate) };
}

async function issue(issuer: IssuedCertificate, subject: string, extensions: x509.Extension[], validity: { notBefore?: Date; notAfter?: Date } = {}): Promise<IssuedCertificate> {
  const keys = await generateKeys();
  const certificate = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(), subject, issuer: issuer.certificate.subject,
    notBefore: validity.notBefore ?? new Date(Date.now() - DAY_MS), notAfter: validity.notAfter ?? new Date(Date.now() + 365 * DAY_MS),
    signingAlgorithm: ALGORITHM, publicKey: keys.publicKey, signingKey: issuer.keys.privateKey,
    extensions: [
      ...extensions,
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(issuer.keys.publicKey),
    ],
  });
  return issued(certificate, keys);
}

/** Builds the PKI; `ocspUrl` is put in the sub-CA's and the contracts' Authority Information Access. */
export async function createContractPki(ocspUrl: string, name = 'Test'): Promise<ContractPki> {
  const rootKeys = await generateKeys();
  const rootCertificate = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: nextSerial(), name: `CN=${name} V2G Root CA, O=ChargeOps Test, DC=V2G`,
    notBefore: new Date(Date.now() - DAY_MS), notAfter: new Date(Date.now() + 3650 * DAY_MS), signingAlgorithm: ALGORITHM, keys: rootKeys,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });
  const root = issued(rootCertificate, rootKeys);
  const aia = new x509.AuthorityInfoAccessExtension({ ocsp: [new x509.GeneralName('url', ocspUrl)] });
  const subCa = await issue(root, `CN=${name} MO Sub-CA, O=ChargeOps Test`, [
    new x509.BasicConstraintsExtension(true, 0, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
    aia,
  ]);
  const responder = await issue(subCa, `CN=${name} MO OCSP Responder, O=ChargeOps Test`, [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.9']),
  ]);
  const rootResponder = await issue(root, `CN=${name} Root OCSP Responder, O=ChargeOps Test`, [
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension(['1.3.6.1.5.5.7.3.9']),
  ]);
  return {
    root, subCa, responder, rootResponder,
    issueContract: (emaid, validity, revocation) => issue(subCa, `CN=${emaid}, O=ChargeOps Test MO`, [
      new x509.BasicConstraintsExtension(false, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation | x509.KeyUsageFlags.keyAgreement, true),
      revocation ? new x509.CRLDistributionPointsExtension([revocation.crlUrl]) : aia,
    ], validity),
  };
}
