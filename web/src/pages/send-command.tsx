import { useEffect, useState, type FormEvent } from 'react';
import { api, ok } from '../api/client.js';
import { CSMS_ACTIONS, requestSchema } from '../api/ocpp-schemas.js';
import { CommandResult, type CommandOutcome } from '../components/command-result.js';
import { ProblemMessage } from '../components/problem-message.js';
import { SchemaForm, initialValue, type JsonSchema } from '../components/schema-form.js';

/** "Send any OCPP command": the action's request schema (for the station's version) drives the form. */
export function SendCommand({ stationId, ocppVersion }: { stationId: string; ocppVersion: string | null }) {
  const version = ocppVersion ?? 'ocpp1.6';
  const actions = CSMS_ACTIONS[version] ?? [];
  const [action, setAction] = useState(actions.includes('TriggerMessage') ? 'TriggerMessage' : actions[0] ?? '');
  const [schema, setSchema] = useState<JsonSchema | null>(null);
  const [value, setValue] = useState<unknown>({});
  const [schemaError, setSchemaError] = useState<unknown>(null);
  const [outcome, setOutcome] = useState<CommandOutcome>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    setSchema(null);
    requestSchema(version, action).then(
      (loaded) => { if (current) { setSchema(loaded); setValue(initialValue(loaded, loaded) ?? {}); setSchemaError(null); } },
      (error: unknown) => { if (current) setSchemaError(error); },
    );
    return () => { current = false; };
  }, [version, action]);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const result = await ok(api.POST('/api/v1/stations/{id}/ocpp/{action}', { params: { path: { id: stationId, action } }, body: value as never }));
      setOutcome({ label: action, response: result.response });
    } catch (error) {
      setOutcome({ label: action, error });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void send(e)} aria-label="Send an OCPP command" className="send-command">
      <label>Action ({version})
        <select name="action" value={action} onChange={(e) => setAction(e.target.value)}>
          {actions.map((a) => <option key={a}>{a}</option>)}
        </select>
      </label>
      <ProblemMessage error={schemaError} />
      {schema ? <SchemaForm schema={schema} value={value} onChange={setValue} idPrefix={`cmd-${action}`} /> : !schemaError && <p className="loading">Loading the {action} schema…</p>}
      <details><summary>Payload</summary><pre data-testid="payload-preview">{JSON.stringify(value, null, 2)}</pre></details>
      <button type="submit" className="primary" disabled={busy || !schema}>Send {action}</button>
      <CommandResult outcome={outcome} />
    </form>
  );
}
