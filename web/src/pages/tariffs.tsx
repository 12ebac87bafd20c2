import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok, requestJson } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';
import { TariffAssignments } from './tariff-assignments.js';

type PriceComponent = { type: string; price: number | string; vat?: number | string; step_size: number };
type Element = { price_components: PriceComponent[]; restrictions?: Record<string, unknown> };
type Price = { excl_vat?: unknown; incl_vat?: unknown };
type OcpiTariff = { elements?: Element[]; min_price?: Price; max_price?: Price };

const UNIT: Record<string, string> = { ENERGY: '/kWh', TIME: '/h', PARKING_TIME: '/h', FLAT: ' once', RESERVATION_TIME: '/h' };

export function TariffsPage() {
  const { can } = useAuth();
  const tariffs = useAsync(() => ok(api.GET('/api/v1/tariffs', { params: { query: { limit: 500 } } })), []);
  return (
    <section aria-labelledby="tariffs-title">
      <BillingTabs />
      <h1 id="tariffs-title">Tariffs</h1>
      {can('finance:write') && <p><Link to="/tariffs/new" className="button">New tariff</Link></p>}
      <UnavailableOr error={tariffs.error} what="tariffs" onRetry={tariffs.reload} />
      {tariffs.data && (tariffs.data.items.length === 0 ? <p className="muted">No tariffs yet.</p> : (
        <table>
          <thead><tr><th scope="col">Name</th><th scope="col">OCPI id</th><th scope="col">Currency</th><th scope="col">Prices</th><th scope="col">Version</th><th scope="col">Changed</th></tr></thead>
          <tbody>{tariffs.data.items.map((t) => (
            <tr key={t.id}>
              <td><Link to={`/tariffs/${encodeURIComponent(t.id)}`}>{t.name}</Link></td><td><code>{t.ocpiId}</code></td><td>{t.currency}</td>
              <td>{pricesOf(t.tariff as OcpiTariff, t.currency)}</td><td>{t.version}</td><td>{formatTime(t.updatedAt)}</td>
            </tr>
          ))}</tbody>
        </table>
      ))}
    </section>
  );
}

/** "0.35 EUR/kWh, 2 EUR/h" over the first element: a glance, the detail page has all. */
export function pricesOf(tariff: OcpiTariff, currency: string): string {
  const first = tariff.elements?.[0]?.price_components ?? [];
  const text = first.map((c) => `${c.price} ${currency}${UNIT[c.type] ?? ` ${c.type}`}`).join(', ');
  return (tariff.elements?.length ?? 0) > 1 ? `${text} (+${tariff.elements!.length - 1} more)` : text || '–';
}

const priceText = (p: Price | undefined, currency: string) =>
  !p ? 'none' : `${String(p.excl_vat)} ${currency} excl. tax${p.incl_vat !== undefined ? `, ${String(p.incl_vat)} incl.` : ''}`;

const describeRestrictions = (r: Record<string, unknown> | undefined) =>
  !r || Object.keys(r).length === 0 ? 'always' : Object.entries(r).map(([k, v]) => `${k} ${Array.isArray(v) ? v.join(' ') : String(v)}`).join('; ');

export function TariffPage() {
  const { id = '' } = useParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const [deleteError, setDeleteError] = useState<unknown>(null);
  const tariff = useAsync(() => ok(api.GET('/api/v1/tariffs/{id}', { params: { path: { id } } })), [id]);
  const remove = async () => {
    if (!window.confirm('Delete this tariff and its assignments? CDRs already priced keep their prices.')) return;
    try {
      await ok(api.DELETE('/api/v1/tariffs/{id}', { params: { path: { id } } }));
      navigate('/tariffs');
    } catch (failure) { setDeleteError(failure); }
  };
  if (tariff.error) return <section><h1>Tariff</h1><ProblemMessage error={tariff.error} onRetry={tariff.reload} /><p><Link to="/tariffs">All tariffs</Link></p></section>;
  if (!tariff.data) return <p className="loading" role="status">Loading tariff…</p>;
  const t = tariff.data;
  const ocpi = t.tariff as OcpiTariff;
  return (
    <section aria-labelledby="tariff-title">
      <BillingTabs />
      <p><Link to="/tariffs">All tariffs</Link></p>
      <h1 id="tariff-title">{t.name}</h1>
      {can('finance:write') && (
        <p className="actions">
          <Link to={`/tariffs/${encodeURIComponent(t.id)}/edit`} className="button">Edit tariff</Link>
          <button type="button" onClick={() => void remove()}>Delete tariff</button>
        </p>
      )}
      <ProblemMessage error={deleteError} />
      <dl className="facts">
        <dt>OCPI id</dt><dd><code>{t.ocpiId}</code></dd><dt>Currency</dt><dd>{t.currency}</dd>
        <dt>Version</dt><dd>{t.version} (changed {formatTime(t.updatedAt)})</dd>
        <dt>Min / max price</dt><dd>{priceText(ocpi.min_price, t.currency)} / {priceText(ocpi.max_price, t.currency)}</dd>
        <dt>Idle fee</dt><dd>{t.idleFee ? <code>{JSON.stringify(t.idleFee)}</code> : 'none'}</dd>
      </dl>
      <section className="panel" aria-labelledby="elements-title">
        <h2 id="elements-title">Prices</h2>
        <table>
          <thead><tr><th scope="col">Element</th><th scope="col">When</th><th scope="col">Component</th><th scope="col" className="num">Price (excl. VAT)</th><th scope="col" className="num">VAT %</th><th scope="col" className="num">Step</th></tr></thead>
          <tbody>{(ocpi.elements ?? []).flatMap((element, e) => element.price_components.map((c, i) => (
            <tr key={`${e}-${i}`}>
              <td>{i === 0 ? e : ''}</td><td>{i === 0 ? describeRestrictions(element.restrictions) : ''}</td><td>{c.type}</td>
              <td className="num">{c.price} {t.currency}{UNIT[c.type] ?? ''}</td><td className="num">{c.vat ?? '–'}</td><td className="num">{c.step_size}</td>
            </tr>
          )))}</tbody>
        </table>
      </section>
      <TariffAssignments tariffId={t.id} />
      <PricePreview tariffId={t.id} />
    </section>
  );
}

type Line = { period: number; dimension: string; matched: string[]; billedVolume: string; unit: string; unitPrice: string; vatPercent: string | null; excl: string; incl: string | null; rounding?: string };
type Preview = { currency: string; lines: Line[]; totalCost: { excl_vat: string; incl_vat: string | null }; notes: string[]; adjustments: Array<{ kind: string; from: string; to: string }> };

const localNow = () => {
  const now = new Date();
  now.setSeconds(0, 0);
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

/** POST /tariffs/{id}/preview: a sample session priced, every line with why it applied. */
function PricePreview({ tariffId }: { tariffId: string }) {
  const [form, setForm] = useState({ start: localNow(), timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone, country: '', minutes: '60', kWh: '20', parking: '0' });
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const start = new Date(form.start);
      const chargedTo = new Date(start.getTime() + Number(form.minutes) * 60_000);
      const parkedTo = new Date(chargedTo.getTime() + Number(form.parking) * 60_000);
      const intervals = [
        { from: start.toISOString(), to: chargedTo.toISOString(), state: 'charging', energyWh: Math.round(Number(form.kWh) * 1000) },
        ...(Number(form.parking) > 0 ? [{ from: chargedTo.toISOString(), to: parkedTo.toISOString(), state: 'parking' }] : []),
      ];
      setResult(await requestJson<Preview>('POST', `/api/v1/tariffs/${encodeURIComponent(tariffId)}/preview`, {
        timeZone: form.timeZone, intervals, ...(form.country.trim() ? { country: form.country.trim().toUpperCase() } : {}),
      }));
    } catch (failure) { setError(failure); setResult(null); }
  };
  const field = (key: keyof typeof form, label: string, type = 'text') => (
    <label>{label}<input type={type} value={form[key]} onChange={(e) => setForm({ ...form, [key]: e.target.value })} required={key !== 'country'} /></label>
  );
  return (
    <section className="panel" aria-labelledby="preview-title">
      <h2 id="preview-title">Price preview</h2>
      <form onSubmit={(e) => void submit(e)} aria-label="Price a sample session">
        <div className="form-grid">
          {field('start', 'Start', 'datetime-local')}{field('timeZone', 'Site time zone')}{field('country', 'Country for VAT (e.g. NL)')}
          {field('minutes', 'Charging minutes', 'number')}{field('kWh', 'Energy kWh', 'number')}{field('parking', 'Parking minutes after', 'number')}
        </div>
        <p><button type="submit" className="primary">Price it</button></p>
      </form>
      <ProblemMessage error={error} />
      {result && (
        <div data-testid="preview-result">
          <p data-testid="preview-total"><strong>Total: {result.totalCost.excl_vat} {result.currency} excl. VAT{result.totalCost.incl_vat !== null ? `, ${result.totalCost.incl_vat} ${result.currency} incl. VAT` : ''}</strong></p>
          <table>
            <thead><tr><th scope="col">Period</th><th scope="col">What</th><th scope="col">Why</th><th scope="col" className="num">Billed</th><th scope="col" className="num">Unit price</th><th scope="col" className="num">Excl. VAT</th><th scope="col" className="num">Incl. VAT</th></tr></thead>
            <tbody>{result.lines.map((l, i) => (
              <tr key={i}>
                <td>{l.period}</td><td>{l.dimension}</td><td>{l.matched.join('; ')}{l.rounding ? ` (${l.rounding})` : ''}</td>
                <td className="num">{l.billedVolume} {l.unit}</td><td className="num">{l.unitPrice}</td><td className="num">{l.excl}</td><td className="num">{l.incl ?? '–'}</td>
              </tr>
            ))}</tbody>
          </table>
          {result.adjustments.map((a, i) => <p key={i} className="muted">{a.kind}: {a.from} → {a.to}</p>)}
          {result.notes.map((n, i) => <p key={i} className="muted">{n}</p>)}
        </div>
      )}
    </section>
  );
}
