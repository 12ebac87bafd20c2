/**
 * The authorization decision (C01, C09, C16; 1.6 Authorize and the idTagInfo of transactions), pure.
 *
 * Precedence: presented NoAuthorization -> Accepted; no stored token, or a 2.x token presented with
 * another type than stored -> Unknown; blocked -> Blocked; expired -> Expired; an active session of
 * the token when starting -> ConcurrentTx; else Accepted.
 *
 * Unknown vs Invalid: an unknown token is `Unknown`, the precise 2.x status (TC_C_02_CSMS accepts
 * either). 1.6 has no `Unknown`: its adapters send `Invalid` through `toOcpp16Status`.
 */
import type { AuthorizationDecision, AuthorizationStatus, TokenRef } from '../ports.js';
import { tokenStateAt, type StoredToken } from './token.js';

export type AuthorizationInput = {
  /** The stored token with the presented value (matched case-insensitively), or null. */
  token: StoredToken | null;
  presented: TokenRef;
  at: Date;
  purpose: 'authorize' | 'start' | 'stop';
  /** Whether the token already has a running session; only consulted when purpose is 'start'. */
  hasActiveSession: boolean;
  /** Where the token is presented: checked against the token's locations, if it has any. */
  location?: { stationId: string; evseId: number | null };
};

export function decideAuthorization(input: AuthorizationInput): AuthorizationDecision {
  const { token, presented } = input;
  if (presented.type === 'NoAuthorization') {
    return noToken('Accepted', 'no authorization requested (NoAuthorization)');
  }
  if (!token) return noToken('Unknown', 'unknown token');
  if (presented.type !== null && presented.type !== token.type) {
    return noToken('Unknown', `unknown token: known as type ${token.type}, presented as ${presented.type}`);
  }
  const state = tokenStateAt(token, input.at);
  if (state === 'Blocked') return { status: 'Blocked', reason: 'token blocked', ...facts(token) };
  if (state === 'Expired') return { status: 'Expired', reason: `token expired ${token.expiresAt?.toISOString()}`, ...facts(token) };
  const place = placeCheck(token, input.location);
  if (place.refused) return { status: 'NotAtThisLocation', reason: place.refused, ...facts(token) };
  if (input.purpose === 'start' && input.hasActiveSession) {
    return { status: 'ConcurrentTx', reason: 'token already has an active session', ...facts(token) };
  }
  return {
    status: 'Accepted', reason: token.masterPass ? 'accepted (master pass)' : 'accepted', ...facts(token),
    ...(place.evseIds ? { evseIds: place.evseIds } : {}),
  };
}

/**
 * A token limited to places (stations, or EVSEs of a station) is refused elsewhere. Where the EVSE
 * is not known yet (Authorize), it is valid on the station when one of its EVSEs is allowed, and
 * the decision names those EVSEs (2.x idTokenInfo.evseId: "only used when the IdToken is only valid
 * for one or more specific EVSEs, not for the entire Charging Station").
 */
function placeCheck(token: StoredToken, location: AuthorizationInput['location']): { refused?: string; evseIds?: number[] } {
  const locations = token.locations ?? [];
  if (locations.length === 0 || !location) return {};
  const here = locations.filter((l) => l.stationId === location.stationId);
  if (here.length === 0) return { refused: `token limited to other stations (${[...new Set(locations.map((l) => l.stationId))].join(', ')})` };
  if (here.some((l) => l.evseId === 0)) return {};
  const evseIds = here.map((l) => l.evseId).sort((a, b) => a - b);
  if (location.evseId !== null && location.evseId > 0 && !evseIds.includes(location.evseId)) {
    return { refused: `token limited to EVSE ${evseIds.join(', ')} of ${location.stationId}` };
  }
  return { evseIds };
}

function facts(token: StoredToken): Omit<AuthorizationDecision, 'status' | 'reason'> {
  return {
    tokenId: token.id,
    groupIdToken: token.groupIdToken,
    groupIdTokenType: token.groupIdToken ? (token.groupIdTokenType ?? 'Central') : null,
    expiresAt: token.expiresAt,
    language: token.language,
    masterPass: token.masterPass,
  };
}

function noToken(status: AuthorizationStatus, reason: string): AuthorizationDecision {
  return { status, reason, tokenId: null, groupIdToken: null, groupIdTokenType: null, expiresAt: null, language: null, masterPass: false };
}

/** The 1.6 AuthorizationStatus of a decision: 1.6 knows Accepted, Blocked, Expired, Invalid, ConcurrentTx. */
export type Ocpp16AuthorizationStatus = 'Accepted' | 'Blocked' | 'Expired' | 'Invalid' | 'ConcurrentTx';

export function toOcpp16Status(status: AuthorizationStatus): Ocpp16AuthorizationStatus {
  switch (status) {
    case 'Accepted':
    case 'Blocked':
    case 'Expired':
    case 'Invalid':
    case 'ConcurrentTx':
      return status;
    // Unknown, NoCredit, NotAllowedTypeEVSE, NotAtThisLocation, NotAtThisTime: not allowed to charge.
    default:
      return 'Invalid';
  }
}
