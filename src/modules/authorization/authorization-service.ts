import type { Executor } from '../../infra/db/database.js';
import { decideAuthorization } from './domain/decide-authorization.js';
import type { ActiveSessionLookup, AuthorizationDecision, AuthorizationRequest, Authorizer, StartAuthorization } from './ports.js';
import type { TokenCache } from './token-cache.js';
import type { TokenStore } from './token-store.js';

/**
 * The Authorizer port: a decision from the stored token (one indexed read, or none when the token
 * cache has it), and for 'start' one more read of the running sessions, asked only when the token
 * would otherwise be Accepted. Ask before recording the session that the decision is for, or it
 * counts as concurrent. `authorizeStart` leaves that read to a caller that makes it with its write.
 */
export class AuthorizationService implements Authorizer {
  constructor(
    private readonly db: Executor,
    private readonly tokens: TokenStore,
    private readonly sessions: ActiveSessionLookup,
    /** The in-memory fast path (invalidated by token events); absent: every decision reads the token. */
    private readonly cache?: TokenCache,
  ) {}

  async authorize(request: AuthorizationRequest): Promise<AuthorizationDecision> {
    if (request.purpose !== 'start') return this.decide(request).then(({ decision }) => decision);
    const { decision, ifActiveSession } = await this.authorizeStart(request);
    if (!ifActiveSession) return decision;
    return await this.sessions.hasActiveSession(request.tenantId, ifActiveSession.idToken) ? ifActiveSession.decision : decision;
  }

  async authorizeStart(request: Omit<AuthorizationRequest, 'purpose'>): Promise<StartAuthorization> {
    const { decision, token, input } = await this.decide({ ...request, purpose: 'start' });
    if (decision.status !== 'Accepted' || !token) return { decision, ifActiveSession: null };
    return { decision, ifActiveSession: { idToken: token.idToken, decision: decideAuthorization({ ...input, hasActiveSession: true }) } };
  }

  /** The decision from the token alone (no running session counted). */
  private async decide(request: AuthorizationRequest) {
    const token = request.token.type === 'NoAuthorization'
      ? null
      : await this.findToken(request.tenantId, request.token.idToken);
    const input = {
      token, presented: request.token, at: request.at, purpose: request.purpose, hasActiveSession: false,
      location: { stationId: request.stationId, evseId: request.evseId ?? null },
    };
    return { decision: decideAuthorization(input), token, input };
  }

  private findToken(tenantId: string, value: string) {
    const load = () => this.tokens.findForAuthorization(this.db, tenantId, value);
    return this.cache ? this.cache.get(tenantId, value, load) : load();
  }
}
