import { useState } from 'react';
import { Link } from 'react-router';
import { api, ok } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';
import { nextSteps, type Incident } from './incidents-model.js';

const BUTTON: Record<ReturnType<typeof nextSteps>[number], string> = {
  acknowledged: 'Acknowledge', 'remote-troubleshooting': 'Start remote troubleshooting', 'technician-dispatched': 'Mark technician dispatched', resolved: 'Resolve',
};

/**
 * The transitions a person can ask for, with an optional note; the server decides (409
 * invalid_transition, e.g. when a playbook moved the incident meanwhile) and its problem is shown.
 */
export function IncidentActions({ incident, onChanged }: { incident: Incident; onChanged(incident: Incident): void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const steps = nextSteps(incident.status);
  if (steps.length === 0) return null;
  const move = async (to: (typeof steps)[number]) => {
    setBusy(true);
    setError(null);
    try {
      const body = note.trim() ? { to, note: note.trim() } : { to };
      const updated = await ok(api.POST('/api/v1/incidents/{id}/transitions', { params: { path: { id: incident.id } }, body }));
      setNote('');
      onChanged(updated);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const noteId = `note-${incident.id}`;
  const woQuery = new URLSearchParams({ incidentId: incident.id, stationId: incident.stationId, title: incident.title, ...(incident.evseId !== null ? { evseId: String(incident.evseId) } : {}) });
  return (
    <div className="incident-actions">
      <label htmlFor={noteId}>Note (optional)</label>
      <input id={noteId} value={note} onChange={(e) => setNote(e.target.value)} />
      <div className="actions-row">
        {steps.map((to) => (
          <button key={to} type="button" className={to === steps[0] ? 'primary' : ''} disabled={busy} onClick={() => void move(to)}>{BUTTON[to]}</button>
        ))}
        {incident.status !== 'technician-dispatched' && <Link to={`/work-orders/new?${woQuery.toString()}`}>Dispatch with a work order</Link>}
      </div>
      <ProblemMessage error={error} />
    </div>
  );
}
