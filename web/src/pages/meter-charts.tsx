import type { SessionDetail } from '../api/types.js';
import { LineChart, type Point } from '../components/line-chart.js';

/** A measurand's readings (summed over phases at equal timestamps is not attempted: the unphased series is used). */
export function seriesOf(detail: SessionDetail, measurand: string): { points: Point[]; unit: string } {
  const candidates = detail.meterSeries.filter((s) => s.measurand === measurand);
  const series = candidates.find((s) => s.phase === null) ?? candidates[0];
  if (!series) return { points: [], unit: '' };
  const points = series.points.flatMap((p) => (p.value === null ? [] : [{ t: Date.parse(p.at), v: Number(p.value) }]));
  return { points, unit: series.unit ?? '' };
}

export function MeterCharts({ detail }: { detail: SessionDetail }) {
  const power = seriesOf(detail, 'Power.Active.Import');
  const energy = seriesOf(detail, 'Energy.Active.Import.Register');
  return (
    <div className="charts">
      <LineChart label="Power" unit={power.unit || 'W'} points={power.points} />
      <LineChart label="Energy" unit={energy.unit || 'Wh'} points={energy.points} />
    </div>
  );
}
