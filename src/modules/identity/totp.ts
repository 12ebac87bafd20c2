// Optional TOTP second factor (RFC 6238, 6 digits, 30 s, SHA-1: what authenticator apps read),
// through otplib. The secret is sealed at rest (SecretBox) and returned only once, at enrolment.
import { generateSecret, generateURI, verify } from 'otplib';
import type { Executor } from '../../infra/db/database.js';
import type { UserCredentials, UserStore } from './ports.js';
import type { SecretBox } from './secrets.js';

/** One step either side absorbs phone clock drift and a code typed just as it rolled over. */
const TOLERANCE_SECONDS = 30;

export interface TotpVerifier {
  /** True when `code` is valid for the user's enabled or pending secret and was not used before. */
  check(user: UserCredentials, code: string): Promise<boolean>;
}

export type TotpProblem = 'totp_already_enabled' | 'totp_not_enrolled' | 'totp_code_invalid';
export class TotpError extends Error {
  constructor(readonly reason: TotpProblem) {
    super(reason);
    this.name = 'TotpError';
  }
}

export class TotpService implements TotpVerifier {
  constructor(
    private readonly db: Executor,
    private readonly users: UserStore,
    private readonly box: SecretBox,
    private readonly issuer: string,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {}

  async check(user: UserCredentials, code: string): Promise<boolean> {
    if (!user.totpSecret || !/^[0-9]{6}$/.test(code)) return false;
    const result = await verify({ secret: this.box.open(user.totpSecret), token: code, epoch: this.nowSeconds(), epochTolerance: TOLERANCE_SECONDS });
    if (!result.valid || !('timeStep' in result)) return false;
    return this.users.acceptTotpStep(this.db, user.id, result.timeStep);
  }

  /** Starts (or restarts) enrolment: a new pending secret, not yet required at sign-in. */
  async enrol(user: UserCredentials): Promise<{ secret: string; otpauthUrl: string }> {
    if (user.totpEnabled) throw new TotpError('totp_already_enabled');
    const secret = generateSecret();
    await this.users.setTotp(this.db, user.id, { secret: this.box.seal(secret), enabled: false });
    return { secret, otpauthUrl: generateURI({ issuer: this.issuer, label: user.email, secret }) };
  }

  /** Proves the authenticator holds the pending secret; from now on sign-in needs a code. */
  async confirm(user: UserCredentials, code: string): Promise<void> {
    if (user.totpEnabled) throw new TotpError('totp_already_enabled');
    if (!user.totpSecret) throw new TotpError('totp_not_enrolled');
    if (!(await this.check(user, code))) throw new TotpError('totp_code_invalid');
    await this.users.setTotp(this.db, user.id, { secret: user.totpSecret, enabled: true });
  }

  /** Turns the second factor off; needs a current code so a stolen session alone cannot. */
  async disable(user: UserCredentials, code: string): Promise<void> {
    if (!user.totpEnabled) throw new TotpError('totp_not_enrolled');
    if (!(await this.check(user, code))) throw new TotpError('totp_code_invalid');
    await this.users.setTotp(this.db, user.id, { secret: null, enabled: false });
  }
}
