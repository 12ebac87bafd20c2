import { messageOf } from '../api/problem.js';

/** An API error as a clear message: the problem's title, and its detail when there is one. */
export function ProblemMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  const { title, detail } = messageOf(error);
  return (
    <div className="problem" role="alert">
      <strong>{title}</strong>
      {detail && detail !== title && <span> {detail}</span>}
      {onRetry && <button type="button" className="link" onClick={onRetry}>Try again</button>}
    </div>
  );
}
