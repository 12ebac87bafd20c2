// Wiring of the identity module (users, sessions, invitations, TOTP) for the composition root.
import type { Logger } from 'pino';
import type { Executor } from '../../infra/db/database.js';
import { AuthService } from './auth-service.js';
import { LoginThrottle } from './login-throttle.js';
import { createMailer, type Mailer, type SmtpConfig } from './mailer.js';
import { SecretBox } from './secrets.js';
import { createOneTimeTokenStore, createSessionStore } from './session-store.js';
import { SiteScope } from './site-scope.js';
import { TotpService } from './totp.js';
import { createUserStore } from './user-store.js';
import { UserService } from './user-service.js';
import type { UserStore } from './ports.js';

export type IdentityConfig = {
  /** The base URL of links in mails (the dashboard's); read when a mail is written. */
  publicUrl: () => string;
  adminEmail: string;
  adminPassword?: string | undefined;
  auth: {
    sessionHours: number;
    sessionIdleMinutes: number;
    maxFailedLoginsPerAccount: number;
    maxFailedLoginsPerAddress: number;
    failureWindowMinutes: number;
    lockoutMinutes: number;
    invitationHours: number;
    passwordResetMinutes: number;
    secretKey?: string | undefined;
    totpIssuer: string;
  };
  smtp: SmtpConfig;
};

export type IdentityModule = {
  auth: AuthService;
  users: UserService;
  userStore: UserStore;
  totp: TotpService;
  siteScope: SiteScope;
  mailer: Mailer;
  sessionSeconds: number;
  close(): void;
};

export function createIdentityModule(db: Executor, config: IdentityConfig, log: Logger): IdentityModule {
  const userStore = createUserStore();
  const box = new SecretBox(config.auth.secretKey);
  if (!box.encrypting) log.warn('auth.secretKey is not set: TOTP secrets are stored unencrypted');
  const totp = new TotpService(db, userStore, box, config.auth.totpIssuer);
  const throttle = new LoginThrottle(db, {
    maxFailuresPerAccount: config.auth.maxFailedLoginsPerAccount,
    maxFailuresPerAddress: config.auth.maxFailedLoginsPerAddress,
    windowMs: config.auth.failureWindowMinutes * 60_000,
    lockoutMs: config.auth.lockoutMinutes * 60_000,
  });
  const sessionSeconds = Math.round(config.auth.sessionHours * 3600);
  const auth = new AuthService(db, userStore, createSessionStore(), throttle, totp, {
    absoluteMs: sessionSeconds * 1000, idleMs: config.auth.sessionIdleMinutes * 60_000,
  });
  const mailer = createMailer(config.smtp, log);
  const users = new UserService(db, userStore, createOneTimeTokenStore(), auth, mailer, {
    publicUrl: () => config.publicUrl().replace(/\/+$/, ''),
    invitationMs: config.auth.invitationHours * 3_600_000,
    resetMs: config.auth.passwordResetMinutes * 60_000,
  }, log);
  return { auth, users, userStore, totp, siteScope: new SiteScope(db), mailer, sessionSeconds, close: () => mailer.close() };
}
