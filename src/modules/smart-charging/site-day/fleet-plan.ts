// The EVs of a simulated site day (pure, seeded): a workplace-and-evening pattern. Most arrive in
// the morning (normal around 08:30, sd 1 h) and stay a working day (6-9 h); the rest arrive in the
// late afternoon and evening (around 17:30, sd 1.5 h) and stay 2-4 h. Batteries 40-100 kWh arrive
// at 10-60 % and want 80-100 %; one in five charges on a single phase (on-board 32 A), the rest on
// three (16 A or 32 A).
import type { EvProfile } from '../../../simulator/charging-model.js';
import { seededRandom } from '../allocator/random-site.js';

export type PlannedEv = { index: number; arriveS: number; departS: number; ev: EvProfile };

const HOUR = 3600;

export function planFleet(count: number, seed: number, morningShare = 0.7): PlannedEv[] {
  const rnd = seededRandom(seed);
  const normal = (mean: number, sd: number) => mean + sd * Math.sqrt(-2 * Math.log(Math.max(rnd(), 1e-9))) * Math.cos(2 * Math.PI * rnd());
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const evs: PlannedEv[] = [];
  for (let index = 0; index < count; index++) {
    const morning = rnd() < morningShare;
    const arriveS = Math.round(clamp(morning ? normal(8.5, 1) : normal(17.5, 1.5), 5.5, 21.5) * HOUR);
    const stayS = Math.round((morning ? 6 + rnd() * 3 : 2 + rnd() * 2) * HOUR);
    const singlePhase = rnd() < 0.2;
    const ev: EvProfile = {
      batteryKwh: Math.round(40 + rnd() * 60), socPercent: Math.round(10 + rnd() * 50), targetSocPercent: Math.round(80 + rnd() * 20),
      acPhases: singlePhase ? 1 : 3, acMaxAmps: singlePhase || rnd() < 0.5 ? 32 : 16, dcMaxKw: 100, taperStartPercent: 80, batteryVolts: 400,
    };
    evs.push({ index, arriveS, departS: Math.min(24 * HOUR - 60, arriveS + stayS), ev });
  }
  return evs.sort((a, b) => a.arriveS - b.arriveS || a.index - b.index);
}
