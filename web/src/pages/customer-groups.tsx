// Customer groups: the four groups tariffs are assigned by (ADR 025: public ad hoc, members, fleet
// contracts, roaming partners; fleets and partners told apart by a reference). The groups are fixed
// in the API, so this page shows what each group pays where, and which tariff a driver of a group
// gets at an EVSE, with the precedence rule that chose it.
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { BillingTabs } from '../components/billing-tabs.js';
import { ProblemMessage } from '../components/problem-message.js';
import { useAsync } from '../components/use-async.js';
import { pricesOf } from './tariffs.js';
import { GROUPS, GROUP_TEXT, whereOf } from './tariff-assignments.js';

type Group = (typeof GROUPS)[number];

export function CustomerGroupsPage() {
  const assignments = useAsync(async () => {
    const tariffs = (await ok(api.GET('/api/v1/tariffs', { params: { query: { limit: 500 } } }))).items;
    const lists = await Promise.all(tariffs.map(async (t) => ({ t, items: (await ok(api.GET('/api/v1/tariffs/{id}/assignments', { params: { path: { id: t.id } } }))).items })));
    return lists.flatMap(({ t, items }) => items.map((a) => ({ ...a, tariff: t })));
  }, []);
  return (
    <section aria-labelledby="groups-title">
      <BillingTabs />
      <h1 id="groups-title">Customer groups</h1>
      <p className="muted">A driver's group picks the tariff first; where the group has none, the public tariff applies. Assign tariffs to groups on a tariff's page.</p>
      <ProblemMessage error={assignments.error} onRetry={assignments.reload} />
      {assignments.data && GROUPS.map((group) => {
        const rows = assignments.data!.filter((a) => a.customerGroup === group);
        return (
          <section className="panel" key={group} aria-labelledby={`group-${group}`}>
            <h2 id={`group-${group}`}>{GROUP_TEXT[group]}</h2>
            {rows.length === 0 ? <p className="muted">No tariff assigned to this group{group === 'public' ? '' : ': its drivers pay the public tariff'}.</p> : (
              <table>
                <thead><tr><th scope="col">Tariff</th><th scope="col">Prices</th><th scope="col">Where</th><th scope="col">Reference</th></tr></thead>
                <tbody>{rows.map((a) => (
                  <tr key={a.id}>
                    <td><Link to={`/tariffs/${encodeURIComponent(a.tariff.id)}`}>{a.tariff.name}</Link></td><td>{pricesOf(a.tariff.tariff as never, a.tariff.currency)}</td>
                    <td>{whereOf(a)}</td><td>{a.groupRef ?? 'all'}</td>
                  </tr>
                ))}</tbody>
              </table>
            )}
          </section>
        );
      })}
      <TariffLookup />
    </section>
  );
}

type Found = { tariff: { id: string; name: string; currency: string; tariff: unknown }; reason: string; timeZone: string; jurisdictionVat: unknown };

function TariffLookup() {
  const [form, setForm] = useState({ stationId: '', evseId: '1', group: 'public' as Group, groupRef: '' });
  const [found, setFound] = useState<Found | null>(null);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setFound(null);
    try {
      setFound(await ok(api.GET('/api/v1/stations/{id}/evses/{evseId}/tariff', {
        params: { path: { id: form.stationId.trim(), evseId: Number(form.evseId) }, query: { group: form.group, ...(form.groupRef.trim() ? { groupRef: form.groupRef.trim() } : {}) } },
      })) as unknown as Found);
    } catch (failure) { setError(failure); }
  };
  return (
    <section className="panel" aria-labelledby="lookup-title">
      <h2 id="lookup-title">Which tariff does a driver get?</h2>
      <form onSubmit={(e) => void submit(e)} aria-label="Tariff lookup">
        <div className="form-grid">
          <label>Station id<input required value={form.stationId} onChange={(e) => setForm({ ...form, stationId: e.target.value })} /></label>
          <label>EVSE id<input required type="number" min={1} value={form.evseId} onChange={(e) => setForm({ ...form, evseId: e.target.value })} /></label>
          <label>Group<select value={form.group} onChange={(e) => setForm({ ...form, group: e.target.value as Group })}>{GROUPS.map((g) => <option key={g} value={g}>{g}</option>)}</select></label>
          <label>Reference (contract or party id)<input value={form.groupRef} onChange={(e) => setForm({ ...form, groupRef: e.target.value })} /></label>
        </div>
        <p><button type="submit">Look up</button></p>
      </form>
      <ProblemMessage error={error} />
      {found && (
        <p role="status" data-testid="lookup-result">
          <Link to={`/tariffs/${encodeURIComponent(found.tariff.id)}`}>{found.tariff.name}</Link> ({pricesOf(found.tariff.tariff as never, found.tariff.currency)}): {found.reason}.
        </p>
      )}
    </section>
  );
}
