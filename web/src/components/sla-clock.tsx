import { useEffect, useState } from 'react';

/**
 * SLA clocks of an incident, computed in the browser from its timestamps and the tenant's SLA
 * settings (GET /api/v1/health/rules), by the server's rule (src/modules/health/domain/incident.ts):
 * each clock runs from the fault (detectedAt) and stops when the incident reaches its step or any
 * later one (detect -> acknowledged, remote -> remote troubleshooting, dispatch -> technician
 * dispatched; resolving stops all three).
 */
export type SlaSettings = { detectMinutes: number; remoteMinutes: number; dispatchMinutes: number };
export type SlaTimes = {
  detectedAt: string; acknowledgedAt: string | null; remoteStartedAt: string | null; dispatchedAt: string | null; resolvedAt: string | null;
};
export type SlaClockName = 'detect' | 'remote' | 'dispatch';
export type SlaClockState = {
  clock: SlaClockName;
  dueAt: number;
  stoppedAt: number | null;
  /** met: stopped in time; running: not stopped, not due yet; breached: late (stopped late or still running past due). */
  state: 'met' | 'running' | 'breached';
  /** ms until due (negative: overdue) while running or breached-running; null once stopped. */
  remainingMs: number | null;
};

export const SLA_LABELS: Record<SlaClockName, string> = { detect: 'Acknowledge', remote: 'Remote troubleshooting', dispatch: 'Dispatch' };

export function slaClocks(incident: SlaTimes, sla: SlaSettings, now: number): SlaClockState[] {
  const detected = Date.parse(incident.detectedAt);
  const stops = [incident.acknowledgedAt, incident.remoteStartedAt, incident.dispatchedAt, incident.resolvedAt].map((t) => (t ? Date.parse(t) : null));
  const clocks: Array<[SlaClockName, number, number]> = [['detect', sla.detectMinutes, 0], ['remote', sla.remoteMinutes, 1], ['dispatch', sla.dispatchMinutes, 2]];
  return clocks.map(([clock, minutes, from]) => {
    const dueAt = detected + minutes * 60_000;
    const later = stops.slice(from).filter((t): t is number => t !== null);
    const stoppedAt = later.length > 0 ? Math.min(...later) : null;
    if (stoppedAt !== null) return { clock, dueAt, stoppedAt, state: stoppedAt > dueAt ? 'breached' : 'met', remainingMs: null };
    return { clock, dueAt, stoppedAt, state: now > dueAt ? 'breached' : 'running', remainingMs: dueAt - now };
  });
}

export function isBreached(incident: SlaTimes, sla: SlaSettings, now: number): boolean {
  return slaClocks(incident, sla, now).some((c) => c.state === 'breached');
}

/** "1 h 5 min", "3 min", "45 s": coarse on purpose, the board re-renders every 15 s. */
export function formatDuration(ms: number): string {
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${Math.round(abs / 1000)} s`;
  const minutes = Math.floor(abs / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${minutes % 60} min`;
  return `${Math.floor(hours / 24)} d ${hours % 24} h`;
}

function describe(c: SlaClockState): string {
  if (c.state === 'met') return 'met';
  if (c.remainingMs === null) return `breached by ${formatDuration((c.stoppedAt ?? c.dueAt) - c.dueAt)}`;
  return c.remainingMs >= 0 ? `${formatDuration(c.remainingMs)} left` : `breached ${formatDuration(c.remainingMs)} ago`;
}

/** The current time, re-read every `everyMs` so running clocks count down. */
export function useNow(everyMs = 15_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

/** The three clocks as a small list; only the clocks still relevant are shown unless `all`. */
export function SlaClocks({ incident, sla, now, all = false }: { incident: SlaTimes; sla: SlaSettings | null; now: number; all?: boolean }) {
  if (!sla) return null;
  const clocks = slaClocks(incident, sla, now).filter((c) => all || c.state !== 'met');
  if (clocks.length === 0) return <p className="sla sla-met" data-testid="sla">SLA clocks met</p>;
  return (
    <ul className="sla" aria-label="SLA clocks" data-testid="sla">
      {clocks.map((c) => (
        <li key={c.clock} className={`sla-${c.state}`} data-clock={c.clock} data-state={c.state}>
          <span>{SLA_LABELS[c.clock]}:</span>{' '}
          <strong>{c.state === 'breached' ? '⚠ ' : ''}{describe(c)}</strong>{' '}
          <time dateTime={new Date(c.dueAt).toISOString()} className="muted">(due {new Date(c.dueAt).toLocaleString()})</time>
        </li>
      ))}
    </ul>
  );
}
