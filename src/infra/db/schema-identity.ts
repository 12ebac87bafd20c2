// People: dashboard users, their sign-in sessions, the site scope of site-bound users, and the
// one-time tokens of invitations and password resets. Secrets are never stored in clear: session
// and one-time tokens are stored as SHA-256 hashes (they carry 256 random bits), passwords as
// argon2id hashes (ADR 018).
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex } from 'drizzle-orm/pg-core';
import { tenants } from './schema-core.js';
import { sites } from './schema-places.js';

const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** Kept in step with ROLES in src/modules/identity/permissions.ts (the check below guards the table). */
const ROLE_CHECK = sql.raw(`'platform-admin', 'tenant-admin', 'operator', 'support', 'technician', 'finance', 'viewer', 'site-host'`);

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  /** null for platform users (they act for a tenant named with X-Tenant-Id). */
  tenantId: text('tenant_id').references(() => tenants.id),
  /** Stored lower-cased: unique per deployment, so one sign-in form serves every tenant. */
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  /** True when the user may only see the sites listed in user_sites (technicians, site hosts). */
  siteScoped: boolean('site_scoped').notNull().default(false),
  passwordHash: text('password_hash').notNull(),
  /** The TOTP secret (AES-256-GCM sealed when auth.secretKey is set); present while enrolling or enabled. */
  totpSecret: text('totp_secret'),
  totpEnabled: boolean('totp_enabled').notNull().default(false),
  /** The last TOTP time step accepted: a code is never accepted twice. */
  totpLastStep: bigint('totp_last_step', { mode: 'number' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  lastLoginAt: timestamptz('last_login_at'),
}, (t) => [
  uniqueIndex('users_email_unique').on(t.email),
  unique('users_tenant_id_id_unique').on(t.tenantId, t.id),
  index('users_tenant_idx').on(t.tenantId, t.id),
  check('users_email_lower_check', sql`${t.email} = lower(${t.email}) and position('@' in ${t.email}) > 1`),
  check('users_role_check', sql`${t.role} in (${ROLE_CHECK})`),
  // Platform administration is not something a tenant can hand out.
  check('users_platform_admin_check', sql`${t.role} <> 'platform-admin' or ${t.tenantId} is null`),
  check('users_site_scope_check', sql`not ${t.siteScoped} or ${t.tenantId} is not null`),
]);

/** The sites a site-scoped user may see. A deleted site drops out of every scope. */
export const userSites = pgTable('user_sites', {
  tenantId: text('tenant_id').notNull().references(() => tenants.id),
  userId: text('user_id').notNull(),
  siteId: text('site_id').notNull(),
}, (t) => [
  primaryKey({ name: 'user_sites_pk', columns: [t.userId, t.siteId] }),
  foreignKey({ name: 'user_sites_user_fk', columns: [t.tenantId, t.userId], foreignColumns: [users.tenantId, users.id] }).onDelete('cascade'),
  foreignKey({ name: 'user_sites_site_fk', columns: [t.tenantId, t.siteId], foreignColumns: [sites.tenantId, sites.id] }).onDelete('cascade'),
]);

/** A signed-in dashboard session: the cookie carries the token, only its hash is kept. */
export const userSessions = pgTable('user_sessions', {
  id: text('id').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull(),
  /** Sent back in X-CSRF-Token on mutating requests; useless without the cookie. */
  csrfToken: text('csrf_token').notNull(),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  revokedAt: timestamptz('revoked_at'),
  remoteAddress: text('remote_address'),
  userAgent: text('user_agent'),
}, (t) => [
  uniqueIndex('user_sessions_token_hash_unique').on(t.tokenHash),
  index('user_sessions_user_idx').on(t.userId),
]);

/** Invitations and password resets: single-use, expiring, stored hashed. */
export const userTokens = pgTable('user_tokens', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  tokenHash: text('token_hash').notNull(),
  /** The tenant invited into (null: platform); for a reset, the user's tenant. */
  tenantId: text('tenant_id').references(() => tenants.id),
  /** The user whose password a reset sets; null for invitations. */
  userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  /** Invitation: the role granted on acceptance. */
  role: text('role'),
  /** Invitation: the site scope granted on acceptance (null: not site-scoped). */
  siteIds: jsonb('site_ids').$type<string[]>(),
  createdBy: text('created_by'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  expiresAt: timestamptz('expires_at').notNull(),
  usedAt: timestamptz('used_at'),
}, (t) => [
  uniqueIndex('user_tokens_token_hash_unique').on(t.tokenHash),
  index('user_tokens_tenant_idx').on(t.tenantId, t.kind),
  check('user_tokens_kind_check', sql`${t.kind} in ('invitation', 'password-reset')`),
  check('user_tokens_shape_check', sql`(${t.kind} = 'invitation' and ${t.role} is not null and ${t.userId} is null)
    or (${t.kind} = 'password-reset' and ${t.userId} is not null)`),
]);
