import { useState, type FormEvent, type ReactNode } from 'react';
import { api, ok } from '../api/client.js';
import type { StationDetail } from '../api/types.js';
import { CommandResult, type CommandOutcome } from '../components/command-result.js';

type Props = { station: StationDetail; activeSessionId: string | null; canSend: boolean; onDone(): void };

/** Reset, unlock, remote start/stop and availability: the everyday operator actions. */
export function StationActions({ station, activeSessionId, canSend, onDone }: Props) {
  const [outcome, setOutcome] = useState<CommandOutcome>(null);
  const [busy, setBusy] = useState(false);
  const id = station.id;
  const evseIds = station.evses.map((e) => e.evseId).filter((e) => e > 0);
  const firstEvse = evseIds[0] ?? 1;
  const [evseId, setEvseId] = useState(firstEvse);
  const [idToken, setIdToken] = useState('');
  const [resetType, setResetType] = useState(station.ocppVersion === 'ocpp1.6' ? 'Soft' : 'Immediate');
  const [operative, setOperative] = useState(true);

  const run = (label: string, call: () => Promise<{ response: unknown }>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const result = await call();
      setOutcome({ label, response: result.response });
      onDone();
    } catch (error) {
      setOutcome({ label, error });
    } finally {
      setBusy(false);
    }
  };
  const path = { path: { id } };
  if (!canSend) return <p className="muted">Your role cannot send commands to stations.</p>;

  return (
    <div className="actions">
      <label>EVSE
        <select value={evseId} onChange={(e) => setEvseId(Number(e.target.value))}>
          {(evseIds.length > 0 ? evseIds : [1]).map((e) => <option key={e} value={e}>{e}</option>)}
        </select>
      </label>
      <ActionForm title="Start charging" onSubmit={run('Remote start', () => ok(api.POST('/api/v1/stations/{id}/remote-start', { params: path, body: { idToken: idToken.trim(), evseId } })))} busy={busy}>
        <label>Token<input name="idToken" required maxLength={36} value={idToken} onChange={(e) => setIdToken(e.target.value)} /></label>
      </ActionForm>
      <ActionForm title="Stop charging" busy={busy || !activeSessionId}
        onSubmit={run('Remote stop', () => ok(api.POST('/api/v1/sessions/{id}/stop', { params: { path: { id: activeSessionId ?? '' } } })))}>
        <span className="muted">{activeSessionId ? `Session ${activeSessionId}` : 'No session is running'}</span>
      </ActionForm>
      <ActionForm title="Unlock connector" busy={busy} onSubmit={run('Unlock', () => ok(api.POST('/api/v1/stations/{id}/unlock', { params: path, body: { evseId } })))} />
      <ActionForm title="Change availability" busy={busy} onSubmit={run('Change availability', () => ok(api.POST('/api/v1/stations/{id}/availability', { params: path, body: { operative, evseId } })))}>
        <label>Set to
          <select value={operative ? 'operative' : 'inoperative'} onChange={(e) => setOperative(e.target.value === 'operative')}>
            <option value="operative">Operative</option><option value="inoperative">Inoperative</option>
          </select>
        </label>
      </ActionForm>
      <ActionForm title="Reset station" busy={busy} onSubmit={run('Reset', () => ok(api.POST('/api/v1/stations/{id}/reset', { params: path, body: { type: resetType as 'Soft' } })))}>
        <label>Type
          <select value={resetType} onChange={(e) => setResetType(e.target.value)}>
            {(station.ocppVersion === 'ocpp1.6' ? ['Soft', 'Hard'] : ['Immediate', 'OnIdle']).map((t) => <option key={t}>{t}</option>)}
          </select>
        </label>
      </ActionForm>
      <CommandResult outcome={outcome} />
    </div>
  );
}

function ActionForm({ title, children, busy, onSubmit }: { title: string; children?: ReactNode; busy: boolean; onSubmit(event: FormEvent): void }) {
  return (
    <form className="action" onSubmit={onSubmit} aria-label={title}>
      {children}
      <button type="submit" disabled={busy}>{title}</button>
    </form>
  );
}
