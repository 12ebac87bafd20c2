import { useEffect, useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import { useAuth } from '../auth/auth-context.js';
import { ApiProblem } from '../api/problem.js';
import { requestJson } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';
import { applyBranding, type BrandingView } from '../components/theme.js';

export function LoginPage() {
  const { state, signIn, signInWithApiKey } = useAuth();
  const location = useLocation();
  const [mode, setMode] = useState<'password' | 'apiKey'>('password');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsTotp, setNeedsTotp] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [brand, setBrand] = useState<{ name: string; logo: string | null }>({ name: 'ChargeOps', logo: null });

  // The tenant that owns this host name brands the login page (public endpoint; absent: ChargeOps).
  useEffect(() => {
    requestJson<BrandingView>('GET', '/api/v1/branding').then((branding) => setBrand(applyBranding(branding)), () => undefined);
  }, []);

  if (state.status === 'signed-in') {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from !== '/login' ? from : '/'} replace />;
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === 'apiKey') await signInWithApiKey(apiKey.trim());
      else await signIn(email.trim(), password, needsTotp ? totp.trim() : undefined);
    } catch (failure) {
      if (failure instanceof ApiProblem && failure.code === 'totp_required') setNeedsTotp(true);
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="login-title">
        {brand.logo && <img src={brand.logo} alt="" height={40} />}
        <h1 id="login-title">Sign in to {brand.name}</h1>
        {mode === 'password' ? (
          <>
            <label>Email<input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} /></label>
            <label>Password<input name="password" type="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
            {needsTotp && (
              <label>Authenticator code<input name="totpCode" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6}" required value={totp} onChange={(e) => setTotp(e.target.value)} /></label>
            )}
          </>
        ) : (
          <label>API key<input name="apiKey" type="password" autoComplete="off" required value={apiKey} onChange={(e) => setApiKey(e.target.value)} /></label>
        )}
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p className="aside">
          {mode === 'password'
            ? <><Link to="/forgot-password">Forgot your password?</Link> · <button type="button" className="link" onClick={() => setMode('apiKey')}>Sign in with an API key</button></>
            : <button type="button" className="link" onClick={() => setMode('password')}>Sign in with email and password</button>}
        </p>
      </form>
    </main>
  );
}
