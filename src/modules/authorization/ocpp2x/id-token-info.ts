import type { OcppVersion } from '../../../protocol/versions.js';
import { isOcpp201TokenType, TOKEN_VALUE_MAX, type Ocpp201TokenType } from '../domain/token.js';
import type { AuthorizationDecision, AuthorizationStatus } from '../ports.js';

/** What both 2.0.1 and 2.1 accept as idTokenInfo. */
export type IdTokenInfo2x = {
  status: AuthorizationStatus;
  cacheExpiryDateTime?: string;
  groupIdToken?: { idToken: string; type: Ocpp201TokenType };
  language1?: string;
  evseId?: number[];
};

/**
 * The 2.x idTokenInfo of a decision, for Authorize and TransactionEvent: status, cache expiry,
 * group token (its stored type; Central when not stored, or when the type is a 2.1 extension
 * 2.0.1 cannot carry) and language1. A group longer than the version allows is left out.
 */
export function idTokenInfoOf(decision: AuthorizationDecision, version: OcppVersion): IdTokenInfo2x {
  const group = decision.groupIdToken;
  const groupType = decision.groupIdTokenType ?? 'Central';
  return {
    status: decision.status,
    ...(decision.expiresAt ? { cacheExpiryDateTime: decision.expiresAt.toISOString() } : {}),
    ...(group && group.length <= TOKEN_VALUE_MAX[version]
      ? { groupIdToken: { idToken: group, type: isOcpp201TokenType(groupType) ? groupType : 'Central' } }
      : {}),
    ...(decision.language ? { language1: decision.language } : {}),
    ...(decision.evseIds && decision.evseIds.length > 0 ? { evseId: decision.evseIds } : {}),
  };
}
