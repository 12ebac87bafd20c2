import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from './schema.js';
import { authHeaders } from './credentials.js';
import { ApiProblem, problemOf } from './problem.js';

/** Called when the server says the sign-in is gone (401), so the app can show the login page. */
let onUnauthorized: () => void = () => {};
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

const authenticate: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(authHeaders(request.method))) request.headers.set(name, value);
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) onUnauthorized();
    return response;
  },
};

/** The typed client of the public REST API, generated from its OpenAPI document (scripts/generate-client.ts). */
export const api = createClient<paths>({ baseUrl: '', credentials: 'same-origin' });
api.use(authenticate);

/** Unwraps an openapi-fetch result: the data, or an ApiProblem with the problem+json title/detail. */
export async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (error) {
    throw error instanceof ApiProblem ? error : problemOf(0, { title: 'The server cannot be reached', detail: String((error as Error).message ?? error) });
  }
  if (!result.response.ok) throw problemOf(result.response.status, result.error);
  return result.data as T;
}

/**
 * For endpoints not yet in the generated document (the identity API lands in parallel, see
 * /tmp contract in docs): the same auth headers and problem handling, typed by the caller.
 */
export async function requestJson<T>(method: string, path: string, body?: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { ...authHeaders(method), ...(body === undefined ? {} : { 'content-type': 'application/json' }), accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (error) {
    throw problemOf(0, { detail: (error as Error).message });
  }
  const text = await response.text();
  let parsed: unknown = null;
  try { parsed = text ? JSON.parse(text) : null; } catch { parsed = { detail: text.slice(0, 200) }; }
  if (!response.ok) {
    if (response.status === 401) onUnauthorized();
    throw problemOf(response.status, parsed);
  }
  return parsed as T;
}
