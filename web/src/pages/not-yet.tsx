import { ApiProblem } from '../api/problem.js';
import { ProblemMessage } from '../components/problem-message.js';

/** A page whose API another module provides: a 404 means this server does not have it yet. */
export function UnavailableOr({ error, what, onRetry }: { error: unknown; what: string; onRetry(): void }) {
  if (error instanceof ApiProblem && error.status === 404) return <p className="muted" role="status">The {what} API is not available on this server yet.</p>;
  return <ProblemMessage error={error} onRetry={onRetry} />;
}
