// Per-tenant health settings: which detection rules run and with what thresholds, the SLA clocks,
// and who is told. A tenant without a stored row uses DEFAULT_HEALTH_SETTINGS.
import { ApiError } from '../../../api/problem.js';

export const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const RULE_IDS = ['offline', 'flapping', 'failed-starts', 'no-energy', 'stuck-status', 'meter-stalled', 'stuck-transaction', 'faulted', 'unavailable', 'clock-drift'] as const;
export type RuleId = (typeof RULE_IDS)[number];

type Base = { enabled: boolean; severity: Severity };
export type RuleSettings = {
  /** Disconnected longer than windowSeconds, or online but silent longer than silenceSeconds (null: heartbeat interval + window). */
  offline: Base & { windowSeconds: number; silenceSeconds: number | null };
  /** At least `disconnects` drops of the link within `windowMinutes` (each may be shorter than the offline window). */
  flapping: Base & { disconnects: number; windowMinutes: number };
  /** This many remote starts in a row refused, failed or unanswered. */
  'failed-starts': Base & { threshold: number };
  /** This many sessions in a row on one EVSE ended with 0 Wh. */
  'no-energy': Base & { threshold: number };
  /**
   * A connector in Preparing (2.x: Occupied with no session since the car arrived) longer than
   * `minutes`: plugged in and no session ever starts. Finishing (2.x: Occupied) after a session that
   * ended normally is a car left parked (idle fees' business, not a fault): it counts only after
   * `afterSessionMinutes`, and never when that is null.
   */
  'stuck-status': Base & { minutes: number; afterSessionMinutes: number | null };
  /** Charging without the meter moving for this long. */
  'meter-stalled': Base & { minutes: number };
  /** A session the CSMS holds open while the EVSE's connectors say Available, for this long (the station forgot it). */
  'stuck-transaction': Base & { minutes: number };
  /** A connector or the station Faulted. */
  faulted: Base;
  /** Unavailable for graceSeconds without a ChangeAvailability asking for it. */
  unavailable: Base & { graceSeconds: number };
  /** Station timestamps off the receive time by more than this. */
  'clock-drift': Base & { toleranceSeconds: number };
};

export type SlaSettings = { detectMinutes: number; remoteMinutes: number; dispatchMinutes: number };
export type NotificationSettings = {
  /** Told when an incident opens (at or above minSeverity). */
  recipients: string[];
  /** Told as well when an SLA clock of an incident breaches. */
  escalation: string[];
  minSeverity: Severity;
};
export type HealthSettings = { rules: RuleSettings; sla: SlaSettings; notifications: NotificationSettings };

export const DEFAULT_HEALTH_SETTINGS: HealthSettings = {
  rules: {
    offline: { enabled: true, severity: 'critical', windowSeconds: 120, silenceSeconds: null },
    flapping: { enabled: true, severity: 'major', disconnects: 3, windowMinutes: 10 },
    'failed-starts': { enabled: true, severity: 'major', threshold: 3 },
    'no-energy': { enabled: true, severity: 'major', threshold: 2 },
    'stuck-status': { enabled: true, severity: 'minor', minutes: 15, afterSessionMinutes: 240 },
    'meter-stalled': { enabled: true, severity: 'major', minutes: 10 },
    'stuck-transaction': { enabled: true, severity: 'major', minutes: 10 },
    faulted: { enabled: true, severity: 'critical' },
    unavailable: { enabled: true, severity: 'major', graceSeconds: 60 },
    'clock-drift': { enabled: true, severity: 'minor', toleranceSeconds: 300 },
  },
  sla: { detectMinutes: 60, remoteMinutes: 240, dispatchMinutes: 1440 },
  notifications: { recipients: [], escalation: [], minSeverity: 'major' },
};

export const severityRank = (severity: Severity): number => SEVERITIES.length - SEVERITIES.indexOf(severity);

/** Changes deep-merged over the current settings (objects merge, arrays and values replace). */
export type HealthSettingsPatch = {
  rules?: { [K in RuleId]?: Partial<RuleSettings[K]> };
  sla?: Partial<SlaSettings>;
  notifications?: Partial<NotificationSettings>;
};

export function mergeSettings(current: HealthSettings, patch: HealthSettingsPatch): HealthSettings {
  const rules = { ...current.rules } as Record<RuleId, object>;
  for (const id of RULE_IDS) {
    const change = patch.rules?.[id];
    if (change) rules[id] = { ...rules[id], ...change };
  }
  return {
    rules: rules as RuleSettings,
    sla: { ...current.sla, ...patch.sla },
    notifications: { ...current.notifications, ...patch.notifications },
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Stored settings read back: anything missing (a rule added later) falls back to the default. */
export function withDefaults(stored: unknown): HealthSettings {
  if (!stored || typeof stored !== 'object') return DEFAULT_HEALTH_SETTINGS;
  return mergeSettings(DEFAULT_HEALTH_SETTINGS, stored as HealthSettingsPatch);
}

/** Every rule the schema cannot express; throws invalid_health_rules naming each problem. */
export function checkSettings(settings: HealthSettings): HealthSettings {
  const problems: string[] = [];
  const { rules, sla, notifications } = settings;
  const range = (path: string, value: number | null, min: number, max: number) => {
    if (value !== null && (!Number.isInteger(value) || value < min || value > max)) problems.push(`${path} must be an integer from ${min} to ${max}`);
  };
  range('rules.offline.windowSeconds', rules.offline.windowSeconds, 10, 86_400);
  range('rules.offline.silenceSeconds', rules.offline.silenceSeconds, 30, 86_400);
  range('rules.flapping.disconnects', rules.flapping.disconnects, 2, 100);
  range('rules.flapping.windowMinutes', rules.flapping.windowMinutes, 1, 1440);
  range('rules.failed-starts.threshold', rules['failed-starts'].threshold, 1, 100);
  range('rules.no-energy.threshold', rules['no-energy'].threshold, 1, 100);
  range('rules.stuck-status.minutes', rules['stuck-status'].minutes, 1, 1440);
  range('rules.stuck-status.afterSessionMinutes', rules['stuck-status'].afterSessionMinutes, 1, 10_080);
  range('rules.meter-stalled.minutes', rules['meter-stalled'].minutes, 1, 1440);
  range('rules.stuck-transaction.minutes', rules['stuck-transaction'].minutes, 1, 1440);
  range('rules.unavailable.graceSeconds', rules.unavailable.graceSeconds, 0, 86_400);
  range('rules.clock-drift.toleranceSeconds', rules['clock-drift'].toleranceSeconds, 1, 86_400);
  range('sla.detectMinutes', sla.detectMinutes, 1, 525_600);
  range('sla.remoteMinutes', sla.remoteMinutes, 1, 525_600);
  range('sla.dispatchMinutes', sla.dispatchMinutes, 1, 525_600);
  if (!(sla.detectMinutes <= sla.remoteMinutes && sla.remoteMinutes <= sla.dispatchMinutes)) {
    problems.push('sla clocks must not decrease: detectMinutes <= remoteMinutes <= dispatchMinutes');
  }
  for (const id of RULE_IDS) {
    if (!SEVERITIES.includes(rules[id].severity)) problems.push(`rules.${id}.severity must be one of ${SEVERITIES.join(', ')}`);
  }
  for (const list of ['recipients', 'escalation'] as const) {
    const addresses = notifications[list];
    if (addresses.length > 50) problems.push(`notifications.${list} holds at most 50 addresses`);
    for (const address of addresses) if (!EMAIL.test(address)) problems.push(`notifications.${list}: "${address}" is not an email address`);
    if (new Set(addresses).size !== addresses.length) problems.push(`notifications.${list} repeats an address`);
  }
  if (!SEVERITIES.includes(notifications.minSeverity)) problems.push('notifications.minSeverity is not a severity');
  if (problems.length > 0) throw new ApiError('invalid_health_rules', problems.join('; '), { problems });
  return settings;
}
