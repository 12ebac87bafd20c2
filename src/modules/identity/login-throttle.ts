// Sign-in rate limiting and lockout, per account (email) and per client address. Failures are
// counted in a sliding window; at the limit the key is locked for the lockout period. Keyed by
// the email given, whether or not an account has it, so a lockout reveals nothing about which
// emails exist. Kept in memory: per node, reset by a restart (see README "not done").

export type ThrottleLimits = { maxFailuresPerAccount: number; maxFailuresPerAddress: number; windowMs: number; lockoutMs: number };

type Entry = { failures: number[]; lockedUntil: number };

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly limits: ThrottleLimits, private readonly now: () => number = Date.now) {}

  /** Milliseconds until sign-in may be tried again for this account or address, 0 when allowed. */
  retryAfterMs(email: string, address: string): number {
    const at = this.now();
    const locked = [this.entries.get(`a:${email}`), this.entries.get(`ip:${address}`)]
      .map((entry) => (entry ? entry.lockedUntil - at : 0));
    return Math.max(0, ...locked);
  }

  recordFailure(email: string, address: string): void {
    this.fail(`a:${email}`, this.limits.maxFailuresPerAccount);
    this.fail(`ip:${address}`, this.limits.maxFailuresPerAddress);
  }

  /** A successful sign-in clears the account's failures (not the address's: one good account must not unlock spraying). */
  recordSuccess(email: string): void {
    this.entries.delete(`a:${email}`);
  }

  private fail(key: string, limit: number): void {
    const at = this.now();
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0 };
    entry.failures = entry.failures.filter((time) => time > at - this.limits.windowMs);
    entry.failures.push(at);
    if (entry.failures.length >= limit) {
      entry.lockedUntil = at + this.limits.lockoutMs;
      entry.failures = [];
    }
    this.entries.set(key, entry);
    this.prune(at);
  }

  /** Bounded memory under a spray of random emails: forget entries with nothing left to remember. */
  private prune(at: number): void {
    if (this.entries.size < 10_000) return;
    for (const [key, entry] of this.entries) {
      if (entry.lockedUntil <= at && entry.failures.every((time) => time <= at - this.limits.windowMs)) this.entries.delete(key);
    }
  }
}
