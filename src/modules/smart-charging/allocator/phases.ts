// Mapping an EVSE's own phases onto the site's phases. A single-phase EV charges on the EVSE's L1;
// which site phase that is depends on how the EVSE was wired (its phase rotation). Installers rotate
// single-phase chargers across L1/L2/L3 precisely so that the site stays balanced; the allocator
// must know it, or it would overload one phase while believing the load is spread.
import type { PhaseRotation, PhaseValues, SitePhase } from './types.js';

export const SITE_PHASES: readonly SitePhase[] = ['L1', 'L2', 'L3'];

const LETTER_TO_INDEX: Record<string, number> = { R: 0, S: 1, T: 2 };

/** Site phase index (0 = L1) feeding each EVSE phase (index 0 = the EVSE's L1). */
export function sitePhaseIndexes(rotation: PhaseRotation | undefined): [number, number, number] {
  const letters = (rotation ?? 'RST').split('');
  return [LETTER_TO_INDEX[letters[0]!]!, LETTER_TO_INDEX[letters[1]!]!, LETTER_TO_INDEX[letters[2]!]!];
}

/**
 * How many of the session's phases sit on each site phase (0 or 1 each): the weight of one ampere
 * of EVSE limit on the site's L1, L2, L3.
 */
export function phaseWeights(rotation: PhaseRotation | undefined, phasesUsed: number): [number, number, number] {
  const map = sitePhaseIndexes(rotation);
  const weights: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < phasesUsed; k++) weights[map[k]!]! += 1;
  return weights;
}

/** Per-EVSE-phase measurements moved onto site phases. */
export function toSitePhases(rotation: PhaseRotation | undefined, perEvsePhase: readonly number[]): [number, number, number] {
  const map = sitePhaseIndexes(rotation);
  const out: [number, number, number] = [0, 0, 0];
  for (let k = 0; k < 3; k++) out[map[k]!]! += perEvsePhase[k] ?? 0;
  return out;
}

export function expandPhases(values: PhaseValues): [number, number, number] {
  return typeof values === 'number' ? [values, values, values] : [values[0], values[1], values[2]];
}

/** Site phases listed once per unit of weight: what an EVSE limit loads. */
export function sitePhasesOf(weights: readonly [number, number, number]): SitePhase[] {
  const out: SitePhase[] = [];
  weights.forEach((w, p) => { for (let n = 0; n < w; n++) out.push(SITE_PHASES[p]!); });
  return out;
}

/** sitePhasesOf for weights given one by one (no intermediate array). */
export function sitePhasesFrom(w0: number, w1: number, w2: number): SitePhase[] {
  const out: SitePhase[] = [];
  for (let n = 0; n < w0; n++) out.push('L1');
  for (let n = 0; n < w1; n++) out.push('L2');
  for (let n = 0; n < w2; n++) out.push('L3');
  return out;
}
