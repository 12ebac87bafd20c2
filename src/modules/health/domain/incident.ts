// Incidents: the lifecycle (which status may follow which) and the SLA clocks. Pure.
import type { SlaSettings, Severity } from './settings.js';

export const INCIDENT_STATUSES = ['open', 'acknowledged', 'remote-troubleshooting', 'technician-dispatched', 'resolved', 'auto-resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];
export const FINAL_STATUSES: ReadonlySet<IncidentStatus> = new Set(['resolved', 'auto-resolved']);

export type Incident = {
  id: string;
  tenantId: string;
  stationId: string;
  evseId: number | null;
  connectorId: number | null;
  status: IncidentStatus;
  severity: Severity;
  rule: string;
  code: string | null;
  title: string;
  openedAt: Date;
  /** When the fault started (e.g. the disconnect), not when it was noticed. */
  detectedAt: Date;
  acknowledgedAt: Date | null;
  remoteStartedAt: Date | null;
  dispatchedAt: Date | null;
  resolvedAt: Date | null;
  resolution: string | null;
  resolvedBy: 'person' | 'automation' | null;
  kb: unknown;
};

/** The order of the working statuses; an incident moves forward only (it may skip steps). */
const STEP: Record<IncidentStatus, number> = {
  open: 0, acknowledged: 1, 'remote-troubleshooting': 2, 'technician-dispatched': 3, resolved: 4, 'auto-resolved': 4,
};

/**
 * Null when `from -> to` is allowed, else why not. Any working status may go to `resolved`;
 * `auto-resolved` is reached only by the system when every alert cleared (never asked for).
 */
export function transitionRefusal(from: IncidentStatus, to: IncidentStatus): string | null {
  if (FINAL_STATUSES.has(from)) return `the incident is already ${from}`;
  if (to === 'auto-resolved') return 'auto-resolved is set by the system when every alert of the incident cleared';
  if (to === 'open') return 'an incident cannot be reopened: a new fault opens a new incident';
  if (from === to) return `the incident is already ${from}`;
  if (STEP[to] < STEP[from]) return `an incident moves forward only (${from} -> ${to})`;
  return null;
}

/** The timestamp column a status sets when it is reached. */
export function stampFor(status: IncidentStatus): 'acknowledgedAt' | 'remoteStartedAt' | 'dispatchedAt' | 'resolvedAt' | null {
  switch (status) {
    case 'acknowledged': return 'acknowledgedAt';
    case 'remote-troubleshooting': return 'remoteStartedAt';
    case 'technician-dispatched': return 'dispatchedAt';
    case 'resolved': case 'auto-resolved': return 'resolvedAt';
    default: return null;
  }
}

export const SLA_CLOCKS = ['detect', 'remote', 'dispatch'] as const;
export type SlaClock = (typeof SLA_CLOCKS)[number];

/**
 * Each clock runs from the fault (detectedAt) and stops when the incident reaches its step or any
 * later one: detect -> acknowledged, remote -> remote-troubleshooting, dispatch -> technician
 * dispatched (resolving stops all three).
 */
export function slaDue(incident: Pick<Incident, 'detectedAt'>, sla: SlaSettings): Record<SlaClock, Date> {
  const at = (minutes: number) => new Date(incident.detectedAt.getTime() + minutes * 60_000);
  return { detect: at(sla.detectMinutes), remote: at(sla.remoteMinutes), dispatch: at(sla.dispatchMinutes) };
}

function stoppedAt(incident: Incident, clock: SlaClock): Date | null {
  const order = [incident.acknowledgedAt, incident.remoteStartedAt, incident.dispatchedAt, incident.resolvedAt];
  const from = clock === 'detect' ? 0 : clock === 'remote' ? 1 : 2;
  const stops = order.slice(from).filter((d): d is Date => d !== null);
  return stops.length === 0 ? null : new Date(Math.min(...stops.map((d) => d.getTime())));
}

/** The clocks that have breached by `now` and are not in `alreadyBreached`. */
export function newSlaBreaches(incident: Incident, sla: SlaSettings, now: Date, alreadyBreached: ReadonlySet<string>): Array<{ clock: SlaClock; dueAt: Date }> {
  const due = slaDue(incident, sla);
  const breaches: Array<{ clock: SlaClock; dueAt: Date }> = [];
  for (const clock of SLA_CLOCKS) {
    if (alreadyBreached.has(clock)) continue;
    const stopped = stoppedAt(incident, clock);
    const late = stopped === null ? now > due[clock] : stopped > due[clock];
    // A clock that stopped late is a breach too, if no sweep saw it running past its due time.
    if (late) breaches.push({ clock, dueAt: due[clock] });
  }
  return breaches;
}

export const RULE_TITLES: Record<string, string> = {
  offline: 'Station offline',
  flapping: 'Connection flapping',
  'failed-starts': 'Remote starts failing',
  'no-energy': 'Sessions deliver no energy',
  'stuck-status': 'Connector stuck in Preparing/Finishing',
  'meter-stalled': 'Charging without meter progress',
  'stuck-transaction': 'Session open at the CSMS, station shows Available',
  faulted: 'Connector faulted',
  unavailable: 'Connector unavailable (not commanded)',
  'clock-drift': 'Station clock drifts',
};
