// Cuts the timeline into slices inside which no restriction can change its verdict: at local
// times named by any restriction (and midnight, for dates and weekdays), at DST transitions, at
// the duration limits, at the energy limits, and where the tariff in force changes.
import type { CompiledTariff } from './compile-tariff.js';
import { Decimal } from './money.js';
import { splitAt, type ParsedInterval } from './session-timeline.js';
import { wallClockBoundaries } from './zoned-time.js';

export type TariffInForce = { tariff: CompiledTariff; from: number };

export type Slice = ParsedInterval & {
  /** Index into the tariffs in force. */
  tariffIndex: number;
  /** Energy delivered in the session before the slice starts, in Wh. */
  energyBeforeWh: Decimal;
  /** Milliseconds since the session (first charging or parking instant) started; 0 during a reservation. */
  elapsedMs: number;
};

export function sliceTimeline(intervals: ParsedInterval[], tariffs: TariffInForce[], timeZone: string): Slice[] {
  const start = intervals[0]!.from;
  const end = intervals[intervals.length - 1]!.to;
  const sessionStart = intervals.find((i) => i.state !== 'reservation')?.from;

  const clockMinutes = new Set<number>([0]);
  const durations = new Set<number>();
  const kwhLimits = new Set<string>();
  for (const { tariff } of tariffs) {
    for (const element of tariff.elements) {
      const r = element.restrictions;
      if (r.startMinute !== undefined) clockMinutes.add(r.startMinute);
      if (r.endMinute !== undefined) clockMinutes.add(r.endMinute);
      if (r.minDuration !== undefined) durations.add(r.minDuration);
      if (r.maxDuration !== undefined) durations.add(r.maxDuration);
      if (r.minKwh !== undefined) kwhLimits.add(r.minKwh.toFixed());
      if (r.maxKwh !== undefined) kwhLimits.add(r.maxKwh.toFixed());
    }
  }
  const cuts = new Set<number>(wallClockBoundaries(start, end, timeZone, [...clockMinutes]));
  if (sessionStart !== undefined) for (const seconds of durations) cuts.add(sessionStart + seconds * 1000);
  for (const { from } of tariffs) cuts.add(from);
  const sortedCuts = [...cuts].filter((c) => c > start && c < end).sort((a, b) => a - b);

  // 1. Cut at instants.
  const timeSliced: ParsedInterval[] = [];
  let cutIndex = 0;
  for (const interval of intervals) {
    let rest = interval;
    while (cutIndex < sortedCuts.length && sortedCuts[cutIndex]! <= rest.from) cutIndex++;
    while (cutIndex < sortedCuts.length && sortedCuts[cutIndex]! < rest.to) {
      const [before, after] = splitAt(rest, sortedCuts[cutIndex]!);
      timeSliced.push(before);
      rest = after;
      cutIndex++;
    }
    timeSliced.push(rest);
  }

  // 2. Cut where the delivered energy crosses a kWh limit: the energy is split exactly at the
  // limit, the instant is interpolated to the millisecond.
  const limitsWh = [...kwhLimits].map((k) => new Decimal(k).times(1000)).sort((a, b) => a.comparedTo(b));
  const slices: Slice[] = [];
  let delivered = new Decimal(0);
  const tariffAt = (instant: number) => {
    let index = 0;
    tariffs.forEach((t, i) => { if (t.from <= instant) index = i; });
    return index;
  };
  const push = (piece: ParsedInterval) => {
    slices.push({
      ...piece,
      tariffIndex: tariffAt(piece.from),
      energyBeforeWh: delivered,
      elapsedMs: sessionStart === undefined || piece.from < sessionStart ? 0 : piece.from - sessionStart,
    });
    delivered = delivered.plus(piece.energyWh);
  };
  for (const piece of timeSliced) {
    let rest = piece;
    for (const limit of limitsWh) {
      const after = delivered.plus(rest.energyWh);
      if (!(limit.greaterThan(delivered) && limit.lessThan(after))) continue;
      const needed = limit.minus(delivered);
      const at = rest.from + new Decimal(rest.to - rest.from).times(needed).div(rest.energyWh).round().toNumber();
      if (at <= rest.from || at >= rest.to) continue; // below a millisecond: not worth a slice
      push({ ...rest, to: at, energyWh: needed });
      rest = { ...rest, from: at, energyWh: rest.energyWh.minus(needed) };
    }
    push(rest);
  }
  return slices;
}
