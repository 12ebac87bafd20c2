// Finance exports (GET /finance/revenue-by-site, /finance/tax): a period's CSV shown as a table and
// downloaded as a file.
import { useState } from 'react';
import { BillingTabs } from '../components/billing-tabs.js';
import { fetchFile, parseCsv, saveBlob } from '../components/download.js';
import { ProblemMessage } from '../components/problem-message.js';
import { instants, PeriodPicker, usePeriod } from './finance-period.js';

const EXPORTS = [
  { path: 'revenue-by-site', title: 'Revenue by site' },
  { path: 'tax', title: 'Tax by rate and country' },
] as const;

export function FinancePage() {
  const [period, setPeriod] = usePeriod();
  return (
    <section aria-labelledby="finance-title">
      <BillingTabs />
      <h1 id="finance-title">Finance exports</h1>
      <p className="muted">From the invoices and credit notes issued in the period; exact decimals, one row per group.</p>
      <PeriodPicker value={period} onChange={setPeriod} />
      {EXPORTS.map((e) => <ExportPanel key={e.path} {...e} period={period} />)}
    </section>
  );
}

function ExportPanel({ path, title, period }: { path: string; title: string; period: { from: string; to: string } }) {
  const [rows, setRows] = useState<string[][] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const url = () => { const { from, to } = instants(period); return `/api/v1/finance/${path}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`; };
  const run = async (download: boolean) => {
    setError(null);
    try {
      const blob = await fetchFile(url());
      setRows(parseCsv(await blob.text()).filter((r) => r.length > 1 || r[0] !== ''));
      if (download) saveBlob(blob, `${path}-${period.from}-${period.to}.csv`);
    } catch (failure) { setError(failure); }
  };
  const id = `export-${path}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="actions">
        <button type="button" onClick={() => void run(false)}>Show {title.toLowerCase()}</button>
        <button type="button" onClick={() => void run(true)}>Download {title.toLowerCase()} (CSV)</button>
      </p>
      <ProblemMessage error={error} />
      {rows && (rows.length <= 1 ? <p className="muted" role="status">Nothing issued in this period.</p> : (
        <div style={{ overflowX: 'auto' }}>
          <table data-testid={id}>
            <thead><tr>{rows[0]!.map((h) => <th scope="col" key={h}>{h}</th>)}</tr></thead>
            <tbody>{rows.slice(1).map((r, i) => <tr key={i}>{r.map((c, j) => <td key={j}>{c}</td>)}</tr>)}</tbody>
          </table>
        </div>
      ))}
    </section>
  );
}
