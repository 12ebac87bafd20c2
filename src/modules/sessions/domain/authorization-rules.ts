import type { AuthorizationDecision } from '../../authorization/ports.js';
import type { TokenPurpose } from './session.js';

/**
 * What a token in a transaction message is checked for. A token that ends the transaction is a
 * stop; the session's own token seen again (in later events, or in a retry) is re-authorized
 * without the concurrency check, which its own session would otherwise fail; any other is a start.
 */
export function tokenPurpose(kind: 'Started' | 'Updated' | 'Ended', triggerReason: string | null, sessionToken: string | null, token: string): TokenPurpose {
  if (kind === 'Ended' || triggerReason === 'StopAuthorized') return 'stop';
  return sessionToken === token ? 'authorize' : 'start';
}

/**
 * C16 / C01.FR.03-like rule: another token may end a session when it belongs to the same group as
 * the token that started it, or is a master pass.
 */
export function mayStopOthersSession(sessionGroup: string | null, decision: AuthorizationDecision): boolean {
  if (decision.masterPass) return true;
  return sessionGroup !== null && decision.groupIdToken !== null && decision.groupIdToken === sessionGroup;
}
