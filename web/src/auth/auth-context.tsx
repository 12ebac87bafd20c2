import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { requestJson, whenUnauthorized } from '../api/client.js';
import { credentials, setCredentials } from '../api/credentials.js';
import { ApiProblem } from '../api/problem.js';

/** GET /api/v1/auth/me, as the identity contract defines it. */
export type Branding = { displayName?: string | null; logo?: string | null; primaryColor?: string | null; accentColor?: string | null } & Record<string, unknown>;
export type User = { id: string; email: string; name: string; tenantId: string | null; role: string; siteIds: string[] | null; totpEnabled: boolean; createdAt: string };
export type Me = {
  user: User | null;
  apiKey: { id: string; name: string } | null;
  tenant: { id: string; name: string; displayName: string; branding: Branding | null } | null;
  role: string;
  permissions: string[];
  csrfToken: string | null;
};

type AuthState = { status: 'loading' } | { status: 'signed-out' } | { status: 'signed-in'; me: Me };

type AuthApi = {
  state: AuthState;
  signIn(email: string, password: string, totpCode?: string): Promise<void>;
  signInWithApiKey(key: string): Promise<void>;
  acceptInvitation(token: string, name: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  can(permission: string): boolean;
};

const AuthContext = createContext<AuthApi | null>(null);

/**
 * Who is signed in. /auth/me answers for both the session cookie and an API key. Until the
 * identity API is deployed (404 on /auth/me) an API key still signs in: it is checked against a
 * read endpoint and given the permissions the server will enforce anyway.
 */
async function loadMe(): Promise<Me> {
  try {
    const me = await requestJson<Me>('GET', '/api/v1/auth/me');
    const current = credentials();
    if (current.kind === 'session') setCredentials({ kind: 'session', csrfToken: me.csrfToken });
    return me;
  } catch (error) {
    if (!(error instanceof ApiProblem) || error.status !== 404 || credentials().kind !== 'apiKey') throw error;
    await requestJson('GET', '/api/v1/stations?limit=1');
    return { user: null, apiKey: { id: 'unknown', name: 'API key' }, tenant: null, role: 'api-key', permissions: ['*'], csrfToken: null };
  }
}

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    whenUnauthorized(() => setState((s) => (s.status === 'signed-in' ? { status: 'signed-out' } : s)));
    loadMe().then((me) => setState({ status: 'signed-in', me }), () => setState({ status: 'signed-out' }));
  }, []);

  const signIn = useCallback(async (email: string, password: string, totpCode?: string) => {
    setCredentials({ kind: 'session', csrfToken: null });
    const result = await requestJson<{ csrfToken: string }>('POST', '/api/v1/auth/login', { email, password, ...(totpCode ? { totpCode } : {}) });
    setCredentials({ kind: 'session', csrfToken: result.csrfToken });
    setState({ status: 'signed-in', me: await loadMe() });
  }, []);

  const acceptInvitation = useCallback(async (token: string, name: string, password: string) => {
    setCredentials({ kind: 'session', csrfToken: null });
    const result = await requestJson<{ csrfToken: string }>('POST', '/api/v1/auth/accept-invitation', { token, name, password });
    setCredentials({ kind: 'session', csrfToken: result.csrfToken });
    setState({ status: 'signed-in', me: await loadMe() });
  }, []);

  const signInWithApiKey = useCallback(async (key: string) => {
    setCredentials({ kind: 'apiKey', key });
    try {
      setState({ status: 'signed-in', me: await loadMe() });
    } catch (error) {
      setCredentials({ kind: 'session', csrfToken: null });
      throw error;
    }
  }, []);

  const signOut = useCallback(async () => {
    if (credentials().kind === 'session') await requestJson('POST', '/api/v1/auth/logout').catch(() => undefined);
    setCredentials({ kind: 'session', csrfToken: null });
    setState({ status: 'signed-out' });
  }, []);

  const value = useMemo<AuthApi>(() => ({
    state, signIn, signInWithApiKey, acceptInvitation, signOut,
    can: (permission) => state.status === 'signed-in' && (state.me.permissions.includes('*') || state.me.permissions.includes(permission)),
  }), [state, signIn, signInWithApiKey, acceptInvitation, signOut]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthApi {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthProvider');
  return auth;
}

export function useMe(): Me {
  const { state } = useAuth();
  if (state.status !== 'signed-in') throw new Error('useMe while signed out');
  return state.me;
}
