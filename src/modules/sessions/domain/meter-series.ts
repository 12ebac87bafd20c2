/** A stored sample as the session record shows it (value null: a signed blob without plain reading). */
export type SeriesSample = {
  sampledAt: Date; measurand: string; phase: string | null; location: string | null; context: string | null;
  unit: string | null; value: string | null; signed: unknown;
};

export type MeterSeries = {
  measurand: string;
  phase: string | null;
  location: string | null;
  unit: string | null;
  points: Array<{ at: Date; value: string | null; context: string | null; signed: unknown }>;
};

/**
 * Groups a session's samples into one series per measurand, phase, location and unit, each in
 * time order; series are ordered by measurand then phase (whole-EVSE values first).
 */
export function groupMeterSeries(samples: SeriesSample[]): MeterSeries[] {
  const series = new Map<string, MeterSeries>();
  for (const s of samples) {
    const key = JSON.stringify([s.measurand, s.phase, s.location, s.unit]);
    let entry = series.get(key);
    if (!entry) {
      entry = { measurand: s.measurand, phase: s.phase, location: s.location, unit: s.unit, points: [] };
      series.set(key, entry);
    }
    entry.points.push({ at: s.sampledAt, value: s.value, context: s.context, signed: s.signed });
  }
  const order = (v: string | null) => v ?? '';
  return [...series.values()]
    .map((entry) => ({ ...entry, points: entry.points.map((p, i) => ({ p, i })).sort((a, b) => a.p.at.getTime() - b.p.at.getTime() || a.i - b.i).map(({ p }) => p) }))
    .sort((a, b) => a.measurand.localeCompare(b.measurand) || order(a.phase).localeCompare(order(b.phase)) || order(a.location).localeCompare(order(b.location)));
}
