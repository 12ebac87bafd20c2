// A finished session's record -> the timeline the pricing engine prices. Charging and parking are
// told apart by the energy register: an interval between two register readings in which energy
// was delivered is charging, one without is parking (idle). Power and current come from the
// latest sample at or before each interval's start. Meter values are stored in base units
// (Wh, W, A) by the sessions module.
import { Decimal } from '../tariffs/pricing/money.js';
import type { SessionTimeline, TimelineInterval } from '../tariffs/pricing/session-timeline.js';

export type SessionFacts = { startedAt: Date; endedAt: Date; meterStartWh: string | null; energyWh: string };
export type MeterRow = { sampledAt: Date; measurand: string; phase: string | null; value: string; unit: string | null };

const REGISTER = 'Energy.Active.Import.Register';

export function timelineFromSession(session: SessionFacts, meters: MeterRow[], timeZone: string): { timeline: SessionTimeline; notes: string[] } {
  const notes: string[] = [];
  const start = session.startedAt.getTime();
  const end = session.endedAt.getTime();
  const total = new Decimal(session.energyWh);
  const inside = (row: MeterRow) => row.sampledAt.getTime() > start && row.sampledAt.getTime() < end;
  const readings = meters.filter((m) => m.measurand === REGISTER && (m.phase === null || m.phase === '') && m.unit === 'Wh' && inside(m))
    .sort((a, b) => a.sampledAt.getTime() - b.sampledAt.getTime());

  // Points (instant, cumulative energy since the start); the end point carries the session's own
  // total, which the sessions module computed with resets and rollovers accounted for.
  const origin = session.meterStartWh !== null ? new Decimal(session.meterStartWh) : readings[0] ? new Decimal(readings[0].value) : null;
  const points: Array<{ at: number; energy: Decimal }> = [{ at: start, energy: new Decimal(0) }];
  let running = new Decimal(0);
  for (const reading of readings) {
    const at = reading.sampledAt.getTime();
    if (origin === null || at <= points[points.length - 1]!.at) continue;
    const value = new Decimal(reading.value).minus(origin);
    // Never backwards (a reset or a bad sample): the energy since the previous point counts as 0.
    running = Decimal.max(running, Decimal.min(value, total));
    points.push({ at, energy: running });
  }
  points.push({ at: end, energy: Decimal.max(total, running) });
  if (running.greaterThan(total)) notes.push(`register readings exceed the session energy ${total.toFixed()} Wh; capped`);

  const intervals: TimelineInterval[] = [];
  for (let i = 1; i < points.length; i++) {
    const from = points[i - 1]!;
    const to = points[i]!;
    if (to.at <= from.at) continue;
    const delivered = to.energy.minus(from.energy);
    intervals.push({
      from: new Date(from.at).toISOString(), to: new Date(to.at).toISOString(),
      state: delivered.greaterThan(0) ? 'charging' : 'parking',
      energyWh: delivered.toFixed(),
      ...measuredAt(meters, from.at),
    });
  }
  if (intervals.length === 0) {
    intervals.push({ from: session.startedAt.toISOString(), to: new Date(Math.max(end, start + 1)).toISOString(), state: total.greaterThan(0) ? 'charging' : 'parking', energyWh: total.toFixed() });
    notes.push('the session has no duration: priced as one instant');
  }
  return { timeline: { timeZone, intervals }, notes };
}

/** Power (kW) and summed phase current (A) of the latest sample at or before `at`. */
function measuredAt(meters: MeterRow[], at: number): { powerKw?: string; currentA?: string } {
  const latest = (measurand: string) => {
    const rows = meters.filter((m) => m.measurand === measurand && m.sampledAt.getTime() <= at);
    if (rows.length === 0) return [];
    const when = Math.max(...rows.map((r) => r.sampledAt.getTime()));
    return rows.filter((r) => r.sampledAt.getTime() === when);
  };
  const result: { powerKw?: string; currentA?: string } = {};
  const power = latest('Power.Active.Import').filter((r) => r.phase === null || r.phase === '');
  if (power[0] && power[0].unit === 'W') result.powerKw = new Decimal(power[0].value).div(1000).toFixed();
  const phases = latest('Current.Import').filter((r) => r.phase && /^L[123]$/.test(r.phase) && r.unit === 'A');
  const total = latest('Current.Import').filter((r) => !r.phase && r.unit === 'A');
  if (phases.length > 0) result.currentA = phases.reduce((s, r) => s.plus(r.value), new Decimal(0)).toFixed();
  else if (total[0]) result.currentA = new Decimal(total[0].value).toFixed();
  return result;
}
