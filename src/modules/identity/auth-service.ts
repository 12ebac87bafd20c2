// Sign-in and dashboard sessions: password (+ TOTP) checks under rate limiting and lockout,
// opaque session tokens stored hashed with an absolute expiry and an idle timeout, revocation.
import type { Executor } from '../../infra/db/database.js';
import { permissionsOfRole } from './permissions.js';
import type { Principal } from './principal.js';
import type { DashboardSession, SessionStore, User, UserCredentials, UserStore } from './ports.js';
import { verifyDecoy, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './secrets.js';
import type { LoginThrottle } from './login-throttle.js';
import type { TotpVerifier } from './totp.js';

export type SessionPolicy = { absoluteMs: number; idleMs: number };

export type SignIn = { user: User; session: DashboardSession; token: string };

export type LoginFailure = 'invalid_credentials' | 'totp_required' | 'too_many_attempts';
export class LoginRefused extends Error {
  constructor(readonly reason: LoginFailure, readonly retryAfterMs = 0) {
    super(reason);
    this.name = 'LoginRefused';
  }
}

export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export class AuthService {
  /** Avoids a write per request: last-seen is refreshed at most once a minute per session. */
  private readonly touched = new Map<string, number>();

  constructor(
    private readonly db: Executor,
    private readonly users: UserStore,
    private readonly sessions: SessionStore,
    private readonly throttle: LoginThrottle,
    private readonly totp: TotpVerifier,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(input: { email: string; password: string; totpCode?: string | undefined; address: string; userAgent: string | null }): Promise<SignIn> {
    const email = normalizeEmail(input.email);
    const wait = await this.throttle.retryAfterMs(email, input.address);
    if (wait > 0) throw new LoginRefused('too_many_attempts', wait);
    const user = await this.users.findCredentialsByEmail(this.db, email);
    const passwordOk = user ? await verifyPassword(user.passwordHash, input.password) : await verifyDecoy(input.password);
    if (!user || !passwordOk) {
      await this.throttle.recordFailure(email, input.address);
      throw new LoginRefused('invalid_credentials');
    }
    if (user.totpEnabled) {
      // A missing code is the normal second step of a sign-in, not a failed attempt; a wrong one is.
      if (input.totpCode === undefined || input.totpCode === '') throw new LoginRefused('totp_required');
      if (!(await this.totp.check(user, input.totpCode))) {
        await this.throttle.recordFailure(email, input.address);
        throw new LoginRefused('totp_required');
      }
    }
    await this.throttle.recordSuccess(email);
    return this.startSession(user, input.address, input.userAgent);
  }

  /** Opens a session for a user whose identity was already proven (sign-in, accepted invitation). */
  async startSession(user: User, address: string | null, userAgent: string | null): Promise<SignIn> {
    const token = randomToken();
    const at = this.now();
    const session = await this.sessions.create(this.db, {
      userId: user.id, tokenHash: hashToken(token), csrfToken: randomToken(),
      expiresAt: new Date(at.getTime() + this.policy.absoluteMs), remoteAddress: address, userAgent: userAgent?.slice(0, 300) ?? null,
    });
    await this.users.recordLogin(this.db, user.id, at);
    const { passwordHash: _p, totpSecret: _s, totpLastStep: _l, ...view } = user as UserCredentials;
    return { user: { ...view, lastLoginAt: at }, session, token };
  }

  /** The principal of a session cookie, or null when the session is unknown, revoked, expired or idle too long. */
  async authenticate(token: string): Promise<Principal | null> {
    const at = this.now();
    const session = await this.sessions.findActive(this.db, hashToken(token), at);
    if (!session) return null;
    const lastSeen = Math.max(session.lastSeenAt.getTime(), this.touched.get(session.id) ?? 0);
    if (lastSeen < at.getTime() - this.policy.idleMs) {
      await this.sessions.revoke(this.db, session.id, at);
      return null;
    }
    const user = await this.users.findCredentialsById(this.db, session.userId);
    if (!user) return null;
    if ((this.touched.get(session.id) ?? 0) < at.getTime() - 60_000) {
      this.touched.set(session.id, at.getTime());
      await this.sessions.touch(this.db, session.id, at);
    }
    return principalOfUser(user, session);
  }

  async logout(sessionId: string): Promise<void> {
    this.touched.delete(sessionId);
    await this.sessions.revoke(this.db, sessionId, this.now());
  }

  async revokeAllSessions(userId: string): Promise<void> {
    await this.sessions.revokeAllOf(this.db, userId, this.now());
  }
}

export function principalOfUser(user: User, session: DashboardSession | null): Principal {
  return {
    actorType: 'user',
    keyId: user.id,
    tenantId: user.tenantId,
    role: user.role,
    name: user.name,
    permissions: new Set(permissionsOfRole(user.role)),
    siteIds: user.siteIds,
    session: session ? { id: session.id, csrfToken: session.csrfToken } : null,
    userId: user.id,
    apiKeyName: null,
  };
}
