import { add, compare, decimal, formatDecimal, shift, subtract, ZERO, type Decimal } from './decimal.js';

/** A register reading of the session's energy meter, in Wh (decimal text). */
export type EnergyPoint = { at: Date; wh: string };

/** A reading being applied; `fresh` marks readings of the message at hand (vs. stored history). */
export type EnergyReading = { at: Date; wh: Decimal; fresh: boolean };

export type MeterDrop = { kind: 'meter-reset' | 'meter-backwards'; from: EnergyPoint; to: EnergyPoint };

export type EnergyTotals = {
  /** Sum of the positive deltas between consecutive readings (in time order). */
  energyWh: Decimal;
  first: EnergyReading | null;
  last: EnergyReading | null;
  /** Drops that involve a fresh reading (history drops were reported when they arrived). */
  drops: MeterDrop[];
};

const point = (reading: EnergyReading): EnergyPoint => ({ at: reading.at, wh: formatDecimal(reading.wh) });

/** Stable time order: readings with the same instant keep their arrival order. */
export function byTime(readings: EnergyReading[]): EnergyReading[] {
  return readings.map((reading, index) => ({ reading, index }))
    .sort((a, b) => a.reading.at.getTime() - b.reading.at.getTime() || a.index - b.index)
    .map(({ reading }) => reading);
}

/**
 * Energy from register readings: the sum of positive deltas between consecutive readings. A drop
 * (the register restarted near zero after a meter reset or a rollover, or went backwards) is
 * recorded, contributes nothing, and the next deltas count from the new value: energy that cannot
 * be proven is never billed, and a drop never becomes negative energy. A drop to at most 1 % of the
 * previous reading is called a reset, anything else going backwards.
 */
export function accumulate(start: { energyWh: Decimal; last: EnergyReading | null }, readings: EnergyReading[]): EnergyTotals {
  let { energyWh, last } = start;
  let first: EnergyReading | null = null;
  const drops: MeterDrop[] = [];
  // One reading (the steady case) is in time order already: no sort arrays.
  for (const reading of readings.length < 2 ? readings : byTime(readings)) {
    first ??= reading;
    if (last) {
      if (compare(reading.wh, last.wh) >= 0) {
        energyWh = add(energyWh, subtract(reading.wh, last.wh));
      } else if (reading.fresh || last.fresh) {
        const kind = compare(shift(reading.wh, 2), last.wh) <= 0 ? 'meter-reset' : 'meter-backwards';
        drops.push({ kind, from: point(last), to: point(reading) });
      }
    }
    last = reading;
  }
  return { energyWh, first, last, drops };
}

export type EnergyUpdate =
  /** The new readings continue the series: applied incrementally. */
  | { kind: 'incremental'; totals: EnergyTotals }
  /** A new reading is older than the last applied one: recompute from the whole series. */
  | { kind: 'needs-history' };

/** Applies new readings after the last applied one, or asks for the whole series when one is older. */
export function extendEnergy(energyWh: string, last: EnergyPoint | null, readings: EnergyReading[]): EnergyUpdate {
  const lastReading = last ? { at: last.at, wh: decimal(last.wh), fresh: false } : null;
  if (lastReading && readings.some((reading) => reading.at.getTime() < lastReading.at.getTime())) {
    return { kind: 'needs-history' };
  }
  return { kind: 'incremental', totals: accumulate({ energyWh: decimal(energyWh), last: lastReading }, readings) };
}

/** Recomputes from the stored series plus the new readings (order of arrival does not matter). */
export function recomputeEnergy(history: EnergyPoint[], readings: EnergyReading[]): EnergyTotals {
  const stored = history.map((p): EnergyReading => ({ at: p.at, wh: decimal(p.wh), fresh: false }));
  return accumulate({ energyWh: ZERO, last: null }, [...stored, ...readings]);
}
