// The detection rules: from what is known about a station now, the conditions that hold. Pure. The
// detector raises an alert for each new condition (by key) and clears the alerts whose condition
// no longer holds, so "fires" and "clears" are the same function read twice.
import type { RuleId, RuleSettings, Severity } from './settings.js';
import type { ConnectorState, EvseCharging, StationHealthState } from './station-state.js';

export type Condition = {
  /** rule:evse:connector — one alert per key at a time. */
  key: string;
  rule: RuleId;
  severity: Severity;
  /** null: the station as a whole (incident scope). */
  evseId: number | null;
  connectorId: number | null;
  code: string | null;
  /** When the fault started (a disconnect, the status change). */
  detectedAt: Date;
  details: Record<string, unknown>;
};

export type DetectContext = {
  /** The heartbeat interval stations are given: silence shorter than that is normal. */
  heartbeatIntervalSeconds: number;
};

const seconds = (from: Date, to: Date) => (to.getTime() - from.getTime()) / 1000;
const scopeEvse = (evseId: number) => (evseId > 0 ? evseId : null);
const scopeConnector = (evseId: number, connectorId: number) => (evseId > 0 && connectorId > 0 ? connectorId : null);
const keyOf = (rule: RuleId, evseId: number | null, connectorId: number | null) => `${rule}:${evseId ?? 0}:${connectorId ?? 0}`;

function condition(rule: RuleId, rules: RuleSettings, evseId: number | null, connectorId: number | null, detectedAt: Date, details: Record<string, unknown>, code: string | null = null): Condition {
  return { key: keyOf(rule, evseId, connectorId), rule, severity: rules[rule].severity, evseId, connectorId, code, detectedAt, details };
}

/**
 * Whether the connector is occupied with no session running, why, and since when: 'waiting'
 * (plugged in and no session has started: 1.6 Preparing, 2.x Occupied with no session since the
 * plug-in), or 'parked' (the car stayed after its session ended normally: 1.6 Finishing, 2.x
 * Occupied since before the session's end, counted from the end).
 */
function occupiedIdle(c: ConnectorState, evse: EvseCharging | undefined): { kind: 'waiting' | 'parked'; from: Date } | null {
  if (c.rawStatus === 'Preparing') return { kind: 'waiting', from: c.since };
  if (c.rawStatus === 'Finishing') return { kind: 'parked', from: c.since };
  if (c.rawStatus !== 'Occupied' || c.occupancy !== 'Occupied' || evse?.active) return null;
  return evse?.endedAt && c.since <= evse.endedAt ? { kind: 'parked', from: evse.endedAt } : { kind: 'waiting', from: c.since };
}

/** When every connector of the EVSE became Available (null if one is not): a session there is one the station forgot. */
function availableSince(state: StationHealthState, evseId: number): Date | null {
  let latest: Date | null = null;
  for (const c of state.connectors) {
    if (c.evseId !== evseId) continue;
    if (c.occupancy !== 'Available') return null;
    if (latest === null || c.since > latest) latest = c.since;
  }
  return latest;
}

export function detect(state: StationHealthState, rules: RuleSettings, now: Date, context: DetectContext): Condition[] {
  const found: Condition[] = [];
  const offline = rules.offline;
  if (offline.enabled) {
    const silence = offline.silenceSeconds ?? context.heartbeatIntervalSeconds + offline.windowSeconds;
    if (!state.online && state.disconnectedAt && seconds(state.disconnectedAt, now) >= offline.windowSeconds) {
      found.push(condition('offline', rules, null, null, state.disconnectedAt, { cause: 'disconnected', since: state.disconnectedAt.toISOString() }));
    } else if (state.online && state.lastMessageAt && seconds(state.lastMessageAt, now) >= silence) {
      found.push(condition('offline', rules, null, null, state.lastMessageAt, { cause: 'silent', lastMessageAt: state.lastMessageAt.toISOString(), silenceSeconds: silence }));
    }
  }
  const flapping = rules.flapping;
  if (flapping.enabled) {
    const recent = (state.disconnects ?? []).filter((at) => seconds(at, now) < flapping.windowMinutes * 60);
    if (recent.length >= flapping.disconnects) {
      found.push(condition('flapping', rules, null, null, recent[flapping.disconnects - 1]!, { disconnects: recent.length, windowMinutes: flapping.windowMinutes, first: recent[0]!.toISOString() }));
    }
  }
  // A station that is offline says nothing about its connectors: only the offline alert counts.
  if (!state.online) return found;

  if (rules['failed-starts'].enabled && state.failedStarts >= rules['failed-starts'].threshold) {
    found.push(condition('failed-starts', rules, null, null, now, { consecutive: state.failedStarts }));
  }
  if (rules['clock-drift'].enabled && state.clockOffsetSeconds !== null && Math.abs(state.clockOffsetSeconds) > rules['clock-drift'].toleranceSeconds) {
    found.push(condition('clock-drift', rules, null, null, now, { offsetSeconds: Math.round(state.clockOffsetSeconds) }));
  }
  for (const [evseId, evse] of state.evses ?? []) {
    if (rules['no-energy'].enabled && evse.zeroEnergySessions >= rules['no-energy'].threshold) {
      found.push(condition('no-energy', rules, evseId, null, now, { consecutiveSessions: evse.zeroEnergySessions }));
    }
    if (rules['meter-stalled'].enabled && evse.charging && evse.progressAt && seconds(evse.progressAt, now) >= rules['meter-stalled'].minutes * 60) {
      found.push(condition('meter-stalled', rules, evseId, null, evse.progressAt, { energyWh: evse.energyWh, lastProgressAt: evse.progressAt.toISOString() }));
    }
    const freeSince = rules['stuck-transaction'].enabled && evse.active && evseId > 0 ? availableSince(state, evseId) : null;
    if (freeSince && seconds(freeSince, now) >= rules['stuck-transaction'].minutes * 60) {
      found.push(condition('stuck-transaction', rules, evseId, null, freeSince, { availableSince: freeSince.toISOString() }));
    }
  }
  for (const c of state.connectors) {
    const evseId = scopeEvse(c.evseId);
    const connectorId = scopeConnector(c.evseId, c.connectorId);
    const code = c.vendorErrorCode ?? (c.errorCode && c.errorCode !== 'NoError' ? c.errorCode : null);
    const facts = { rawStatus: c.rawStatus, errorCode: c.errorCode, vendorErrorCode: c.vendorErrorCode, info: c.info, since: c.since.toISOString() };
    if (rules.faulted.enabled && c.occupancy === 'Faulted') {
      found.push(condition('faulted', rules, evseId, connectorId, c.since, facts, code));
    } else if (rules.faulted.enabled && c.heldFault) {
      // Out of service after a fault: the same alert holds (set-inoperative is no repair).
      const held = c.heldFault;
      const heldCode = held.vendorErrorCode ?? (held.errorCode && held.errorCode !== 'NoError' ? held.errorCode : null);
      found.push(condition('faulted', rules, evseId, connectorId, held.since, { ...facts, errorCode: held.errorCode, vendorErrorCode: held.vendorErrorCode, info: held.info, heldWhileUnavailable: true }, heldCode));
    }
    const commanded = state.availabilityCommandedAt !== null && seconds(state.availabilityCommandedAt, c.since) <= 300;
    if (rules.unavailable.enabled && c.occupancy === 'Unavailable' && !commanded && seconds(c.since, now) >= rules.unavailable.graceSeconds) {
      found.push(condition('unavailable', rules, evseId, connectorId, c.since, facts, code));
    }
    const stuck = rules['stuck-status'];
    const idle = stuck.enabled && c.evseId > 0 ? occupiedIdle(c, state.evses?.get(c.evseId)) : null;
    const limitMinutes = idle === null ? null : idle.kind === 'waiting' ? stuck.minutes : stuck.afterSessionMinutes;
    if (idle !== null && limitMinutes !== null && seconds(idle.from, now) >= limitMinutes * 60) {
      found.push(condition('stuck-status', rules, evseId, connectorId, idle.from, { ...facts, afterSession: idle.kind === 'parked', minutes: Math.floor(seconds(idle.from, now) / 60) }));
    }
  }
  return found;
}
