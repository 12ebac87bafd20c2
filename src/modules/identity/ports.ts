import type { Executor } from '../../infra/db/database.js';

/** A dashboard user as the API shows it (the contract's `User`). */
export type User = {
  id: string;
  email: string;
  name: string;
  /** null for platform users. */
  tenantId: string | null;
  role: string;
  /** The sites a site-scoped user may see; null when not site-scoped. */
  siteIds: string[] | null;
  totpEnabled: boolean;
  createdAt: Date;
  lastLoginAt: Date | null;
};

/** What sign-in needs besides the public view; never leaves the identity module. */
export type UserCredentials = User & { passwordHash: string; totpSecret: string | null; totpLastStep: number | null };

export type NewUser = { tenantId: string | null; email: string; name: string; role: string; siteIds: string[] | null; passwordHash: string };
export type UserChanges = { name?: string; role?: string; siteIds?: string[] | null; passwordHash?: string };

export type UserPage = { items: User[]; nextCursor: string | null };

export interface UserStore {
  create(ex: Executor, user: NewUser): Promise<User>;
  /** Users of one tenant (null: platform users), ordered by id. */
  /** A keyset page in the `?sort=` order (USER_SORT in user-store.ts; default by id). */
  list(ex: Executor, tenantId: string | null, page: UserListQuery): Promise<UserPage>;
  /** A user of `tenantId` (null: platform) by id. */
  get(ex: Executor, tenantId: string | null, id: string): Promise<User | null>;
  findCredentialsByEmail(ex: Executor, email: string): Promise<UserCredentials | null>;
  findCredentialsById(ex: Executor, id: string): Promise<UserCredentials | null>;
  update(ex: Executor, tenantId: string | null, id: string, changes: UserChanges): Promise<User | null>;
  delete(ex: Executor, tenantId: string | null, id: string): Promise<boolean>;
  count(ex: Executor): Promise<number>;
  /** Users of a tenant holding `role` (to keep at least one tenant admin). */
  countWithRole(ex: Executor, tenantId: string | null, role: string): Promise<number>;
  setTotp(ex: Executor, id: string, totp: { secret: string | null; enabled: boolean }): Promise<void>;
  /** Records an accepted TOTP step; false when `step` is not newer than the last one (a replay). */
  acceptTotpStep(ex: Executor, id: string, step: number): Promise<boolean>;
  recordLogin(ex: Executor, id: string, at: Date): Promise<void>;
}

export type DashboardSession = {
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
};

export interface SessionStore {
  create(ex: Executor, session: { userId: string; tokenHash: string; csrfToken: string; expiresAt: Date; remoteAddress: string | null; userAgent: string | null }): Promise<DashboardSession>;
  /** An unrevoked, unexpired session by token hash. */
  findActive(ex: Executor, tokenHash: string, now: Date): Promise<DashboardSession | null>;
  touch(ex: Executor, id: string, at: Date): Promise<void>;
  revoke(ex: Executor, id: string, at: Date): Promise<void>;
  /** Revokes every session of a user (password change, reset, deletion, role change). */
  revokeAllOf(ex: Executor, userId: string, at: Date): Promise<number>;
}

export type OneTimeToken = {
  id: string;
  kind: 'invitation' | 'password-reset';
  tenantId: string | null;
  userId: string | null;
  email: string;
  role: string | null;
  siteIds: string[] | null;
  createdBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
};

export interface OneTimeTokenStore {
  create(ex: Executor, token: Omit<OneTimeToken, 'id' | 'createdAt' | 'usedAt'> & { tokenHash: string }): Promise<OneTimeToken>;
  /** Marks an unused, unexpired token of `kind` used and returns it; null if there is none (one use only, even concurrently). */
  consume(ex: Executor, kind: OneTimeToken['kind'], tokenHash: string, now: Date): Promise<OneTimeToken | null>;
  /** Pending invitations of a tenant (null: platform). */
  listInvitations(ex: Executor, tenantId: string | null, now: Date): Promise<OneTimeToken[]>;
  revokeInvitation(ex: Executor, tenantId: string | null, id: string, now: Date): Promise<boolean>;
}

export type UserListQuery = { limit: number; cursor?: string | undefined; sort?: string | undefined };
