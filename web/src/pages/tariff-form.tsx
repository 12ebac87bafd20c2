// Create or edit a tariff: the OCPI 2.2.1 Tariff object as a form (POST /tariffs, PUT /tariffs/{id}).
// Fields the form does not show (energy mix, alt texts, ...) of an edited tariff are kept as they are.
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { ProblemMessage } from '../components/problem-message.js';
import { DECIMAL, draftsToElements, elementsToDrafts, newElement, TariffElementEditor, type ElementDraft, type OcpiElement } from '../components/tariff-element-editor.js';
import { useAsync } from '../components/use-async.js';

type Money = { excl_vat?: number | string; incl_vat?: number | string };
type Ocpi = Record<string, unknown> & { id?: string; currency?: string; elements?: OcpiElement[]; min_price?: Money; max_price?: Money; tariff_alt_text?: Array<{ language: string; text: string }> };
type IdleFee = { pricePerHour: string; stepSeconds: number; vatPercent?: string; startTime?: string; endTime?: string };

type Draft = {
  name: string; ocpiId: string; currency: string; altText: string;
  minExcl: string; minIncl: string; maxExcl: string; maxIncl: string;
  idlePrice: string; idleStep: string; idleVat: string; idleFrom: string; idleTo: string;
  elements: ElementDraft[];
};

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));
const money = (excl: string, incl: string) => (excl.trim() ? { excl_vat: excl.trim(), ...(incl.trim() ? { incl_vat: incl.trim() } : {}) } : undefined);

function draftOf(name: string, ocpi: Ocpi, idle: IdleFee | null): Draft {
  return {
    name, ocpiId: s(ocpi.id), currency: s(ocpi.currency) || 'EUR', altText: ocpi.tariff_alt_text?.[0]?.text ?? '',
    minExcl: s(ocpi.min_price?.excl_vat), minIncl: s(ocpi.min_price?.incl_vat), maxExcl: s(ocpi.max_price?.excl_vat), maxIncl: s(ocpi.max_price?.incl_vat),
    idlePrice: s(idle?.pricePerHour), idleStep: s(idle?.stepSeconds ?? 60), idleVat: s(idle?.vatPercent), idleFrom: s(idle?.startTime), idleTo: s(idle?.endTime),
    elements: ocpi.elements?.length ? elementsToDrafts(ocpi.elements) : [newElement()],
  };
}

/** The request body of POST/PUT /tariffs from the draft, over the fields of the tariff being edited. */
export function bodyOf(draft: Draft, original: Ocpi = {}) {
  const { min_price: _min, max_price: _max, tariff_alt_text: _alt, ...kept } = original;
  const min = money(draft.minExcl, draft.minIncl);
  const max = money(draft.maxExcl, draft.maxIncl);
  const tariff = {
    ...kept, id: draft.ocpiId.trim(), currency: draft.currency.trim().toUpperCase(), elements: draftsToElements(draft.elements),
    ...(min ? { min_price: min } : {}), ...(max ? { max_price: max } : {}),
    ...(draft.altText.trim() ? { tariff_alt_text: [{ language: 'en', text: draft.altText.trim() }] } : {}),
    last_updated: new Date().toISOString(),
  };
  const idleFee = draft.idlePrice.trim() ? {
    pricePerHour: draft.idlePrice.trim(), stepSeconds: Number(draft.idleStep || '60'),
    ...(draft.idleVat.trim() ? { vatPercent: draft.idleVat.trim() } : {}), ...(draft.idleFrom ? { startTime: draft.idleFrom } : {}), ...(draft.idleTo ? { endTime: draft.idleTo } : {}),
  } : null;
  return { name: draft.name.trim(), tariff, idleFee };
}

export function NewTariffPage() {
  return <TariffForm initial={draftOf('', { id: `T-${Date.now().toString(36).toUpperCase()}`, currency: 'EUR' }, null)} />;
}

export function EditTariffPage() {
  const { id = '' } = useParams();
  const tariff = useAsync(() => ok(api.GET('/api/v1/tariffs/{id}', { params: { path: { id } } })), [id]);
  if (tariff.error) return <section><h1>Edit tariff</h1><ProblemMessage error={tariff.error} onRetry={tariff.reload} /></section>;
  if (!tariff.data) return <p className="loading" role="status">Loading tariff…</p>;
  const t = tariff.data;
  return <TariffForm id={t.id} original={t.tariff as Ocpi} initial={draftOf(t.name, t.tariff as Ocpi, t.idleFee as IdleFee | null)} />;
}

function TariffForm({ id, original, initial }: { id?: string; original?: Ocpi; initial: Draft }) {
  const navigate = useNavigate();
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = bodyOf(draft, original) as never;
      const saved = id
        ? await ok(api.PUT('/api/v1/tariffs/{id}', { params: { path: { id } }, body }))
        : await ok(api.POST('/api/v1/tariffs', { body }));
      navigate(`/tariffs/${encodeURIComponent(saved.id)}`);
    } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  const field = (key: Exclude<keyof Draft, 'elements'>, label: string, extra: Record<string, unknown> = {}) => (
    <label>{label}<input value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} {...extra} /></label>
  );
  const decimal = { inputMode: 'decimal', pattern: DECIMAL };
  return (
    <section aria-labelledby="tariff-form-title">
      <BillingTabs />
      <p><Link to={id ? `/tariffs/${encodeURIComponent(id)}` : '/tariffs'}>{id ? 'Back to the tariff' : 'All tariffs'}</Link></p>
      <h1 id="tariff-form-title">{id ? `Edit tariff ${initial.name}` : 'New tariff'}</h1>
      <form onSubmit={(e) => void submit(e)} aria-label={id ? 'Edit tariff' : 'New tariff'}>
        <div className="form-grid">
          {field('name', 'Name', { required: true, maxLength: 200 })}
          {field('ocpiId', 'OCPI tariff id', { required: true, maxLength: 36 })}
          {field('currency', 'Currency (ISO 4217)', { required: true, pattern: '[A-Za-z]{3}', maxLength: 3 })}
          {field('altText', 'Text shown to the driver')}
        </div>
        <fieldset className="panel">
          <legend>Minimum and maximum price per session</legend>
          <p className="muted">OCPI prices are excluding tax; give the including-tax figure too when it is fixed (else it follows from the VAT).</p>
          <div className="form-grid">
            {field('minExcl', 'Min price excl. tax', decimal)}{field('minIncl', 'Min price incl. tax', decimal)}
            {field('maxExcl', 'Max price excl. tax', decimal)}{field('maxIncl', 'Max price incl. tax', decimal)}
          </div>
        </fieldset>
        <fieldset className="panel">
          <legend>Tax</legend>
          <p className="muted">
            Each price component's VAT % is the tax on top of its price (tax excluded). Leave it empty to use the VAT of the station's country (and region) on the
            session's date, kept as data by ChargeOps.
          </p>
        </fieldset>
        <TariffElementEditor elements={draft.elements} onChange={(elements) => setDraft({ ...draft, elements })} />
        <fieldset className="panel">
          <legend>Idle fee (after charging completes)</legend>
          <div className="form-grid">
            {field('idlePrice', 'Idle fee per hour (empty: none)', decimal)}{field('idleStep', 'Idle fee step seconds', { type: 'number', min: 0 })}
            {field('idleVat', 'Idle fee VAT %', decimal)}{field('idleFrom', 'Idle fee from', { type: 'time' })}{field('idleTo', 'Idle fee until', { type: 'time' })}
          </div>
        </fieldset>
        <ProblemMessage error={error} />
        <p><button type="submit" className="primary" disabled={busy}>{id ? 'Save tariff' : 'Create tariff'}</button></p>
      </form>
    </section>
  );
}
