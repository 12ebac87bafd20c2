// The site day's independent observer: it reads the simulated stations, never ChargeOps. Per
// circuit (grid connection, two panels) and site phase it sums
//  - what could be drawn without ChargeOps: on each EVSE the limit its profiles give now (TxProfile
//    while charging, else the TxDefaultProfile a new EV would start at, under the station maximum;
//    none: the EVSE's 32 A), on the phases the plugged EV uses (an idle EVSE: all three);
//  - what the EVs really draw;
// and records every sample above its cap (the grid's is the signal's while it is in force).
// Sampled every simulated minute and at every limit change any station applies. Before each sample
// every station applies the profiles in force at that instant, as a real one does at a schedule
// boundary: at 1,000x a station's own timer lags by tens of simulated seconds of wall-clock jitter.
import { profileBookOf } from '../../../simulator/charging-profiles.js';
import type { SimulatedStation } from '../../../simulator/simulated-station.js';
import type { AcceleratedClock } from './accelerated-clock.js';

export type SiteDayReadings = {
  samples: number;
  violationCount: number;
  /** The first samples above a cap (at most 20). */
  violations: string[];
  /** Highest per-phase sums seen (A). */
  peakCouldDrawA: { grid: number; panels: number };
  peakDrawA: { grid: number; panels: number };
  /** Average grid draw (highest phase) / grid cap in force, over the day and over the minutes where the EVs wanted more than the cap. */
  utilisationPct: { day: number; constrained: number };
  constrainedMinutes: number;
};

export type MeterDeps = {
  clock: AcceleratedClock; stations: SimulatedStation[]; gridA: number; panelA: number; signalA: number;
  signal: { fromMs: number; toMs: number };
  panelOf: (stationIndex: number) => string;
  /** Site phase index of each EVSE phase, per station (its phase rotation). */
  sitePhasesOf: (stationIndex: number) => [number, number, number];
};

const EVSE_MAX_A = 32;

export class SiteDayMeter {
  readonly violations: string[] = [];
  private samples = 0;
  private peakCould = { grid: 0, panels: 0 };
  private peakDraw = { grid: 0, panels: 0 };
  private drawSum = 0;
  private capSum = 0;
  private drawSumConstrained = 0;
  private capSumConstrained = 0;
  private constrainedMinutes = 0;
  private lastMinuteMarkMs: number | undefined;
  private sampling = false;

  constructor(private readonly d: MeterDeps) {}

  /** Samples at every limit change a station applies, and every simulated minute. */
  watchLimitChanges(): void {
    for (const s of this.d.stations) {
      const setLimit = s.sessions.setLimit.bind(s.sessions);
      s.sessions.setLimit = (c, limit) => { setLimit(c, limit); this.sample(false); };
    }
    const minute = () => { this.sample(true); this.d.clock.setTimeout(minute, 60_000); };
    this.d.clock.setTimeout(minute, 60_000);
  }

  gridCapAt(ms: number): number {
    return ms >= this.d.signal.fromMs && ms < this.d.signal.toMs ? Math.min(this.d.gridA, this.d.signalA) : this.d.gridA;
  }

  sample(minuteMark: boolean): void {
    if (this.sampling) return;
    this.sampling = true;
    try {
      for (const s of this.d.stations) profileBookOf(s.sessions, 2).apply();
      this.measure(minuteMark);
    } finally {
      this.sampling = false;
    }
  }

  private measure(minuteMark: boolean): void {
    const now = this.d.clock.nowMs();
    const could = new Map<string, [number, number, number]>();
    const draw = new Map<string, [number, number, number]>();
    const demand: [number, number, number] = [0, 0, 0];
    const add = (map: Map<string, [number, number, number]>, key: string, phase: number, amps: number) => {
      const sums = map.get(key) ?? map.set(key, [0, 0, 0]).get(key)!;
      sums[phase]! += amps;
    };
    this.d.stations.forEach((s, i) => {
      const phases = this.d.sitePhasesOf(i);
      const panel = this.d.panelOf(i);
      for (const c of [1, 2]) {
        const ev = s.sessions.evOn(c);
        const limit = profileBookOf(s.sessions, 2).limitAt(c, now) ?? EVSE_MAX_A;
        const used = ev ? Math.min(3, ev.ev.acPhases) : 3;
        const instant = ev?.instant();
        for (let k = 0; k < used; k++) {
          for (const key of ['grid', panel]) add(could, key, phases[k]!, limit);
          const amps = instant?.currents[k] ?? 0;
          for (const key of ['grid', panel]) add(draw, key, phases[k]!, amps);
          if (ev && instant && instant.state !== 'SuspendedEV') demand[phases[k]!]! += Math.min(EVSE_MAX_A, ev.ev.acMaxAmps);
        }
      }
    });
    this.samples++;
    const gridCap = this.gridCapAt(now);
    const at = new Date(now).toISOString().slice(11, 19);
    for (const [key, sums] of could) {
      const cap = key === 'grid' ? gridCap : this.d.panelA;
      const worst = Math.max(...sums);
      if (worst > cap + 1e-6) this.violations.push(`${at} ${key} could draw ${worst.toFixed(1)} A > ${cap} A (${this.describe(now)})`);
      const peak = key === 'grid' ? 'grid' : 'panels';
      this.peakCould[peak] = Math.max(this.peakCould[peak], worst);
    }
    for (const [key, sums] of draw) {
      const cap = key === 'grid' ? gridCap : this.d.panelA;
      const worst = Math.max(...sums);
      if (worst > cap + 1e-6) this.violations.push(`${at} ${key} draws ${worst.toFixed(1)} A > ${cap} A`);
      const peak = key === 'grid' ? 'grid' : 'panels';
      this.peakDraw[peak] = Math.max(this.peakDraw[peak], worst);
    }
    if (!minuteMark) return;
    // Weighted by the simulated time since the previous minute mark (the wall clock's jitter moves them).
    const dt = this.lastMinuteMarkMs === undefined ? 60 : (now - this.lastMinuteMarkMs) / 1000;
    this.lastMinuteMarkMs = now;
    const gridDraw = Math.max(...(draw.get('grid') ?? [0, 0, 0]));
    this.drawSum += gridDraw * dt;
    this.capSum += gridCap * dt;
    if (Math.max(...demand) >= gridCap) {
      this.constrainedMinutes += dt / 60;
      this.drawSumConstrained += gridDraw * dt;
      this.capSumConstrained += gridCap * dt;
    }
  }

  /** Which profile each EVSE applies, for a sample above a cap. */
  private describe(now: number): string {
    return this.d.stations.flatMap((s, i) => [1, 2].map((c) => {
      const book = profileBookOf(s.sessions, 2);
      const tx = s.sessions.transactionOn(c) ? 'tx' : 'idle';
      const ids = book.list().filter((p) => p.evseId === c || p.evseId === 0).map((p) => `${p.id}:${p.periods[0]!.limit}${p.duration !== undefined && p.startSchedule !== undefined && now >= p.startSchedule + p.duration * 1000 ? '(ended)' : ''}`);
      return `${i}/${c} ${tx} ${(book.limitAt(c, now) ?? 32).toFixed(1)} [${ids.join(' ')}] ph${s.sessions.evOn(c)?.ev.acPhases ?? '-'}`;
    })).join('; ');
  }

  readings(): SiteDayReadings {
    const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 1000) / 10);
    return {
      samples: this.samples, violationCount: this.violations.length, violations: this.violations.slice(0, 20),
      peakCouldDrawA: { grid: round(this.peakCould.grid), panels: round(this.peakCould.panels) },
      peakDrawA: { grid: round(this.peakDraw.grid), panels: round(this.peakDraw.panels) },
      utilisationPct: { day: pct(this.drawSum, this.capSum), constrained: pct(this.drawSumConstrained, this.capSumConstrained) },
      constrainedMinutes: Math.round(this.constrainedMinutes),
    };
  }
}

const round = (v: number) => Math.round(v * 10) / 10;
