// Managing people: users of a tenant (or of the platform), invitations by email, password reset,
// and the first platform admin. Nobody grants more than they hold; changes to what a user may do
// end that user's sessions.
import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import { isForeignKeyViolation, isUniqueViolation, type Executor } from '../../infra/db/database.js';
import { ApiError } from '../../api/problem.js';
import { canGrant, isRole, permissionsOfRole, SITE_BOUND_ROLES, type Role } from './permissions.js';
import type { Principal } from './principal.js';
import type { OneTimeToken, OneTimeTokenStore, User, UserCredentials, UserListQuery, UserPage, UserStore } from './ports.js';
import { hashPassword, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, verifyPassword } from './passwords.js';
import { hashToken, randomToken } from './secrets.js';
import { normalizeEmail, type AuthService } from './auth-service.js';
import type { Mailer } from './mailer.js';

/** publicUrl is read when a mail is written: the listening address is known only after start. */
export type UserServiceOptions = { publicUrl: () => string; invitationMs: number; resetMs: number };

export type UserInput = { email: string; name: string; role: string; siteIds?: string[] | null | undefined; password: string };
export type UserUpdate = { name?: string | undefined; role?: string | undefined; siteIds?: string[] | null | undefined; password?: string | undefined };
export type Invitation = Omit<OneTimeToken, 'userId' | 'usedAt' | 'kind'>;

const EMAIL = /^[^\s@]+@[^\s@]+$/;

export class UserService {
  constructor(
    private readonly db: Executor,
    private readonly users: UserStore,
    private readonly tokens: OneTimeTokenStore,
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly options: UserServiceOptions,
    private readonly log: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Creates the platform admin when no user exists yet. Returns the password when it was generated
   * (to be printed once), null otherwise.
   */
  async ensureFirstAdmin(email: string, configuredPassword: string | undefined): Promise<{ email: string; password: string | null } | null> {
    if ((await this.users.count(this.db)) > 0) return null;
    const password = configuredPassword ?? randomBytes(18).toString('base64url');
    checkPassword(password);
    try {
      await this.users.create(this.db, {
        tenantId: null, email: normalizeEmail(email), name: 'Platform administrator', role: 'platform-admin', siteIds: null, passwordHash: await hashPassword(password),
      });
    } catch (error) {
      if (isUniqueViolation(error)) return null; // another node created it first
      throw error;
    }
    return { email: normalizeEmail(email), password: configuredPassword ? null : password };
  }

  list(tenantId: string | null, page: UserListQuery): Promise<UserPage> {
    return this.users.list(this.db, tenantId, page);
  }

  async get(tenantId: string | null, id: string): Promise<User> {
    const user = await this.users.get(this.db, tenantId, id);
    if (!user) throw new ApiError('user_not_found', `No user ${id}`);
    return user;
  }

  async create(actor: Principal, tenantId: string | null, input: UserInput): Promise<User> {
    const email = checkEmail(input.email);
    const siteIds = checkGrant(actor, tenantId, input.role, input.siteIds ?? null);
    checkPassword(input.password);
    return this.insert({ tenantId, email, name: input.name.trim(), role: input.role, siteIds, passwordHash: await hashPassword(input.password) });
  }

  async update(actor: Principal, tenantId: string | null, id: string, changes: UserUpdate): Promise<User> {
    const current = await this.get(tenantId, id);
    checkGrant(actor, tenantId, current.role, current.siteIds); // may the actor manage this user at all?
    const role = changes.role ?? current.role;
    const siteIds = changes.siteIds === undefined ? current.siteIds : changes.siteIds;
    if (changes.role !== undefined || changes.siteIds !== undefined) {
      checkGrant(actor, tenantId, role, siteIds);
      if (actor.userId === id && changes.role !== undefined && changes.role !== current.role) throw new ApiError('invalid_user', 'You cannot change your own role');
    }
    if (changes.password !== undefined) checkPassword(changes.password);
    let updated: User | null;
    try {
      updated = await this.users.update(this.db, tenantId, id, {
        ...(changes.name === undefined ? {} : { name: changes.name.trim() }),
        ...(changes.role === undefined ? {} : { role }),
        ...(changes.siteIds === undefined ? {} : { siteIds: SITE_BOUND_ROLES.has(role as Role) || siteIds !== null ? siteIds : null }),
        ...(changes.password === undefined ? {} : { passwordHash: await hashPassword(changes.password) }),
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw new ApiError('invalid_user', 'siteIds names a site that does not exist in this tenant');
      throw error;
    }
    if (!updated) throw new ApiError('user_not_found', `No user ${id}`);
    if (changes.role !== undefined || changes.siteIds !== undefined || changes.password !== undefined) await this.auth.revokeAllSessions(id);
    return updated;
  }

  /** A signed-in user's own change: the current password proves it is them, not a borrowed session. */
  async changeOwnPassword(user: UserCredentials, currentPassword: string, newPassword: string): Promise<User> {
    if (!(await verifyPassword(user.passwordHash, currentPassword))) throw new ApiError('invalid_user', 'The current password is wrong'); // not 401: the session itself is fine
    checkPassword(newPassword);
    const updated = await this.users.update(this.db, user.tenantId, user.id, { passwordHash: await hashPassword(newPassword) });
    if (!updated) throw new ApiError('user_not_found');
    await this.auth.revokeAllSessions(user.id);
    return updated;
  }

  async delete(actor: Principal, tenantId: string | null, id: string): Promise<void> {
    const current = await this.get(tenantId, id);
    checkGrant(actor, tenantId, current.role, current.siteIds);
    if (actor.userId === id) throw new ApiError('invalid_user', 'You cannot delete yourself');
    if (!(await this.users.delete(this.db, tenantId, id))) throw new ApiError('user_not_found', `No user ${id}`);
  }

  async invite(actor: Principal, tenantId: string | null, input: { email: string; role: string; siteIds?: string[] | null | undefined }): Promise<{ invitation: Invitation; emailSent: boolean }> {
    const email = checkEmail(input.email);
    const siteIds = checkGrant(actor, tenantId, input.role, input.siteIds ?? null);
    if (await this.users.findCredentialsByEmail(this.db, email)) throw new ApiError('user_exists', `${email} already has an account`);
    const token = randomToken();
    const created = await this.tokens.create(this.db, {
      kind: 'invitation', tokenHash: hashToken(token), tenantId, userId: null, email, role: input.role, siteIds,
      createdBy: actor.keyId, expiresAt: new Date(this.now().getTime() + this.options.invitationMs),
    });
    const link = `${this.options.publicUrl()}/accept-invitation?token=${token}`;
    await this.mailer.send({
      to: email,
      subject: 'You are invited to ChargeOps',
      text: `${actor.name} invited you to ChargeOps as ${input.role}.\n\nSet your name and password here (valid until ${created.expiresAt.toISOString()}):\n${link}\n\nIf you did not expect this, ignore this email.`,
    });
    return { invitation: toInvitation(created), emailSent: this.mailer.configured };
  }

  async listInvitations(tenantId: string | null): Promise<Invitation[]> {
    return (await this.tokens.listInvitations(this.db, tenantId, this.now())).map(toInvitation);
  }

  async revokeInvitation(tenantId: string | null, id: string): Promise<void> {
    if (!(await this.tokens.revokeInvitation(this.db, tenantId, id, this.now()))) throw new ApiError('invitation_not_found', `No pending invitation ${id}`);
  }

  async acceptInvitation(input: { token: string; name: string; password: string }): Promise<User> {
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const invitation = await this.tokens.consume(this.db, 'invitation', hashToken(input.token), this.now());
    if (!invitation) throw new ApiError('invitation_token_invalid');
    return this.insert({ tenantId: invitation.tenantId, email: invitation.email, name: input.name.trim(), role: invitation.role!, siteIds: invitation.siteIds, passwordHash });
  }

  /** Always the same answer whether or not the email has an account (no enumeration); the mail goes out in the background. */
  async requestPasswordReset(rawEmail: string): Promise<void> {
    const email = normalizeEmail(rawEmail);
    const user = await this.users.findCredentialsByEmail(this.db, email);
    if (!user) return;
    const token = randomToken();
    const reset = await this.tokens.create(this.db, {
      kind: 'password-reset', tokenHash: hashToken(token), tenantId: user.tenantId, userId: user.id, email, role: null, siteIds: null,
      createdBy: null, expiresAt: new Date(this.now().getTime() + this.options.resetMs),
    });
    const link = `${this.options.publicUrl()}/reset-password?token=${token}`;
    void this.mailer.send({
      to: email,
      subject: 'Reset your ChargeOps password',
      text: `Someone asked to reset the password of your ChargeOps account.\n\nChoose a new password here (valid until ${reset.expiresAt.toISOString()}, once):\n${link}\n\nIf it was not you, ignore this email: your password stays as it is.`,
    }).catch((error: unknown) => this.log.error({ err: error }, 'sending the password reset mail failed'));
  }

  async confirmPasswordReset(input: { token: string; password: string }): Promise<void> {
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const reset = await this.tokens.consume(this.db, 'password-reset', hashToken(input.token), this.now());
    if (!reset?.userId) throw new ApiError('reset_token_invalid');
    await this.users.update(this.db, reset.tenantId, reset.userId, { passwordHash });
    await this.auth.revokeAllSessions(reset.userId);
  }

  private async insert(user: Parameters<UserStore['create']>[1]): Promise<User> {
    try {
      return await this.users.create(this.db, user);
    } catch (error) {
      if (isUniqueViolation(error)) throw new ApiError('user_exists', `${user.email} already has an account`);
      if (isForeignKeyViolation(error)) throw new ApiError('invalid_user', 'The tenant or a site in siteIds does not exist');
      throw error;
    }
  }
}

function toInvitation(token: OneTimeToken): Invitation {
  const { userId: _u, usedAt: _used, kind: _k, ...invitation } = token;
  return invitation;
}

function checkEmail(raw: string): string {
  const email = normalizeEmail(raw);
  if (!EMAIL.test(email) || email.length > 254) throw new ApiError('invalid_user', 'email is not an email address');
  return email;
}

function checkPassword(password: string): void {
  if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
    throw new ApiError('invalid_user', `The password must have ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
}

/**
 * May `actor` give `role` (with this site scope) to a user of `tenantId`? Returns the site scope
 * to store. Platform-admin exists only on the platform; site-bound roles need their sites.
 */
function checkGrant(actor: Principal, tenantId: string | null, role: string, siteIds: string[] | readonly string[] | null): string[] | null {
  if (!isRole(role)) throw new ApiError('invalid_user', `Unknown role ${role}`);
  if (role === 'platform-admin' && tenantId !== null) throw new ApiError('invalid_user', 'platform-admin is a platform role: tenants cannot have one');
  if (tenantId === null && !actor.permissions.has('platform:manage')) throw new ApiError('forbidden', 'Only platform administrators manage platform users');
  if (!canGrant(actor.permissions, permissionsOfRole(role))) throw new ApiError('forbidden', `You cannot grant the role ${role}: it holds permissions you do not have`);
  if (actor.siteIds !== null) throw new ApiError('forbidden', 'Site-scoped users cannot manage users');
  if (SITE_BOUND_ROLES.has(role) && (!siteIds || siteIds.length === 0)) throw new ApiError('invalid_user', `The role ${role} needs siteIds (the sites the user works at)`);
  if (siteIds !== null && tenantId === null) throw new ApiError('invalid_user', 'Platform users cannot be site-scoped');
  return siteIds === null ? null : [...siteIds];
}
