// Random site generator for property tests and the allocate benchmark: seeded, so a failing case
// is reproducible from its seed.
import type { AllocationInput, CircuitSpec, EvseSpec, PhaseRotation, SessionInput, Strategy } from './types.js';

export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROTATIONS: PhaseRotation[] = ['RST', 'RTS', 'SRT', 'STR', 'TRS', 'TSR'];
const STRATEGIES: Strategy[] = ['equal-share', 'priority', 'earliest-departure', 'cost-aware'];

export type RandomSiteShape = { circuits: number; evses: number; sessionShare: number; extras: boolean; strategy?: Strategy };

export function randomSite(seed: number, shape: RandomSiteShape): AllocationInput {
  const rnd = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rnd() * items.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const now = Date.parse('2026-06-01T12:00:00Z');
  const iso = (ms: number) => new Date(ms).toISOString();

  const circuits: CircuitSpec[] = [];
  for (let i = 0; i < shape.circuits; i++) {
    const c: CircuitSpec = { id: `c${i}`, parentId: i === 0 ? null : `c${int(0, i - 1)}` };
    const r = rnd();
    if (i === 0 || r < 0.8) c.maxCurrentA = rnd() < 0.7 ? int(16, 400) : [int(16, 400), int(16, 400), int(16, 400)];
    if (rnd() < 0.25) c.maxPowerKw = int(5, 300);
    circuits.push(c);
  }
  const evses: EvseSpec[] = [];
  for (let i = 0; i < shape.evses; i++) {
    const e: EvseSpec = { id: `e${i}`, circuitId: `c${int(0, shape.circuits - 1)}`, phases: pick([1, 3, 3, 3, 2] as const), maxCurrentA: pick([16, 32, 32, 63]) };
    if (rnd() < 0.6) e.phaseRotation = pick(ROTATIONS);
    if (shape.extras && rnd() < 0.05) { e.online = false; if (rnd() < 0.7) e.lastKnownLimitA = int(0, e.maxCurrentA); }
    evses.push(e);
  }
  const sessions: SessionInput[] = [];
  for (const e of evses) {
    if (rnd() >= shape.sessionShare) continue;
    const s: SessionInput = { sessionId: `s-${e.id}`, evseId: e.id, startedAt: iso(now - int(1, 600) * 60_000) };
    if (rnd() < 0.3) s.priority = int(0, 3);
    if (rnd() < 0.2) s.maxCurrentA = int(4, 40);
    if (rnd() < 0.5) { s.departureAt = iso(now + int(10, 900) * 60_000); s.energyNeededKwh = int(1, 80); }
    if (shape.extras && rnd() < 0.5) {
      s.previousLimitA = int(0, e.maxCurrentA);
      const draw = rnd() < 0.1 ? s.previousLimitA + int(2, 10) : rnd() * s.previousLimitA;
      s.measuredA = Array.from({ length: 3 }, (_, k) => (k < e.phases && (k === 0 || rnd() < 0.8) ? Math.round(draw * 10) / 10 : 0));
    }
    sessions.push(s);
  }
  const input: AllocationInput = { now: iso(now), strategy: shape.strategy ?? pick(STRATEGIES), topology: { voltageV: pick([230, 230, 220, 240]), circuits, evses }, sessions };
  if (shape.extras) {
    if (rnd() < 0.5) input.siteLoads = [{ circuitId: `c${int(0, shape.circuits - 1)}`, currentA: [int(0, 60), int(0, 60), int(0, 60)] }];
    if (rnd() < 0.4) input.pv = [{ circuitId: `c${int(0, shape.circuits - 1)}`, productionKw: int(0, 50) }];
    if (rnd() < 0.3) input.battery = { circuitId: 'c0', capacityKwh: int(10, 200), socPct: int(0, 100), minSocPct: int(0, 30), maxDischargeKw: int(5, 100), maxChargeKw: 50 };
    if (rnd() < 0.5) {
      input.externalCaps = [{ id: 'sig', circuitId: `c${int(0, shape.circuits - 1)}`, validFrom: iso(now - int(-60, 60) * 60_000), validUntil: iso(now + int(-30, 120) * 60_000),
        ...(rnd() < 0.5 ? { maxCurrentA: int(10, 200) } : { maxPowerKw: int(5, 150) }) }];
    }
    if (rnd() < 0.6) {
      input.prices = Array.from({ length: 24 }, (_, h) => ({ from: iso(now + h * 3_600_000), to: iso(now + (h + 1) * 3_600_000), pricePerKwh: Math.round(rnd() * 50) / 100 }));
    }
  }
  return input;
}
