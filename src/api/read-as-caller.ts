// An internal GET of a resource with the caller's own credentials, so that authentication, tenant
// scope and site scope apply exactly as if the caller had asked. Used by If-Match (etag.ts) and by
// the audit log's `before` state; one read per request and path, shared by both.
import type { FastifyRequest } from 'fastify';
import type { ApiApp } from './http-server.js';

export type CurrentState = { status: number; body: unknown };

/** Headers the internal read copies: whoever the caller is, the read is theirs. */
const IDENTITY_HEADERS = ['authorization', 'cookie', 'x-tenant-id'];

const reads = new WeakMap<FastifyRequest, Map<string, Promise<CurrentState>>>();

export function readAsCaller(app: ApiApp, request: FastifyRequest, path: string): Promise<CurrentState> {
  let mine = reads.get(request);
  if (!mine) reads.set(request, (mine = new Map()));
  const known = mine.get(path);
  if (known) return known;
  const headers: Record<string, string> = {};
  for (const name of IDENTITY_HEADERS) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const read = app.inject({ method: 'GET', url: path, headers }).then((answer) => ({ status: answer.statusCode, body: parseJson(answer.body) }));
  mine.set(path, read);
  return read;
}

/** Forgets what was read for this request: after its own write, a second read must see the new state. */
export function forgetReads(request: FastifyRequest): void {
  reads.delete(request);
}

/** `/api/v1/stations/:id` with `{ id: 'CP 1' }` -> `/api/v1/stations/CP%201`. */
export function fillRoute(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
