import { useState, type FormEvent } from 'react';
import { ProblemMessage } from '../components/problem-message.js';

/** The editable fields of a site, as the form holds them (strings; empty = not given). */
export type SiteDraft = { name: string; street: string; postalCode: string; city: string; country: string; timeZone: string; latitude: string; longitude: string; host: string };

export const emptySite: SiteDraft = { name: '', street: '', postalCode: '', city: '', country: '', timeZone: 'UTC', latitude: '', longitude: '', host: '' };

type SiteLike = { name: string; street: string | null; postalCode: string | null; city: string | null; country: string; timeZone: string; latitude: number | null; longitude: number | null; host: string | null };
export const draftOf = (site: SiteLike): SiteDraft => ({
  name: site.name, street: site.street ?? '', postalCode: site.postalCode ?? '', city: site.city ?? '', country: site.country,
  timeZone: site.timeZone, latitude: site.latitude === null ? '' : String(site.latitude), longitude: site.longitude === null ? '' : String(site.longitude), host: site.host ?? '',
});

/**
 * The body the sites API takes: empty optional text is null (so an edit can clear it),
 * coordinates are numbers or both null. The server re-validates everything.
 */
export function bodyOf(draft: SiteDraft) {
  const text = (value: string) => (value.trim() === '' ? null : value.trim());
  const number = (value: string) => (value.trim() === '' ? null : Number(value));
  return {
    name: draft.name.trim(), country: draft.country.trim().toUpperCase(), timeZone: draft.timeZone.trim() || 'UTC',
    street: text(draft.street), postalCode: text(draft.postalCode), city: text(draft.city), host: text(draft.host),
    latitude: number(draft.latitude), longitude: number(draft.longitude),
  };
}

const FIELDS: Array<{ key: keyof SiteDraft; label: string; required?: boolean; hint?: string; inputMode?: 'decimal' }> = [
  { key: 'name', label: 'Name', required: true },
  { key: 'street', label: 'Street' },
  { key: 'postalCode', label: 'Postal code' },
  { key: 'city', label: 'City' },
  { key: 'country', label: 'Country (ISO, e.g. NL)', required: true },
  { key: 'timeZone', label: 'Time zone (e.g. Europe/Amsterdam)', required: true },
  { key: 'latitude', label: 'Latitude', inputMode: 'decimal' },
  { key: 'longitude', label: 'Longitude', inputMode: 'decimal' },
  { key: 'host', label: 'Site host' },
];

/** Create or edit a site; `onSubmit` throws the API problem, shown above the button. */
export function SiteForm({ initial, submitLabel, onSubmit, label }: { initial: SiteDraft; submitLabel: string; label: string; onSubmit(draft: SiteDraft): Promise<void> }) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try { await onSubmit(draft); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  return (
    <form onSubmit={(e) => void submit(e)} aria-label={label}>
      <div className="form-grid">
        {FIELDS.map((f) => (
          <label key={f.key}>{f.label}
            <input
              name={f.key} value={draft[f.key]} required={f.required} {...(f.inputMode ? { inputMode: f.inputMode } : {})}
              onChange={(e) => setDraft({ ...draft, [f.key]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <ProblemMessage error={error} />
      <p><button type="submit" className="primary" disabled={busy}>{submitLabel}</button></p>
    </form>
  );
}
