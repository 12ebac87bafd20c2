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

/**
 * The register counts the meter's lifetime; the chart shows what this session delivered, as the
 * session total does: readings minus the meter at the start (or the first reading without one).
 */
export function sessionEnergy(detail: SessionDetail): { points: Point[]; unit: string } {
  const register = seriesOf(detail, 'Energy.Active.Import.Register');
  const kilo = register.unit === 'kWh';
  const startWh = detail.session.meterStartWh === null ? null : Number(detail.session.meterStartWh);
  const start = startWh !== null && Number.isFinite(startWh) ? (kilo ? startWh / 1000 : startWh) : register.points[0]?.v ?? 0;
  return { points: register.points.map((p) => ({ t: p.t, v: Math.max(0, p.v - start) })), unit: register.unit || 'Wh' };
}

export function MeterCharts({ detail }: { detail: SessionDetail }) {
  const power = seriesOf(detail, 'Power.Active.Import');
  const energy = sessionEnergy(detail);
  return (
    <div className="charts">
      <LineChart label="Power" unit={power.unit || 'W'} points={power.points} />
      <LineChart label="Energy this session" unit={energy.unit} points={energy.points} />
    </div>
  );
}
