// Groups consecutive slices with the same state, tariff and components in force into charging
// periods (a new OCPI charging period starts whenever one of those changes).
import type { Decimal } from './money.js';
import { ZERO } from './money.js';
import type { Choice, SliceDimension } from './select-components.js';
import type { Slice } from './slice-timeline.js';

export type Period = {
  from: number;
  to: number;
  state: Slice['state'];
  tariffIndex: number;
  choices: Partial<Record<SliceDimension, Choice>>;
  energyWh: Decimal;
  durationMs: number;
  minPowerKw?: Decimal;
  maxPowerKw?: Decimal;
  minCurrentA?: Decimal;
  maxCurrentA?: Decimal;
  /** Index of the slice the period starts with (FLAT fees attach to a slice). */
  firstSlice: number;
};

const keyOf = (slice: Slice, choices: Period['choices']) => [
  slice.state, slice.tariffIndex,
  ...Object.entries(choices).sort(([a], [b]) => a.localeCompare(b))
    .map(([dimension, c]) => `${dimension}:${c.element.elementIndex}:${c.component.componentIndex}`),
].join('|');

const lower = (a: Decimal | undefined, b: Decimal | undefined) => (a === undefined ? b : b === undefined ? a : a.lessThan(b) ? a : b);
const higher = (a: Decimal | undefined, b: Decimal | undefined) => (a === undefined ? b : b === undefined ? a : a.greaterThan(b) ? a : b);

export function buildPeriods(slices: Slice[], choicesPerSlice: Array<Period['choices']>): Period[] {
  const periods: Period[] = [];
  let lastKey = '';
  slices.forEach((slice, index) => {
    const choices = choicesPerSlice[index]!;
    const key = keyOf(slice, choices);
    const current = periods[periods.length - 1];
    if (current && key === lastKey) {
      current.to = slice.to;
      current.energyWh = current.energyWh.plus(slice.energyWh);
      current.durationMs += slice.to - slice.from;
      current.minPowerKw = lower(current.minPowerKw, slice.powerKw);
      current.maxPowerKw = higher(current.maxPowerKw, slice.powerKw);
      current.minCurrentA = lower(current.minCurrentA, slice.currentA);
      current.maxCurrentA = higher(current.maxCurrentA, slice.currentA);
      return;
    }
    lastKey = key;
    periods.push({
      from: slice.from, to: slice.to, state: slice.state, tariffIndex: slice.tariffIndex, choices,
      energyWh: ZERO.plus(slice.energyWh), durationMs: slice.to - slice.from,
      minPowerKw: slice.powerKw, maxPowerKw: slice.powerKw, minCurrentA: slice.currentA, maxCurrentA: slice.currentA,
      firstSlice: index,
    });
  });
  return periods;
}
