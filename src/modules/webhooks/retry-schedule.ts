// When a failed delivery is tried again: the schedule's delay for the attempt that just failed (the
// last delay repeats), spread by +-20% jitter so that the deliveries of an endpoint that came back
// do not all arrive in the same second.
export type RetryPolicy = { scheduleMs: readonly number[]; maxAttempts: number };

export const DEFAULT_RETRY_SCHEDULE_SECONDS = [10, 30, 120, 600, 3600, 21_600, 43_200];

/** Milliseconds until the next attempt after `attempts` failed ones, or null when they are exhausted. */
export function nextRetryDelayMs(policy: RetryPolicy, attempts: number, random: () => number = Math.random): number | null {
  if (attempts >= policy.maxAttempts || policy.scheduleMs.length === 0) return null;
  const base = policy.scheduleMs[Math.min(attempts, policy.scheduleMs.length) - 1] ?? policy.scheduleMs[0]!;
  return Math.round(base * (0.8 + 0.4 * random()));
}
