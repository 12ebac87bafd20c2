// The period picker of the finance pages: a calendar month by default, [from, to) in local dates.
import { useState } from 'react';

const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

export function monthOf(offset: number, today = new Date()): { from: string; to: string } {
  return { from: iso(new Date(today.getFullYear(), today.getMonth() + offset, 1)), to: iso(new Date(today.getFullYear(), today.getMonth() + offset + 1, 1)) };
}

/** The period as ISO instants (local midnights), for the API's from/to query. */
export const instants = (p: { from: string; to: string }) => ({ from: new Date(`${p.from}T00:00`).toISOString(), to: new Date(`${p.to}T00:00`).toISOString() });

export function usePeriod() {
  return useState(() => {
    // This month, through tomorrow: what ended today is in it.
    const month = monthOf(0);
    return month;
  });
}

export function PeriodPicker({ value, onChange }: { value: { from: string; to: string }; onChange(next: { from: string; to: string }): void }) {
  return (
    <div className="filters">
      <label>From<input type="date" required value={value.from} onChange={(e) => onChange({ ...value, from: e.target.value })} /></label>
      <label>To (exclusive)<input type="date" required value={value.to} onChange={(e) => onChange({ ...value, to: e.target.value })} /></label>
      <button type="button" onClick={() => onChange(monthOf(0))}>This month</button>
      <button type="button" onClick={() => onChange(monthOf(-1))}>Last month</button>
      <button type="button" onClick={() => {
        const today = new Date();
        const q = Math.floor(today.getMonth() / 3) * 3;
        onChange({ from: iso(new Date(today.getFullYear(), q, 1)), to: iso(new Date(today.getFullYear(), q + 3, 1)) });
      }}>This quarter</button>
    </div>
  );
}
