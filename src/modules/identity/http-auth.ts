// Sign-in routes of the dashboard: login, logout, who am I, password reset, accepting an
// invitation, TOTP enrolment. See docs: the auth contract in the identity README.
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { eq } from 'drizzle-orm';
import type { ApiApp } from '../../api/http-server.js';
import { ApiError } from '../../api/problem.js';
import { clearedSessionCookie, sessionCookie, tenantOf } from '../../api/authentication.js';
import type { Executor } from '../../infra/db/database.js';
import { tenants } from '../../infra/db/schema.js';
import { AuthService, LoginRefused, type SignIn } from './auth-service.js';
import type { UserService } from './user-service.js';
import type { User, UserStore } from './ports.js';
import { TotpError, type TotpService } from './totp.js';
import { Password, SignedInSchema, TotpCode, UserSchema, toUserView } from './http-schemas.js';

export type AuthRoutesDeps = {
  db: Executor;
  auth: AuthService;
  users: UserService;
  userStore: UserStore;
  totp: TotpService;
  sessionSeconds: number;
  defaultTenant: string;
};

const tags = ['auth'];
const publicRoute = { permission: 'public' as const };
const ownAccount = { permission: 'authenticated' as const };

export function registerAuthRoutes(app: ApiApp, deps: AuthRoutesDeps): void {
  const signedIn = (request: FastifyRequest, reply: FastifyReply, result: SignIn) => {
    reply.header('set-cookie', sessionCookie(request, result.token, deps.sessionSeconds));
    reply.header('cache-control', 'no-store');
    return { user: toUserView(result.user), csrfToken: result.session.csrfToken };
  };

  app.post('/api/v1/auth/login', {
    config: publicRoute,
    schema: {
      tags, summary: 'Sign in to the dashboard: sets the session cookie, returns the CSRF token', security: [],
      body: Type.Object({ email: Type.String({ maxLength: 254 }), password: Type.String({ maxLength: 1024 }), totpCode: Type.Optional(Type.String({ maxLength: 16 })) }),
      response: { 200: SignedInSchema },
    },
  }, async (request, reply) => {
    try {
      const result = await deps.auth.login({ ...request.body, address: request.ip, userAgent: request.headers['user-agent'] ?? null });
      return signedIn(request, reply, result);
    } catch (error) {
      if (!(error instanceof LoginRefused)) throw error;
      if (error.reason === 'too_many_attempts') {
        const seconds = Math.ceil(error.retryAfterMs / 1000);
        reply.header('retry-after', String(seconds));
        throw new ApiError('too_many_attempts', `Try again in ${seconds} s`, { retryAfterSeconds: seconds });
      }
      throw new ApiError(error.reason);
    }
  });

  app.post('/api/v1/auth/logout', {
    config: ownAccount,
    schema: { tags, summary: 'Sign out: ends the session server-side and clears the cookie', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const session = request.principal?.session;
    if (session) await deps.auth.logout(session.id);
    return reply.header('set-cookie', clearedSessionCookie(request)).code(204).send(null);
  });

  app.get('/api/v1/auth/me', {
    config: ownAccount,
    schema: {
      tags, summary: 'Who is signed in (cookie or API key), their tenant, role and permissions',
      response: {
        200: Type.Object({
          user: Type.Union([UserSchema, Type.Null()]),
          apiKey: Type.Union([Type.Object({ id: Type.String(), name: Type.String() }), Type.Null()]),
          tenant: Type.Union([Type.Object({
            id: Type.String(), name: Type.String(), displayName: Type.String(),
            branding: Type.Object({ logo: Type.Union([Type.String(), Type.Null()]), primaryColor: Type.Union([Type.String(), Type.Null()]), accentColor: Type.Union([Type.String(), Type.Null()]) }),
          }), Type.Null()]),
          role: Type.String(),
          permissions: Type.Array(Type.String()),
          csrfToken: Type.Union([Type.String(), Type.Null()]),
        }),
      },
    },
  }, async (request) => {
    const principal = request.principal!;
    const credentials = principal.userId ? await deps.userStore.findCredentialsById(deps.db, principal.userId) : null;
    const { passwordHash: _p, totpSecret: _s, totpLastStep: _l, ...user } = credentials ?? { passwordHash: null, totpSecret: null, totpLastStep: null };
    const [tenant] = await deps.db.select().from(tenants).where(eq(tenants.id, tenantOf(request, deps.defaultTenant)));
    return {
      user: credentials ? toUserView(user as User) : null,
      apiKey: principal.actorType === 'api-key' ? { id: principal.keyId, name: principal.apiKeyName ?? principal.name } : null,
      tenant: tenant ? {
        id: tenant.id, name: tenant.name, displayName: tenant.displayName ?? tenant.name,
        branding: { logo: tenant.logo, primaryColor: tenant.primaryColor, accentColor: tenant.accentColor },
      } : null,
      role: principal.role,
      permissions: [...principal.permissions].sort(),
      csrfToken: principal.session?.csrfToken ?? null,
    };
  });

  app.post('/api/v1/auth/password-reset', {
    config: publicRoute,
    schema: {
      tags, summary: 'Email a password reset link (always 202: does not tell whether the email has an account)', security: [],
      body: Type.Object({ email: Type.String({ maxLength: 254 }) }), response: { 202: Type.Null() },
    },
  }, async (request, reply) => {
    await deps.users.requestPasswordReset(request.body.email);
    return reply.code(202).send(null);
  });

  app.post('/api/v1/auth/password-reset/confirm', {
    config: publicRoute,
    schema: {
      tags, summary: 'Set a new password with the token of a reset link; ends every session of the user', security: [],
      body: Type.Object({ token: Type.String({ maxLength: 200 }), password: Password }), response: { 204: Type.Null() },
    },
  }, async (request, reply) => {
    await deps.users.confirmPasswordReset(request.body);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/accept-invitation', {
    config: publicRoute,
    schema: {
      tags, summary: 'Accept an invitation: creates the account and signs it in', security: [],
      body: Type.Object({ token: Type.String({ maxLength: 200 }), name: Type.String({ minLength: 1, maxLength: 200 }), password: Password }),
      response: { 200: SignedInSchema },
    },
  }, async (request, reply) => {
    const user = await deps.users.acceptInvitation(request.body);
    return signedIn(request, reply, await deps.auth.startSession(user, request.ip, request.headers['user-agent'] ?? null));
  });

  app.post('/api/v1/auth/password', {
    config: ownAccount,
    schema: {
      tags, summary: 'Change your own password: needs the current one; ends every session and signs this one in again',
      body: Type.Object({ currentPassword: Type.String({ maxLength: 1024 }), newPassword: Password }), response: { 200: SignedInSchema },
    },
  }, async (request, reply) => {
    const user = await signedInUser(request);
    const changed = await deps.users.changeOwnPassword(user, request.body.currentPassword, request.body.newPassword);
    return signedIn(request, reply, await deps.auth.startSession(changed, request.ip, request.headers['user-agent'] ?? null));
  });

  const signedInUser = async (request: FastifyRequest) => {
    const userId = request.principal?.userId;
    if (!userId) throw new ApiError('forbidden', 'Only a signed-in user has a second factor (not an API key)');
    const user = await deps.userStore.findCredentialsById(deps.db, userId);
    if (!user) throw new ApiError('unauthorized');
    return user;
  };
  const totpErrors = async <T>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      if (error instanceof TotpError) throw new ApiError(error.reason);
      throw error;
    }
  };

  app.post('/api/v1/auth/totp', {
    config: ownAccount,
    schema: {
      tags, summary: 'Start TOTP enrolment: the secret and otpauth:// URL (shown this once); confirm with a code',
      response: { 200: Type.Object({ secret: Type.String(), otpauthUrl: Type.String() }) },
    },
  }, async (request, reply) => {
    reply.header('cache-control', 'no-store');
    return totpErrors(async () => deps.totp.enrol(await signedInUser(request)));
  });

  app.post('/api/v1/auth/totp/confirm', {
    config: ownAccount,
    schema: { tags, summary: 'Confirm TOTP enrolment with a current code: sign-in needs a code from now on', body: Type.Object({ code: TotpCode }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await totpErrors(async () => deps.totp.confirm(await signedInUser(request), request.body.code));
    return reply.code(204).send(null);
  });

  app.post('/api/v1/auth/totp/disable', {
    config: ownAccount,
    schema: { tags, summary: 'Turn the second factor off (needs a current code)', body: Type.Object({ code: TotpCode }), response: { 204: Type.Null() } },
  }, async (request, reply) => {
    await totpErrors(async () => deps.totp.disable(await signedInUser(request), request.body.code));
    return reply.code(204).send(null);
  });

}
