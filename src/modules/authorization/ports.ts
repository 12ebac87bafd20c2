/**
 * The contract between authorization (tokens, lists) and the capabilities that need a decision
 * (sessions, reservations, remote start). Implemented by the authorization module; consumed
 * through this port only.
 */

/** A token as a station presents it. 1.6 idTags carry no type (null). */
export type TokenRef = { idToken: string; type: string | null };

/** OCPP 2.x AuthorizationStatusEnumType, the superset; 1.6 adapters map to their four values. */
export type AuthorizationStatus =
  | 'Accepted'
  | 'Blocked'
  | 'ConcurrentTx'
  | 'Expired'
  | 'Invalid'
  | 'NoCredit'
  | 'NotAllowedTypeEVSE'
  | 'NotAtThisLocation'
  | 'NotAtThisTime'
  | 'Unknown';

export type AuthorizationDecision = {
  status: AuthorizationStatus;
  /** Why, in words an operator understands ("token blocked", "expired 2026-01-01", "unknown token"). */
  reason: string;
  /** The stored token's id, when the token is known. */
  tokenId: string | null;
  groupIdToken: string | null;
  /**
   * The type of the group token for 2.x `groupIdToken.type`: the stored group token's type, else
   * 'Central' (a group identifier the CSMS defines). Null when there is no group.
   */
  groupIdTokenType?: string | null;
  expiresAt: Date | null;
  language: string | null;
  /** The token may stop any transaction (C16). */
  masterPass: boolean;
  /**
   * The EVSEs of the asking station where the token is valid, when it is valid on some of them only
   * (2.x idTokenInfo.evseId); absent when valid on the whole station.
   */
  evseIds?: number[];
};

export type AuthorizationRequest = {
  tenantId: string;
  stationId: string;
  evseId?: number | null;
  token: TokenRef;
  /** 'start' decisions check concurrent transactions; 'stop' and 'authorize' do not. */
  purpose: 'authorize' | 'start' | 'stop';
  at: Date;
};

/**
 * A start decision taken without the ConcurrentTx read, for a caller that runs that check in the
 * same statement as its write (ADR 110). `ifActiveSession`: when the token would be Accepted, the
 * token to check and the decision to take instead if a running session has it; else null.
 */
export type StartAuthorization = {
  decision: AuthorizationDecision;
  ifActiveSession: { idToken: string; decision: AuthorizationDecision } | null;
};

export interface Authorizer {
  authorize(request: AuthorizationRequest): Promise<AuthorizationDecision>;
  /** authorize(purpose 'start') with its ConcurrentTx read left to the caller. */
  authorizeStart(request: Omit<AuthorizationRequest, 'purpose'>): Promise<StartAuthorization>;
}

/** What authorization needs to know about sessions (implemented by the sessions module). */
export interface ActiveSessionLookup {
  /** Whether the token (or, for a group, any token of it) has a running session. */
  hasActiveSession(tenantId: string, idToken: string): Promise<boolean>;
}
