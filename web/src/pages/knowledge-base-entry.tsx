import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { api, ok } from '../api/client.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { codeOf } from './knowledge-base.js';
import type { KbEntry } from './incidents-model.js';
import '../components/health.css';

const KEY_FIELDS = [
  ['vendor', 'Vendor'], ['modelPattern', 'Model pattern'], ['firmwareMin', 'Firmware from'], ['firmwareMax', 'Firmware to'],
  ['errorCode', 'Error code (1.6)'], ['vendorId', 'Vendor id'], ['vendorErrorCode', 'Vendor error code'],
  ['component', 'Component (2.x)'], ['variable', 'Variable (2.x)'], ['eventCode', 'Event code (2.x)'],
] as const;
const TEXT_FIELDS = [['meaning', 'Meaning'], ['probableCause', 'Probable cause'], ['technicianInstructions', 'Instructions for the technician'], ['source', 'Source']] as const;
const SEVERITIES = ['critical', 'major', 'minor', 'info'] as const;
const ACTIONS = ['none', 'trigger-status', 'soft-reset', 'hard-reset', 'unlock', 'clear-transaction', 'set-inoperative', 'work-order'] as const;

type Draft = Record<(typeof KEY_FIELDS)[number][0] | (typeof TEXT_FIELDS)[number][0] | 'ocppVersion' | 'severity' | 'remoteAction', string>;
const EMPTY: Draft = {
  vendor: '', modelPattern: '', firmwareMin: '', firmwareMax: '', errorCode: '', vendorId: '', vendorErrorCode: '', component: '', variable: '', eventCode: '',
  ocppVersion: '', meaning: '', probableCause: '', technicianInstructions: '', source: '', severity: 'major', remoteAction: 'none',
};

export function draftOf(entry: Partial<Record<keyof Draft, string | null>>): Draft {
  const draft = { ...EMPTY };
  for (const key of Object.keys(EMPTY) as Array<keyof Draft>) { const v = entry[key]; if (typeof v === 'string') draft[key] = v; }
  return draft;
}

/** The API body: empty key fields are "any" (null); the server validates the whole entry (its problem is shown). */
export function bodyOf(draft: Draft) {
  const nullable = (v: string) => (v.trim() === '' ? null : v.trim());
  return {
    vendor: nullable(draft.vendor), modelPattern: nullable(draft.modelPattern), firmwareMin: nullable(draft.firmwareMin), firmwareMax: nullable(draft.firmwareMax),
    ocppVersion: nullable(draft.ocppVersion), errorCode: nullable(draft.errorCode), vendorId: nullable(draft.vendorId), vendorErrorCode: nullable(draft.vendorErrorCode),
    component: nullable(draft.component), variable: nullable(draft.variable), eventCode: nullable(draft.eventCode),
    meaning: draft.meaning, severity: draft.severity as (typeof SEVERITIES)[number], probableCause: draft.probableCause,
    remoteAction: draft.remoteAction as (typeof ACTIONS)[number], technicianInstructions: draft.technicianInstructions, source: draft.source,
  };
}

/** /knowledge-base/new (prefilled from ?errorCode=… or ?from=<entry id>) and /knowledge-base/:id (view; edit own entries). */
export function KnowledgeBaseEntryPage() {
  const id = useParams()['id'];
  const [search] = useSearchParams();
  const { can } = useAuth();
  const navigate = useNavigate();
  const from = id ?? search.get('from');
  const entry = useAsync(async () => (from ? ok(api.GET('/api/v1/knowledge-base/entries/{id}', { params: { path: { id: from } } })) : null), [from]);
  const [editing, setEditing] = useState(false);

  if (entry.error && !entry.data) return <><h1>Knowledge base entry</h1><ProblemMessage error={entry.error} onRetry={entry.reload} /></>;
  if (from && !entry.data) return <p className="loading" role="status">Loading entry…</p>;

  if (!id) {
    const initial = entry.data ? draftOf(entry.data) : draftOf(Object.fromEntries(search.entries()));
    return (
      <section aria-labelledby="kb-new-title">
        <p><Link to="/knowledge-base">← Knowledge base</Link></p>
        <h1 id="kb-new-title">New knowledge base entry</h1>
        <EntryForm initial={initial} submitLabel="Create entry" onSubmit={async (body) => {
          const created = await ok(api.POST('/api/v1/knowledge-base/entries', { body }));
          void navigate(`/knowledge-base/${encodeURIComponent(created.id)}`);
        }} />
      </section>
    );
  }
  const e = entry.data!;
  const own = e.origin === 'tenant' && can('health:write');
  return (
    <section aria-labelledby="kb-entry-title">
      <p><Link to="/knowledge-base">← Knowledge base</Link></p>
      <h1 id="kb-entry-title">{codeOf(e)}</h1>
      {editing ? (
        <EntryForm initial={draftOf(e)} submitLabel="Save entry" onCancel={() => setEditing(false)} onSubmit={async (body) => {
          const saved = await ok(api.PATCH('/api/v1/knowledge-base/entries/{id}', { params: { path: { id: e.id } }, body }));
          entry.setData(() => saved);
          setEditing(false);
        }} />
      ) : (
        <>
          <EntryFacts entry={e} />
          <div className="actions-row">
            {own && <button type="button" className="primary" onClick={() => setEditing(true)}>Edit</button>}
            {own && <DeleteEntry id={e.id} onDeleted={() => void navigate('/knowledge-base')} />}
            {e.origin === 'seed' && can('health:write') && <Link to={`/knowledge-base/new?from=${encodeURIComponent(e.id)}`}>Override with an own entry</Link>}
          </div>
          {e.origin === 'seed' && <p className="muted">Seed entries ship with ChargeOps and are read-only; an own entry for the same fault wins over them.</p>}
        </>
      )}
    </section>
  );
}

function EntryFacts({ entry: e }: { entry: KbEntry }) {
  return (
    <dl className="facts" data-testid="kb-entry">
      <dt>Meaning</dt><dd>{e.meaning}</dd><dt>Severity</dt><dd>{e.severity}</dd><dt>Probable cause</dt><dd>{e.probableCause}</dd>
      <dt>Remote action</dt><dd>{e.remoteAction}</dd><dt>For the technician</dt><dd>{e.technicianInstructions}</dd><dt>Source</dt><dd>{e.source}</dd>
      <dt>Applies to</dt><dd>{[e.vendor ?? 'any vendor', e.modelPattern && `model ${e.modelPattern}`, (e.firmwareMin || e.firmwareMax) && `firmware ${e.firmwareMin ?? '…'}–${e.firmwareMax ?? '…'}`, e.ocppVersion ?? 'any OCPP version', e.vendorId && `vendorId ${e.vendorId}`].filter(Boolean).join(', ')}</dd>
      <dt>Origin</dt><dd>{e.origin}{e.updatedAt ? `, changed ${formatTime(e.updatedAt)}` : ''}</dd>
    </dl>
  );
}

function DeleteEntry({ id, onDeleted }: { id: string; onDeleted(): void }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button type="button" onClick={() => {
        if (!window.confirm('Delete this entry?')) return;
        ok(api.DELETE('/api/v1/knowledge-base/entries/{id}', { params: { path: { id } } })).then(onDeleted, setError);
      }}>Delete</button>
      <ProblemMessage error={error} />
    </>
  );
}

function EntryForm({ initial, submitLabel, onSubmit, onCancel }: { initial: Draft; submitLabel: string; onSubmit(body: ReturnType<typeof bodyOf>): Promise<void>; onCancel?(): void }) {
  const [draft, setDraft] = useState(initial);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof Draft) => (e: { target: { value: string } }) => setDraft({ ...draft, [key]: e.target.value });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try { await onSubmit(bodyOf(draft)); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  return (
    <form aria-label="Knowledge base entry" onSubmit={(e) => void submit(e)}>
      <fieldset className="form-grid">
        <legend>Which fault (empty: any)</legend>
        {KEY_FIELDS.map(([key, label]) => <label key={key}>{label}<input value={draft[key]} onChange={set(key)} /></label>)}
        <label>OCPP version
          <select value={draft.ocppVersion} onChange={set('ocppVersion')}><option value="">Any</option><option value="ocpp1.6">1.6</option><option value="ocpp2.0.1">2.0.1</option><option value="ocpp2.1">2.1</option></select>
        </label>
      </fieldset>
      <fieldset className="form-grid">
        <legend>What it means and what to do</legend>
        <label>Severity<select value={draft.severity} onChange={set('severity')}>{SEVERITIES.map((s) => <option key={s}>{s}</option>)}</select></label>
        <label>Remote action<select value={draft.remoteAction} onChange={set('remoteAction')}>{ACTIONS.map((a) => <option key={a}>{a}</option>)}</select></label>
        {TEXT_FIELDS.map(([key, label]) => <label key={key} className="wide">{label}<textarea value={draft[key]} onChange={set(key)} /></label>)}
      </fieldset>
      <ProblemMessage error={error} />
      <div className="actions-row">
        <button type="submit" className="primary" disabled={busy}>{submitLabel}</button>
        {onCancel && <button type="button" onClick={onCancel}>Cancel</button>}
      </div>
    </form>
  );
}
