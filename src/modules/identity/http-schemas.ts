import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './passwords.js';
import { ROLES } from './permissions.js';
import type { User } from './ports.js';
import { Nullable, DateTime } from '../../api/schema-helpers.js';

export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)), { description: 'Role (see the permission matrix in the README)' });
export const Email = Type.String({ minLength: 3, maxLength: 254, description: 'Email address (case-insensitive, unique per deployment)' });
export const Password = Type.String({ minLength: PASSWORD_MIN_LENGTH, maxLength: PASSWORD_MAX_LENGTH, description: `${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters` });
export const SiteIds = Type.Union([Type.Null(), Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 500 })], {
  description: 'The sites the user may see (technicians and site hosts need them); null: not site-scoped',
});
export const TotpCode = Type.String({ pattern: '^[0-9]{6}$', description: 'The 6-digit code of the authenticator app' });

export const UserSchema = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  tenantId: Nullable(Type.String(), { description: 'null for platform users' }),
  role: Type.String(),
  siteIds: Nullable(Type.Array(Type.String())),
  totpEnabled: Type.Boolean(),
  createdAt: DateTime,
  lastLoginAt: Nullable(DateTime),
});

export function toUserView(user: User) {
  return { ...user, createdAt: user.createdAt.toISOString(), lastLoginAt: user.lastLoginAt?.toISOString() ?? null };
}

export const SignedInSchema = Type.Object({ user: UserSchema, csrfToken: Type.String({ description: 'Send as X-CSRF-Token on every request that is not GET/HEAD/OPTIONS' }) });
