// What the detector remembers about one station, and how each observation changes it. Pure: the
// caller passes the time the observation was received. One small object per station, so a sweep
// over 5,000 stations is a loop over a Map, not 5,000 timers.

export type ConnectorState = {
  evseId: number;
  connectorId: number;
  /** The status as the station spelled it (1.6: Preparing, Finishing, Charging...; 2.x: Occupied...). */
  rawStatus: string;
  occupancy: string;
  errorCode: string | null;
  vendorErrorCode: string | null;
  info: string | null;
  /** When the connector entered this status (receive time). */
  since: Date;
  /**
   * A fault the connector still has while Unavailable: taken out of service (a playbook's
   * set-inoperative, an operator) after Faulted hides the fault, it does not repair it.
   */
  heldFault: { errorCode: string | null; vendorErrorCode: string | null; info: string | null; since: Date } | null;
};

export type EvseCharging = {
  /** A session runs on the EVSE. */
  active: boolean;
  charging: boolean;
  energyWh: number | null;
  /** When the meter last moved forward, or charging began. */
  progressAt: Date | null;
  /** Sessions in a row that ended with 0 Wh. */
  zeroEnergySessions: number;
  /** When the last session on the EVSE ended, until the next starts: a car still plugged in since is parked, not stuck. */
  endedAt: Date | null;
};

export type StationHealthState = {
  tenantId: string;
  stationId: string;
  online: boolean;
  disconnectedAt: Date | null;
  /**
   * Recent drops of the link (receive time), oldest first; the detector keeps the last hour's.
   * Null until the first drop: most stations never drop, and idle memory is per station (issue 2).
   */
  disconnects: Date[] | null;
  /** The last message seen from the station (events here, heartbeats through stations.last_seen_at). */
  lastMessageAt: Date | null;
  /** Station time minus receive time at the last timestamped message, in seconds. */
  clockOffsetSeconds: number | null;
  /** Remote starts in a row that the station refused or did not answer. */
  failedStarts: number;
  /** Last ChangeAvailability the station answered: Unavailable after it is no surprise. */
  availabilityCommandedAt: Date | null;
  /**
   * In the order first reported, one entry per (evseId, connectorId). An array, not a Map keyed by
   * "evse:connector": a station has a handful of connectors, and the Map and its key strings were
   * most of an idle station's state (issue 2).
   */
  connectors: ConnectorState[];
  /** Null until the first charging observation (a station that only idles never needs the Map). */
  evses: Map<number, EvseCharging> | null;
};

export type Observation =
  | { kind: 'connected'; at: Date }
  | { kind: 'disconnected'; at: Date }
  | { kind: 'seen'; at: Date }
  | { kind: 'status'; at: Date; reportedAt: Date; evseId: number; connectorId: number; rawStatus: string; occupancy: string; chargingState: string | null; errorCode: string | null; vendorErrorCode: string | null; info: string | null }
  | { kind: 'session-started'; at: Date; evseId: number | null }
  | { kind: 'session-updated'; at: Date; evseId: number | null; energyWh: number | null; chargingState: string | null }
  | { kind: 'session-ended'; at: Date; evseId: number | null; energyWh: number | null }
  | { kind: 'remote-start-failed'; at: Date }
  | { kind: 'availability-commanded'; at: Date };

export function newStationState(tenantId: string, stationId: string): StationHealthState {
  return {
    tenantId, stationId, online: false, disconnectedAt: null, disconnects: [], lastMessageAt: null, clockOffsetSeconds: null,
    failedStarts: 0, availabilityCommandedAt: null, connectors: [], evses: null,
  };
}

const indexOfConnector = (state: StationHealthState, evseId: number, connectorId: number): number =>
  state.connectors.findIndex((c) => c.evseId === evseId && c.connectorId === connectorId);

function evse(state: StationHealthState, evseId: number): EvseCharging {
  state.evses ??= new Map();
  let found = state.evses.get(evseId);
  if (!found) {
    found = { active: false, charging: false, energyWh: null, progressAt: null, zeroEnergySessions: 0, endedAt: null };
    state.evses.set(evseId, found);
  }
  return found;
}

function setCharging(target: EvseCharging, charging: boolean, at: Date): void {
  if (charging && !target.charging) target.progressAt = at;
  target.charging = charging;
}

/** Applies one observation in place (the state is the detector's private memory). */
export function observe(state: StationHealthState, o: Observation): void {
  if (o.kind !== 'disconnected' && (state.lastMessageAt === null || o.at > state.lastMessageAt)) state.lastMessageAt = o.at;
  switch (o.kind) {
    case 'connected':
      state.online = true;
      state.disconnectedAt = null;
      return;
    case 'disconnected':
      state.online = false;
      state.disconnectedAt = o.at;
      state.disconnects ??= [];
      state.disconnects.push(o.at);
      // Bounded: a window longer than a day is refused by the settings, so older drops never count.
      while (state.disconnects.length > 0 && o.at.getTime() - state.disconnects[0]!.getTime() > 86_400_000) state.disconnects.shift();
      if (state.disconnects.length > 100) state.disconnects.splice(0, state.disconnects.length - 100);
      return;
    case 'seen':
      return;
    case 'status': {
      state.online = true;
      state.clockOffsetSeconds = (o.reportedAt.getTime() - o.at.getTime()) / 1000;
      const index = indexOfConnector(state, o.evseId, o.connectorId);
      const previous = index >= 0 ? state.connectors[index] : undefined;
      const heldFault = o.occupancy !== 'Unavailable' || !previous ? null
        : previous.heldFault ?? (previous.occupancy === 'Faulted' ? { errorCode: previous.errorCode, vendorErrorCode: previous.vendorErrorCode, info: previous.info, since: previous.since } : null);
      const next: ConnectorState = {
        evseId: o.evseId, connectorId: o.connectorId, rawStatus: o.rawStatus, occupancy: o.occupancy,
        errorCode: o.errorCode, vendorErrorCode: o.vendorErrorCode, info: o.info,
        since: previous && previous.rawStatus === o.rawStatus && previous.occupancy === o.occupancy ? previous.since : o.at,
        heldFault,
      };
      if (index >= 0) state.connectors[index] = next;
      else state.connectors.push(next);
      if (o.evseId > 0) {
        const charging = o.rawStatus === 'Charging' || o.chargingState === 'Charging';
        // An EVSE nobody charged on stays without an entry: a missing entry reads like a fresh one.
        if (charging || state.evses?.has(o.evseId)) setCharging(evse(state, o.evseId), charging, o.at);
      }
      return;
    }
    case 'session-started':
      state.failedStarts = 0;
      if (o.evseId !== null) Object.assign(evse(state, o.evseId), { active: true, energyWh: null, endedAt: null });
      return;
    case 'session-updated': {
      if (o.evseId === null) return;
      const target = evse(state, o.evseId);
      target.active = true;
      if (o.energyWh !== null && (target.energyWh === null || o.energyWh > target.energyWh)) {
        if (target.energyWh !== null || o.energyWh > 0) target.progressAt = o.at;
        target.energyWh = o.energyWh;
        if (o.energyWh > 0) target.zeroEnergySessions = 0;
      }
      if (o.chargingState !== null) setCharging(target, o.chargingState === 'Charging', o.at);
      return;
    }
    case 'session-ended': {
      if (o.evseId === null) return;
      const target = evse(state, o.evseId);
      target.active = false;
      target.charging = false;
      target.energyWh = null;
      target.endedAt = o.at;
      // Unknown energy (no meter in the messages) counts neither way.
      if (o.energyWh === 0) target.zeroEnergySessions += 1;
      else if (o.energyWh !== null) target.zeroEnergySessions = 0;
      return;
    }
    case 'remote-start-failed':
      state.failedStarts += 1;
      return;
    case 'availability-commanded':
      state.availabilityCommandedAt = o.at;
      return;
  }
}
