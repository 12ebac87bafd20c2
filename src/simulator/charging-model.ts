// The physics of one simulated charge: what an EVSE can give, what an EV takes, and a limit the
// CSMS may impose (smart charging). AC power is phases x 230 V x amps (3.7 kW on one phase at
// 16 A up to 22 kW on three at 32 A); DC power follows the EV's SoC taper curve (full power up to a
// knee, then falling linearly towards the target SoC).

export const AC_PHASE_VOLTAGE = 230;
/** IEC 61851-1: below 6 A an AC EV cannot charge; a lower limit suspends charging. */
export const AC_MIN_AMPS = 6;
/** DC power never falls below this while the EV still wants energy (the tail of the taper). */
const DC_TAIL_WATTS = 1500;
/** Integration step: power is held constant this long. */
const STEP_SECONDS = 1;

export type EvseProfile =
  | { kind: 'AC'; phases: 1 | 3; maxAmps: number }
  | { kind: 'DC'; maxKw: number };

export type EvProfile = {
  batteryKwh: number;
  /** State of charge when the EV arrives. */
  socPercent: number;
  /** The EV stops taking energy here (SuspendedEV). */
  targetSocPercent: number;
  /** On-board charger: phases and amps per phase it accepts on AC. */
  acPhases: 1 | 3;
  acMaxAmps: number;
  /** Peak DC power and the SoC where the taper begins. */
  dcMaxKw: number;
  taperStartPercent: number;
  /** Nominal DC battery voltage (400 V or 800 V class). */
  batteryVolts: number;
};

/**
 * A charging limit, as SetChargingProfile would impose it: amps per phase, watts, or both (the
 * lower wins). An absent field is no limit.
 */
export type ChargingLimit = { amps?: number; watts?: number };

export type ChargingState = 'Charging' | 'SuspendedEV' | 'SuspendedEVSE';

/** Instantaneous readings, as a meter would sample them. */
export type Instant = {
  state: ChargingState;
  powerW: number;
  voltageV: number;
  /** Amps per active phase (AC: L1..Ln), or one DC current. */
  currents: number[];
  socPercent: number;
};

export class ChargingModel {
  private soc: number;
  private limit: ChargingLimit = {};

  constructor(readonly evse: EvseProfile, readonly ev: EvProfile) {
    this.soc = ev.socPercent;
  }

  get socPercent(): number {
    return this.soc;
  }

  get currentLimit(): ChargingLimit {
    return { ...this.limit };
  }

  /** Applies a limit from now on; `undefined` or `{}` lifts it. Negative values count as 0. */
  setLimit(limit: ChargingLimit | undefined): void {
    const next: ChargingLimit = {};
    if (limit?.amps !== undefined) next.amps = Math.max(0, limit.amps);
    if (limit?.watts !== undefined) next.watts = Math.max(0, limit.watts);
    this.limit = next;
  }

  instant(): Instant {
    if (this.soc >= this.ev.targetSocPercent) return this.idle('SuspendedEV');
    return this.evse.kind === 'AC' ? this.acInstant(this.evse) : this.dcInstant(this.evse);
  }

  /** Charges for `seconds` and returns the energy delivered in Wh (not rounded). */
  advance(seconds: number): number {
    let energyWh = 0;
    for (let done = 0; done < seconds; done += STEP_SECONDS) {
      const step = Math.min(STEP_SECONDS, seconds - done);
      const { powerW } = this.instant();
      if (powerW <= 0) break; // nothing changes until a limit or the EV does
      const stepWh = (powerW * step) / 3600;
      energyWh += stepWh;
      this.soc = Math.min(100, this.soc + (stepWh / (this.ev.batteryKwh * 1000)) * 100);
    }
    return energyWh;
  }

  private acInstant(evse: Extract<EvseProfile, { kind: 'AC' }>): Instant {
    const phases = Math.min(evse.phases, this.ev.acPhases);
    let amps = Math.min(evse.maxAmps, this.ev.acMaxAmps, this.limit.amps ?? Infinity);
    if (this.limit.watts !== undefined) amps = Math.min(amps, this.limit.watts / (phases * AC_PHASE_VOLTAGE));
    // The EV's own taper above 95 %: half current, as most on-board chargers do near full.
    if (this.soc >= 95) amps = Math.min(amps, Math.max(AC_MIN_AMPS, this.ev.acMaxAmps / 2));
    if (amps < AC_MIN_AMPS) return this.idle('SuspendedEVSE');
    amps = Math.floor(amps * 10) / 10;
    return { state: 'Charging', powerW: phases * AC_PHASE_VOLTAGE * amps, voltageV: AC_PHASE_VOLTAGE, currents: Array(phases).fill(amps), socPercent: this.soc };
  }

  private dcInstant(evse: Extract<EvseProfile, { kind: 'DC' }>): Instant {
    const peak = Math.min(evse.maxKw, this.ev.dcMaxKw) * 1000;
    const knee = this.ev.taperStartPercent;
    const target = this.ev.targetSocPercent;
    const curve = this.soc <= knee ? peak : Math.max(DC_TAIL_WATTS, peak * (1 - (this.soc - knee) / (Math.max(target, 100) - knee)));
    // Battery voltage rises with SoC: about 90 % of nominal when empty to 105 % when full.
    const voltageV = this.ev.batteryVolts * (0.9 + 0.15 * (this.soc / 100));
    let powerW = Math.min(curve, this.limit.watts ?? Infinity);
    if (this.limit.amps !== undefined) powerW = Math.min(powerW, this.limit.amps * voltageV);
    if (powerW < 1) return this.idle('SuspendedEVSE');
    powerW = Math.round(powerW);
    return { state: 'Charging', powerW, voltageV: round1(voltageV), currents: [round1(powerW / voltageV)], socPercent: this.soc };
  }

  private idle(state: ChargingState): Instant {
    const voltageV = this.evse.kind === 'AC' ? AC_PHASE_VOLTAGE : round1(this.ev.batteryVolts * (0.9 + 0.15 * (this.soc / 100)));
    const phases = this.evse.kind === 'AC' ? Math.min(this.evse.phases, this.ev.acPhases) : 1;
    return { state, powerW: 0, voltageV, currents: Array(phases).fill(0), socPercent: this.soc };
  }
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** A small deterministic PRNG (mulberry32), so a seeded simulation repeats exactly. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A plausible EV for an EVSE: battery 40-100 kWh, arriving at 10-50 % SoC, wanting 80-100 %. */
export function randomEv(random: () => number): EvProfile {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const batteryKwh = pick([40, 58, 64, 77, 100]);
  return {
    batteryKwh,
    socPercent: Math.round(10 + random() * 40),
    targetSocPercent: pick([80, 90, 100]),
    acPhases: pick([1, 3, 3]),
    acMaxAmps: pick([16, 32]),
    dcMaxKw: pick([50, 100, 150, 250, 350]),
    taperStartPercent: pick([50, 60, 70, 80]),
    batteryVolts: batteryKwh >= 77 ? 800 : 400,
  };
}
