// Pure rules of Plug & Charge authorization (C07): how OCSP answers become a certificateStatus,
// and how the certificate status and the token decision make the idTokenInfo status.
import type { AuthorizationStatus } from '../../authorization/ports.js';

export type ContractCertificateStatus =
  | 'Accepted' | 'SignatureError' | 'CertificateExpired' | 'CertificateRevoked' | 'NoCertificateAvailable' | 'CertChainError' | 'ContractCancelled';

export type ContractCheck = { status: ContractCertificateStatus; reason: string };

export type RevocationAnswer =
  | { kind: 'good' }
  | { kind: 'revoked'; revocationReason?: number }
  | { kind: 'unknown' }
  | { kind: 'failed'; reason: string };

/** CRLReason values that mean the contract ended rather than a key problem (RFC 5280 5.3.1). */
const CONTRACT_ENDED = new Set([5 /* cessationOfOperation */, 9 /* privilegeWithdrawn */]);

/**
 * One status for all certificates asked about, the worst first: revoked (ContractCancelled when
 * the reason says the contract ended), then unknown to the responder or no answer obtainable
 * (CertChainError: the chain cannot be shown valid; fail closed), else Accepted. Answers come from
 * OCSP or a CRL alike.
 */
export function statusOfRevocation(answers: ReadonlyArray<{ subject: string; answer: RevocationAnswer }>): ContractCheck {
  for (const { subject, answer } of answers) {
    if (answer.kind === 'revoked') {
      const cancelled = answer.revocationReason !== undefined && CONTRACT_ENDED.has(answer.revocationReason);
      return { status: cancelled ? 'ContractCancelled' : 'CertificateRevoked', reason: `${subject} revoked (CRL reason ${answer.revocationReason ?? 'unspecified'})` };
    }
  }
  for (const { subject, answer } of answers) {
    if (answer.kind === 'unknown') return { status: 'CertChainError', reason: `${subject} unknown to its OCSP responder` };
    if (answer.kind === 'failed') return { status: 'CertChainError', reason: `${subject}: revocation status not obtainable (${answer.reason})` };
  }
  return { status: 'Accepted', reason: answers.length > 0 ? 'contract certificate valid (not revoked)' : 'contract certificate chain valid (no OCSP responder or CRL named)' };
}

/**
 * The idTokenInfo status of a Plug & Charge Authorize: the token's own refusal stands (Blocked,
 * Expired, Unknown, ...); an accepted token with a certificate that is not Accepted is Invalid.
 */
export function combinedTokenStatus(token: AuthorizationStatus, certificate: ContractCertificateStatus): AuthorizationStatus {
  if (token !== 'Accepted') return token;
  return certificate === 'Accepted' ? 'Accepted' : 'Invalid';
}

/** eMAIDs compare without the optional dashes and case (ISO 15118-2 / DIN SPEC 91286 spelling). */
export function sameEmaid(a: string, b: string): boolean {
  const normalize = (value: string) => value.replace(/-/g, '').toUpperCase();
  return normalize(a) === normalize(b);
}
