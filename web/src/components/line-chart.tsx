/** A hand-drawn SVG line chart: enough for a meter series, no chart library in the bundle. */
export type Point = { t: number; v: number };

export function LineChart({ points, label, unit, height = 160 }: { points: readonly Point[]; label: string; unit: string; height?: number }) {
  const width = 600;
  const pad = { left: 48, right: 8, top: 8, bottom: 22 };
  if (points.length === 0) return <p className="muted">No {label.toLowerCase()} readings yet.</p>;
  const ts = points.map((p) => p.t);
  const vs = points.map((p) => p.v);
  const [t0, t1] = [Math.min(...ts), Math.max(...ts)];
  const [v0, v1] = [Math.min(0, ...vs), Math.max(...vs, 1)];
  const x = (t: number) => pad.left + (t1 === t0 ? 0 : ((t - t0) / (t1 - t0)) * (width - pad.left - pad.right));
  const y = (v: number) => pad.top + (1 - (v - v0) / (v1 - v0)) * (height - pad.top - pad.bottom);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
  const last = points[points.length - 1]!;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label}: latest ${last.v} ${unit}, ${points.length} readings`}>
        <line x1={pad.left} x2={width - pad.right} y1={y(v0)} y2={y(v0)} className="axis" />
        <line x1={pad.left} x2={pad.left} y1={pad.top} y2={height - pad.bottom} className="axis" />
        <text x={pad.left - 4} y={y(v1) + 4} textAnchor="end" className="tick">{formatTick(v1)}</text>
        <text x={pad.left - 4} y={y(v0)} textAnchor="end" className="tick">{formatTick(v0)}</text>
        <text x={pad.left} y={height - 6} className="tick">{new Date(t0).toLocaleTimeString()}</text>
        <text x={width - pad.right} y={height - 6} textAnchor="end" className="tick">{new Date(t1).toLocaleTimeString()}</text>
        <path d={path} className="series" fill="none" />
      </svg>
      <figcaption>{label} ({unit}): latest <strong data-testid={`chart-latest-${label}`}>{last.v}</strong></figcaption>
    </figure>
  );
}

function formatTick(value: number): string {
  return Math.abs(value) >= 1000 ? `${(value / 1000).toFixed(1)}k` : value.toFixed(0);
}
