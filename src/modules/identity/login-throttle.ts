// Sign-in rate limiting and lockout, per account (email) and per client address, shared by every
// node through the rate_counters table (ADR 037): N failures in a window that starts at the first
// failure lock the key for the lockout period, on all nodes at once. Keyed by the email given,
// whether or not an account has it, so a lockout reveals nothing about which emails exist. Each
// check or change is one statement; sign-ins are rare next to the argon2 hash they run anyway.
import type { Executor } from '../../infra/db/database.js';
import { createRateCounterStore, type RateCounterStore } from '../../api/rate-limit-counters.js';

export type ThrottleLimits = { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number; lockoutMs: number };

const accountKey = (email: string): string => `login:account:${email}`;
const addressKey = (address: string): string => `login:ip:${address}`;

export class LoginThrottle {
  constructor(
    private readonly db: Executor,
    private readonly limits: ThrottleLimits,
    private readonly now: () => number = Date.now,
    private readonly counters: RateCounterStore = createRateCounterStore(),
  ) {}

  /** Milliseconds until sign-in may be tried again for this account or address, 0 when allowed. */
  async retryAfterMs(email: string, address: string): Promise<number> {
    const at = this.now();
    const until = await this.counters.lockedUntil(this.db, [accountKey(email), addressKey(address)], at);
    return Math.max(0, until - at);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    const at = this.now();
    const { windowMs, lockoutMs } = this.limits;
    await Promise.all([
      this.counters.recordFailure(this.db, accountKey(email), at, { limit: this.limits.maxFailuresPerAccount, windowMs, lockoutMs }),
      this.counters.recordFailure(this.db, addressKey(address), at, { limit: this.limits.maxFailuresPerAddress, windowMs, lockoutMs }),
    ]);
  }

  /** A successful sign-in clears the account's failures (not the address's: one good account must not unlock spraying). */
  async recordSuccess(email: string): Promise<void> {
    await this.counters.clear(this.db, accountKey(email));
  }
}
