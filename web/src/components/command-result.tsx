import { ProblemMessage } from './problem-message.js';

export type CommandOutcome = { label: string; response?: unknown; error?: unknown } | null;

/** The station's answer to a command, or the problem the API returned. */
export function CommandResult({ outcome }: { outcome: CommandOutcome }) {
  if (!outcome) return null;
  if (outcome.error) return <div data-testid="command-result"><ProblemMessage error={outcome.error} /></div>;
  const status = typeof outcome.response === 'object' && outcome.response !== null ? (outcome.response as { status?: unknown }).status : undefined;
  return (
    <div className="result" role="status" data-testid="command-result">
      <strong>{outcome.label}:</strong> {typeof status === 'string' ? `station answered ${status}` : 'station answered'}
      <details><summary>Answer</summary><pre>{JSON.stringify(outcome.response, null, 2)}</pre></details>
    </div>
  );
}
