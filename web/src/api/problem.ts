/** An API error as the dashboard shows it: the problem+json title and detail, never a stack trace. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | null,
    readonly code: string | null,
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }
}

type ProblemBody = { title?: unknown; detail?: unknown; code?: unknown; type?: unknown };

/** Builds the problem for a failed response; a body that is not problem+json still gets a clear message. */
export function problemOf(status: number, body: unknown): ApiProblem {
  const problem = (typeof body === 'object' && body !== null ? body : {}) as ProblemBody;
  const title = typeof problem.title === 'string' ? problem.title : status === 0 ? 'The server cannot be reached' : `Request failed (HTTP ${status})`;
  // Some problems repeat their title as the detail: shown once.
  const detail = typeof problem.detail === 'string' && problem.detail !== title ? problem.detail : null;
  const code = typeof problem.code === 'string' ? problem.code
    : typeof problem.type === 'string' ? problem.type.split('/').pop() ?? null : null;
  return new ApiProblem(status, title, detail, code);
}

export function messageOf(error: unknown): { title: string; detail: string | null } {
  if (error instanceof ApiProblem) return { title: error.title, detail: error.detail };
  if (error instanceof Error) return { title: 'Something went wrong', detail: error.message };
  return { title: 'Something went wrong', detail: String(error) };
}
