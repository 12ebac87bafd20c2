// Cap vs load of one constraint (a circuit's phase in A, or its power in kW) as a bar: a meter for
// assistive technology, with the figures as text beside it (never colour alone). Styles:
// dashboard-extra.css, imported by the pages (component tests load no CSS).

export type PhaseBarProps = { label: string; load: number; cap: number; unit: 'A' | 'kW'; overloaded?: boolean };

/** Share of the cap in use, 0..1 (a zero cap with load is full), and the band it falls in. */
export function usageOf(load: number, cap: number): { share: number; band: 'ok' | 'high' | 'over' } {
  const share = cap <= 0 ? (load > 0 ? Infinity : 0) : load / cap;
  const band = share > 1 + 1e-9 ? 'over' : share >= 0.95 ? 'high' : 'ok';
  return { share: Math.min(Math.max(share, 0), 1), band };
}

const fmt = (n: number) => (Math.round(n * 10) / 10).toLocaleString(undefined, { maximumFractionDigits: 1 });

export function PhaseBar({ label, load, cap, unit, overloaded = false }: PhaseBarProps) {
  const { share, band } = usageOf(load, cap);
  const state = overloaded ? 'over' : band;
  const text = `${fmt(load)} of ${fmt(cap)} ${unit}${state === 'over' ? ' – over the cap' : state === 'high' ? ' – at the cap' : ''}`;
  return (
    <div className="phase-bar" data-testid={`phase-${label}`}>
      <span>{label}</span>
      <div className="phase-track" role="meter" aria-label={label} aria-valuemin={0} aria-valuemax={cap} aria-valuenow={Math.round(load * 10) / 10} aria-valuetext={text}>
        <div className={`phase-fill ${state}`} style={{ width: `${share * 100}%` }} />
      </div>
      <span className="phase-figure">{text}</span>
    </div>
  );
}
