// Charge success rate (ADR 033). An attempt is a session the station opened after plug-in and
// authorization (a row in `sessions`) that started in the period and was accepted; it succeeded
// when it delivered energy (> 0 Wh). Refused tokens are the driver's problem, not the port's, and
// are not attempts. A session still running without energy yet is pending: neither.
import { ratioPercent } from './uptime.js';

export type SessionFact = {
  stationId: string;
  evseId: number;
  startedAt: number;
  /** null while active. */
  endedAt: number | null;
  /** Decimal string as stored (numeric(20,4)); compared exactly, never as a float. */
  energyWh: string;
  authorizationStatus: string | null;
};

export type SuccessCounts = { attempted: number; succeeded: number; failed: number; pending: number };

export function emptySuccess(): SuccessCounts {
  return { attempted: 0, succeeded: 0, failed: 0, pending: 0 };
}

/** True when a non-negative decimal string is above zero ("0", "0.0000", "-0" are not). */
export function deliveredEnergy(energyWh: string): boolean {
  const trimmed = energyWh.trim();
  if (trimmed.startsWith('-')) return false;
  return /[1-9]/.test(trimmed);
}

export function countSession(counts: SuccessCounts, session: SessionFact, period: { start: number; end: number }): void {
  if (session.startedAt < period.start || session.startedAt >= period.end) return;
  if (session.authorizationStatus !== null && session.authorizationStatus !== 'Accepted') return;
  if (deliveredEnergy(session.energyWh)) {
    counts.attempted++;
    counts.succeeded++;
  } else if (session.endedAt === null) {
    counts.pending++;
  } else {
    counts.attempted++;
    counts.failed++;
  }
}

export function addSuccess(into: SuccessCounts, from: SuccessCounts): void {
  into.attempted += from.attempted;
  into.succeeded += from.succeeded;
  into.failed += from.failed;
  into.pending += from.pending;
}

export function successPercent(counts: SuccessCounts): number | null {
  return counts.attempted === 0 ? null : ratioPercent(counts.succeeded, counts.attempted);
}
