// Inputs and outputs of the site allocator. Everything here is plain data (JSON-serialisable), so a
// scenario file is exactly an `AllocationInput` plus the expected `AllocationResult` parts.
//
// Units: currents in amperes (A) per phase, power in kW, energy in kWh, times as ISO-8601 strings.
// Phases are named after the site's grid connection (L1, L2, L3); an EVSE's own phases are mapped
// onto them by its phase rotation (see phases.ts).

export type SitePhase = 'L1' | 'L2' | 'L3';
/** One value for every phase, or one per phase in the order L1, L2, L3. */
export type PhaseValues = number | readonly [number, number, number];

/**
 * OCPP phase rotation of an EVSE relative to the site's grid connection (2.0.1 `PhaseRotation`):
 * the letters say which site phase (R = L1, S = L2, T = L3) feeds the EVSE's L1, L2 and L3.
 * `RST` is the standard wiring; `STR` feeds the EVSE's L1 from the site's L2, and so on.
 */
export type PhaseRotation = 'RST' | 'RTS' | 'SRT' | 'STR' | 'TRS' | 'TSR';

/** A node of the electrical tree. Exactly one circuit has no parent: the grid connection. */
export type CircuitSpec = {
  id: string;
  parentId: string | null;
  /** Breaker / fuse rating per phase. */
  maxCurrentA?: PhaseValues;
  /** Contracted or transformer power limit over all phases together (unity power factor). */
  maxPowerKw?: number;
};

export type EvseSpec = {
  /** Stable id of the EVSE, e.g. `<stationId>/<evseId>`. */
  id: string;
  circuitId: string;
  /** Phases wired to the EVSE (1, 2 or 3). */
  phases: 1 | 2 | 3;
  phaseRotation?: PhaseRotation;
  /** Hardware maximum per phase. */
  maxCurrentA: number;
  /** Lowest current the EVSE can signal (IEC 61851: 6 A); defaults to the option. */
  minCurrentA?: number;
  /** False when the station is disconnected from ChargeOps: it keeps its last limit. */
  online?: boolean;
  /** Last limit the station applied (what an offline station keeps drawing up to). */
  lastKnownLimitA?: number;
};

export type SiteTopology = {
  /** Nominal phase-to-neutral voltage used to convert between A and kW (e.g. 230). */
  voltageV: number;
  circuits: readonly CircuitSpec[];
  evses: readonly EvseSpec[];
};

/** Non-EV load measured by a site meter, attributed to a circuit (default: the grid connection). */
export type SiteLoad = { circuitId?: string; currentA: PhaseValues };

/** PV inverter output; assumed three-phase symmetric. */
export type PvProduction = { circuitId?: string; productionKw: number };

export type Battery = {
  circuitId?: string;
  capacityKwh: number;
  socPct: number;
  /** The battery is not discharged below this state of charge. */
  minSocPct?: number;
  maxDischargeKw: number;
  maxChargeKw: number;
};

/**
 * A dynamic cap from a grid operator or energy manager. It applies on `circuitId` (default the
 * grid connection) from `validFrom` until `validUntil` (its expiry). With a `schedule`, the period
 * whose offset (seconds since `validFrom`) was reached last gives the cap.
 */
export type ExternalCap = {
  id: string;
  source?: string;
  circuitId?: string;
  validFrom?: string;
  validUntil?: string;
  maxCurrentA?: PhaseValues;
  maxPowerKw?: number;
  schedule?: readonly { startOffsetSeconds: number; maxCurrentA?: PhaseValues; maxPowerKw?: number }[];
};

export type SessionInput = {
  sessionId: string;
  evseId: string;
  startedAt: string;
  /** Phases the EV charges on (defaults to the EVSE's). Measured draw may reveal fewer. */
  phases?: 1 | 2 | 3;
  minCurrentA?: number;
  /** The EV's own maximum per phase (ISO 15118 charging needs, or known from the vehicle). */
  maxCurrentA?: number;
  /** Latest measured current per EVSE phase (L1, L2, L3 of the EVSE, as its meter reports). */
  measuredA?: readonly number[];
  /** The limit the EVSE was last given. With `measuredA` it reveals unused power and misbehaviour. */
  previousLimitA?: number;
  /** Higher first. Default 0. */
  priority?: number;
  departureAt?: string;
  energyNeededKwh?: number;
};

/** A time-of-use price, valid on [from, to). */
export type PricePeriod = { from: string; to: string; pricePerKwh: number };

export type Strategy = 'equal-share' | 'priority' | 'earliest-departure' | 'cost-aware';

export type AllocationOptions = {
  /** Default 6 A (IEC 61851 minimum PWM current). */
  defaultMinCurrentA?: number;
  /** Headroom above a session's measured draw when it draws less than it was given. Default 2 A. */
  drawHeadroomA?: number;
  /** Draw above the previous limit tolerated before an EV counts as misbehaving. Default 1 A. */
  misbehaviourToleranceA?: number;
  /** Limits are rounded down to a multiple of this (OCPP 1.6 `multipleOf 0.1`). Default 0.1 A. */
  limitStepA?: number;
  /** Cost-aware planning assumes the EV gets this share of its maximum rate. Default 0.8. */
  plannedRateFactor?: number;
  /** Whether the battery may discharge to lift the caps above it. Default true. */
  useBattery?: boolean;
  /** Hours of discharge the battery must be able to sustain at the power it is given. Default 0.25. */
  batteryHorizonHours?: number;
};

export type AllocationInput = {
  now: string;
  strategy: Strategy;
  topology: SiteTopology;
  sessions: readonly SessionInput[];
  siteLoads?: readonly SiteLoad[];
  pv?: readonly PvProduction[];
  battery?: Battery;
  externalCaps?: readonly ExternalCap[];
  prices?: readonly PricePeriod[];
  options?: AllocationOptions;
};

/** Which constraint it is: a circuit's breaker or power limit, or an external cap on a circuit. */
export type ConstraintRef = {
  circuitId: string;
  /** A site phase, or `power` for a kW limit over all phases. */
  phase: SitePhase | 'power';
  source: 'circuit' | 'signal';
  signalId?: string;
};

/** Why an EVSE got the limit it got. */
export type LimitReason =
  /** A constraint became full while the session could still take more. */
  | ({ kind: 'constraint' } & ConstraintRef)
  /** Not enough room for the minimum current: paused at 0 A, waiting in the queue. */
  | ({ kind: 'min-current-starvation'; queuePosition: number } & ConstraintRef)
  | { kind: 'ev-max' }
  | { kind: 'evse-max' }
  /** The EV drew less than it was given: measured draw plus headroom. */
  | { kind: 'ev-draw'; measuredA: number }
  /** Cost-aware: cheaper hours before departure cover the energy needed. */
  | { kind: 'deferred-to-cheaper-hours'; nextChargeAt: string | null }
  /** Drew above its limit: its draw counts as-is and its limit is cut by the excess. */
  | { kind: 'misbehaving-ev'; measuredA: number; excessA: number }
  | { kind: 'offline-last-known' }
  | { kind: 'no-session' };

export type EvseAllocation = {
  evseId: string;
  sessionId: string | null;
  /** Per-phase current limit to dispatch. */
  limitA: number;
  /** Phases the limit applies to (number of phases the EV is charging on). */
  phases: number;
  /** Site phases this EVSE's limit loads (one entry per phase it draws on). */
  sitePhases: SitePhase[];
  reason: LimitReason;
  /** Set by the minimum-change step when it kept the previous limit instead of `computedA`. */
  held?: { computedA: number };
};

export type ConstraintUsage = ConstraintRef & {
  /** Effective cap, in A per phase (or, for `power`, in kW). */
  cap: number;
  /** Load after allocation (fixed loads + limits), same unit as `cap`. */
  load: number;
  /** True when the uncontrollable load alone is above the cap: nothing can be allocated there. */
  overloaded: boolean;
};

export type AllocationResult = {
  now: string;
  strategy: Strategy;
  evses: EvseAllocation[];
  constraints: ConstraintUsage[];
  /** Battery discharge needed to hold the caps with these limits (kW, 0 when none). */
  batteryDischargeKw: number;
};
