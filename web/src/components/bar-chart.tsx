/** A small SVG bar chart (no chart library in the bundle), with the values also readable as text. */
export type Bar = { label: string; value: number | null; note?: string };

export function BarChart({ bars, label, unit, max, height = 180, format = (v) => String(v) }: {
  bars: readonly Bar[]; label: string; unit: string; max?: number; height?: number; format?: (value: number) => string;
}) {
  if (bars.length === 0) return <p className="muted">No {label.toLowerCase()} to show.</p>;
  const width = 600;
  const pad = { left: 44, right: 8, top: 8, bottom: 26 };
  const top = max ?? Math.max(1, ...bars.map((b) => b.value ?? 0));
  const slot = (width - pad.left - pad.right) / bars.length;
  const barWidth = Math.max(2, Math.min(48, slot * 0.7));
  const y = (v: number) => pad.top + (1 - Math.min(v, top) / top) * (height - pad.top - pad.bottom);
  // Labels under the bars only when they fit; the list below always has them.
  const everyNth = Math.max(1, Math.ceil(bars.length / Math.floor((width - pad.left) / 70)));
  return (
    <figure className="chart bar-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${label} (${unit}), ${bars.length} bars`}>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} className="axis" />
        <text x={pad.left - 4} y={y(top) + 4} textAnchor="end" className="tick">{format(top)}</text>
        <text x={pad.left - 4} y={y(0)} textAnchor="end" className="tick">{format(0)}</text>
        {bars.map((b, i) => {
          const x = pad.left + i * slot + (slot - barWidth) / 2;
          return (
            <g key={`${b.label}-${i}`}>
              {b.value === null
                ? <text x={x + barWidth / 2} y={y(0) - 4} textAnchor="middle" className="tick">–</text>
                : <rect x={x} y={y(b.value)} width={barWidth} height={Math.max(0, y(0) - y(b.value))} className="bar"><title>{`${b.label}: ${format(b.value)} ${unit}`}</title></rect>}
              {i % everyNth === 0 && <text x={x + barWidth / 2} y={height - 8} textAnchor="middle" className="tick">{b.label}</text>}
            </g>
          );
        })}
      </svg>
      <figcaption>
        {label} ({unit})
        <ul className="bar-values" data-testid={`bars-${label}`}>
          {bars.map((b, i) => <li key={`${b.label}-${i}`}>{b.label}: <strong>{b.value === null ? '–' : format(b.value)}</strong>{b.note ? ` ${b.note}` : ''}</li>)}
        </ul>
      </figcaption>
    </figure>
  );
}
