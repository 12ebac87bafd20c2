// Editor of an OCPI 2.2.1 tariff's elements: price components (ENERGY, FLAT, TIME, PARKING_TIME)
// with their step sizes and VAT, and the restrictions that say when an element applies. Every
// number is kept as the text the operator typed and sent as a decimal string, so no price goes
// through a float on its way to the exact pricing engine.
import { useId } from 'react';

export const DIMENSIONS = ['ENERGY', 'FLAT', 'TIME', 'PARKING_TIME'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;
type Day = (typeof DAYS)[number];

export type ComponentDraft = { type: Dimension; price: string; vat: string; stepSize: string };
/** Restriction fields as typed; '' = not restricted. Names follow OCPI's snake_case fields. */
export type RestrictionDraft = {
  start_time: string; end_time: string; start_date: string; end_date: string;
  min_kwh: string; max_kwh: string; min_current: string; max_current: string; min_power: string; max_power: string;
  min_duration: string; max_duration: string; day_of_week: Day[]; reservation: '' | 'RESERVATION' | 'RESERVATION_EXPIRES';
};
export type ElementDraft = { components: ComponentDraft[]; restrictions: RestrictionDraft };

type OcpiComponent = { type: string; price: number | string; vat?: number | string; step_size: number };
export type OcpiElement = { price_components: OcpiComponent[]; restrictions?: Record<string, unknown> };

const DECIMAL_FIELDS = ['min_kwh', 'max_kwh', 'min_current', 'max_current', 'min_power', 'max_power'] as const;
const INTEGER_FIELDS = ['min_duration', 'max_duration'] as const;
const TEXT_FIELDS = ['start_time', 'end_time', 'start_date', 'end_date'] as const;
export const DECIMAL = '^\\d+(\\.\\d+)?$';

const UNIT: Record<Dimension, { price: string; step: string }> = {
  ENERGY: { price: 'per kWh', step: 'Wh' }, FLAT: { price: 'per session', step: '–' },
  TIME: { price: 'per hour charging', step: 's' }, PARKING_TIME: { price: 'per hour parked', step: 's' },
};

export const emptyRestrictions = (): RestrictionDraft => ({
  start_time: '', end_time: '', start_date: '', end_date: '', min_kwh: '', max_kwh: '', min_current: '', max_current: '',
  min_power: '', max_power: '', min_duration: '', max_duration: '', day_of_week: [], reservation: '',
});
export const newComponent = (type: Dimension = 'ENERGY'): ComponentDraft => ({ type, price: '', vat: '', stepSize: '1' });
export const newElement = (): ElementDraft => ({ components: [newComponent()], restrictions: emptyRestrictions() });

/**
 * price x (1 + vat/100), exact (scaled BigInt, no float): the including-tax figure shown beside a
 * price typed excluding tax, as OCPI stores it. Null while either is not a decimal.
 */
export function inclVat(price: string, vat: string): string | null {
  const re = new RegExp(DECIMAL);
  if (!re.test(price.trim()) || !re.test(vat.trim())) return null;
  const scaled = (d: string) => { const [i, f = ''] = d.trim().split('.'); return { n: BigInt(i! + f), scale: f.length }; };
  const p = scaled(price);
  const v = scaled(vat);
  const n = p.n * (100n * 10n ** BigInt(v.scale) + v.n);
  const scale = p.scale + v.scale + 2;
  const digits = n.toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const fraction = digits.slice(digits.length - scale).replace(/0+$/, '');
  return fraction ? `${whole}.${fraction}` : whole;
}

const text = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/** An OCPI element list as drafts (an unknown dimension or restriction is kept out: the form edits what it shows). */
export function elementsToDrafts(elements: OcpiElement[] | undefined): ElementDraft[] {
  return (elements ?? []).map((e) => {
    const r = e.restrictions ?? {};
    const restrictions = emptyRestrictions();
    for (const key of [...TEXT_FIELDS, ...DECIMAL_FIELDS, ...INTEGER_FIELDS]) restrictions[key] = text(r[key]);
    restrictions.day_of_week = Array.isArray(r['day_of_week']) ? (r['day_of_week'] as Day[]) : [];
    restrictions.reservation = (r['reservation'] as RestrictionDraft['reservation'] | undefined) ?? '';
    return {
      components: e.price_components.map((c) => ({ type: (DIMENSIONS as readonly string[]).includes(c.type) ? c.type as Dimension : 'ENERGY', price: text(c.price), vat: text(c.vat), stepSize: text(c.step_size) })),
      restrictions,
    };
  });
}

/** Drafts as OCPI elements: prices and VAT as decimal strings, empty restrictions left out. */
export function draftsToElements(drafts: ElementDraft[]): OcpiElement[] {
  return drafts.map((d) => {
    const r = d.restrictions;
    const restrictions: Record<string, unknown> = {};
    for (const key of TEXT_FIELDS) if (r[key].trim()) restrictions[key] = r[key].trim();
    for (const key of DECIMAL_FIELDS) if (r[key].trim()) restrictions[key] = r[key].trim();
    for (const key of INTEGER_FIELDS) if (r[key].trim()) restrictions[key] = Number(r[key]);
    if (r.day_of_week.length > 0) restrictions['day_of_week'] = DAYS.filter((day) => r.day_of_week.includes(day));
    if (r.reservation) restrictions['reservation'] = r.reservation;
    return {
      price_components: d.components.map((c) => ({
        type: c.type, price: c.price.trim(), ...(c.vat.trim() ? { vat: c.vat.trim() } : {}), step_size: c.type === 'FLAT' ? 1 : Number(c.stepSize || '1'),
      })),
      ...(Object.keys(restrictions).length > 0 ? { restrictions } : {}),
    };
  });
}

type Props = { elements: ElementDraft[]; onChange(next: ElementDraft[]): void };

/** The list of elements: add, remove, move up (OCPI: the first element that matches wins). */
export function TariffElementEditor({ elements, onChange }: Props) {
  const set = (i: number, next: ElementDraft) => onChange(elements.map((e, j) => (j === i ? next : e)));
  const move = (i: number) => onChange(elements.map((e, j) => (j === i - 1 ? elements[i]! : j === i ? elements[i - 1]! : e)));
  return (
    <div className="tariff-elements">
      <p className="muted">Elements are checked in order; per dimension the first element whose restrictions match sets the price.</p>
      {elements.map((element, i) => (
        <fieldset key={i} className="panel" aria-label={`Element ${i + 1}`}>
          <legend>Element {i + 1}</legend>
          <ComponentsEditor index={i} components={element.components} onChange={(components) => set(i, { ...element, components })} />
          <RestrictionsEditor index={i} value={element.restrictions} onChange={(restrictions) => set(i, { ...element, restrictions })} />
          <p className="actions">
            {i > 0 && <button type="button" onClick={() => move(i)}>Move element {i + 1} up</button>}
            {elements.length > 1 && <button type="button" onClick={() => onChange(elements.filter((_, j) => j !== i))}>Remove element {i + 1}</button>}
          </p>
        </fieldset>
      ))}
      <button type="button" onClick={() => onChange([...elements, newElement()])}>Add element</button>
    </div>
  );
}

function ComponentsEditor({ index, components, onChange }: { index: number; components: ComponentDraft[]; onChange(next: ComponentDraft[]): void }) {
  const set = (i: number, patch: Partial<ComponentDraft>) => onChange(components.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  const n = index + 1;
  return (
    <div>
      <table>
        <caption className="muted">Price components of element {n} (prices excl. VAT)</caption>
        <thead><tr><th scope="col">Dimension</th><th scope="col">Price</th><th scope="col">VAT %</th><th scope="col">Step size</th><th scope="col"><span className="skip">Remove</span></th></tr></thead>
        <tbody>{components.map((c, i) => (
          <tr key={i}>
            <td><label>Dimension {n}.{i + 1}<select value={c.type} onChange={(e) => set(i, { type: e.target.value as Dimension })}>{DIMENSIONS.map((d) => <option key={d}>{d}</option>)}</select></label></td>
            <td><label>Price {n}.{i + 1} ({UNIT[c.type].price})<input inputMode="decimal" pattern={DECIMAL} required value={c.price} onChange={(e) => set(i, { price: e.target.value })} /></label></td>
            <td>
              <label>VAT % {n}.{i + 1}<input inputMode="decimal" pattern={DECIMAL} placeholder="by jurisdiction" value={c.vat} onChange={(e) => set(i, { vat: e.target.value })} /></label>
              {inclVat(c.price, c.vat) !== null && <span className="muted" data-testid={`incl-${n}.${i + 1}`}> = {inclVat(c.price, c.vat)} incl. tax</span>}
            </td>
            <td><label>Step {n}.{i + 1} ({UNIT[c.type].step})<input type="number" min={1} step={1} disabled={c.type === 'FLAT'} value={c.type === 'FLAT' ? '' : c.stepSize} onChange={(e) => set(i, { stepSize: e.target.value })} /></label></td>
            <td>{components.length > 1 && <button type="button" onClick={() => onChange(components.filter((_, j) => j !== i))}>Remove component {n}.{i + 1}</button>}</td>
          </tr>
        ))}</tbody>
      </table>
      <button type="button" onClick={() => onChange([...components, newComponent(DIMENSIONS.find((d) => !components.some((c) => c.type === d)) ?? 'ENERGY')])}>Add price component to element {n}</button>
    </div>
  );
}

const RESTRICTION_INPUTS: Array<{ key: keyof RestrictionDraft; label: string; type: string }> = [
  { key: 'start_time', label: 'From time of day', type: 'time' }, { key: 'end_time', label: 'Until time of day', type: 'time' },
  { key: 'start_date', label: 'From date', type: 'date' }, { key: 'end_date', label: 'Until date (exclusive)', type: 'date' },
  { key: 'min_kwh', label: 'Min kWh', type: 'decimal' }, { key: 'max_kwh', label: 'Max kWh', type: 'decimal' },
  { key: 'min_current', label: 'Min current A', type: 'decimal' }, { key: 'max_current', label: 'Max current A', type: 'decimal' },
  { key: 'min_power', label: 'Min power kW', type: 'decimal' }, { key: 'max_power', label: 'Max power kW', type: 'decimal' },
  { key: 'min_duration', label: 'Min duration s', type: 'integer' }, { key: 'max_duration', label: 'Max duration s', type: 'integer' },
];

function RestrictionsEditor({ index, value, onChange }: { index: number; value: RestrictionDraft; onChange(next: RestrictionDraft): void }) {
  const id = useId();
  const n = index + 1;
  const active = RESTRICTION_INPUTS.filter((f) => value[f.key] !== '').length + (value.day_of_week.length > 0 ? 1 : 0) + (value.reservation ? 1 : 0);
  const toggleDay = (day: Day) => onChange({ ...value, day_of_week: value.day_of_week.includes(day) ? value.day_of_week.filter((d) => d !== day) : [...value.day_of_week, day] });
  return (
    <details open={active > 0}>
      <summary>Restrictions of element {n} ({active === 0 ? 'always applies' : `${active} set`})</summary>
      <div className="form-grid">
        {RESTRICTION_INPUTS.map((f) => (
          <label key={f.key}>{f.label} ({n})
            <input
              type={f.type === 'integer' ? 'number' : f.type === 'decimal' ? 'text' : f.type}
              {...(f.type === 'decimal' ? { inputMode: 'decimal' as const, pattern: DECIMAL } : {})} {...(f.type === 'integer' ? { min: 0, step: 1 } : {})}
              value={value[f.key] as string} onChange={(e) => onChange({ ...value, [f.key]: e.target.value })}
            />
          </label>
        ))}
        <label>Reservation ({n})
          <select value={value.reservation} onChange={(e) => onChange({ ...value, reservation: e.target.value as RestrictionDraft['reservation'] })}>
            <option value="">not a reservation element</option><option value="RESERVATION">RESERVATION</option><option value="RESERVATION_EXPIRES">RESERVATION_EXPIRES</option>
          </select>
        </label>
      </div>
      <fieldset aria-labelledby={`${id}-days`} className="checks">
        <legend id={`${id}-days`}>Days of week ({n}; none = every day)</legend>
        {DAYS.map((day) => <label key={day} className="check"><input type="checkbox" checked={value.day_of_week.includes(day)} onChange={() => toggleDay(day)} />{day.slice(0, 3)}</label>)}
      </fieldset>
    </details>
  );
}
