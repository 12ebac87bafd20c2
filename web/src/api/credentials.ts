/**
 * How this browser tab authenticates: the session cookie (sent by the browser, plus the CSRF token
 * on writes, per the identity contract) or an API key (kept in sessionStorage, sent as Bearer).
 */
export type Credentials =
  | { kind: 'session'; csrfToken: string | null }
  | { kind: 'apiKey'; key: string }
  | { kind: 'none' };

const API_KEY_STORAGE = 'chargeops.apiKey';
let current: Credentials = restore();

function restore(): Credentials {
  const key = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(API_KEY_STORAGE);
  // Without a stored key the cookie may still hold a session: /auth/me tells.
  return key ? { kind: 'apiKey', key } : { kind: 'session', csrfToken: null };
}

export function credentials(): Credentials {
  return current;
}

export function setCredentials(next: Credentials): void {
  current = next;
  if (typeof sessionStorage === 'undefined') return;
  if (next.kind === 'apiKey') sessionStorage.setItem(API_KEY_STORAGE, next.key);
  else sessionStorage.removeItem(API_KEY_STORAGE);
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Headers that authenticate a request of `method` with the current credentials. */
export function authHeaders(method: string): Record<string, string> {
  if (current.kind === 'apiKey') return { authorization: `Bearer ${current.key}` };
  if (current.kind === 'session' && current.csrfToken && !SAFE_METHODS.has(method.toUpperCase())) {
    return { 'x-csrf-token': current.csrfToken };
  }
  return {};
}
