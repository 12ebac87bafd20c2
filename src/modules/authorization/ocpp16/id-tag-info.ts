import type { AuthorizeResponse } from '../../../protocol/ocpp16/generated/types.js';
import { toOcpp16Status } from '../domain/decide-authorization.js';
import { TOKEN_VALUE_MAX } from '../domain/token.js';
import type { AuthorizationDecision } from '../ports.js';

export type IdTagInfo16 = AuthorizeResponse['idTagInfo'];

/**
 * The 1.6 idTagInfo of a decision, for Authorize and Start/StopTransaction: Unknown and the other
 * 2.x-only statuses become Invalid; parentIdTag is the group (omitted when longer than an idTag's
 * 20 characters); expiryDate is the token's expiry.
 */
export function idTagInfoOf(decision: AuthorizationDecision): IdTagInfo16 {
  const group = decision.groupIdToken;
  return {
    status: toOcpp16Status(decision.status),
    ...(decision.expiresAt ? { expiryDate: decision.expiresAt.toISOString() } : {}),
    ...(group && group.length <= TOKEN_VALUE_MAX['ocpp1.6'] ? { parentIdTag: group } : {}),
  };
}
