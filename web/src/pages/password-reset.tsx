import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { requestJson } from '../api/client.js';
import { ProblemMessage } from '../components/problem-message.js';

/** /forgot-password: always the same answer, whether or not the address has an account. */
export function PasswordResetRequestPage() {
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      // The server answers before it mails (a slow mail server never holds the page); a refusal,
      // e.g. 429 from the per-address limit, is shown with its title and when to retry.
      await requestJson('POST', '/api/v1/auth/password-reset', { email: email.trim() });
      setSent(true);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="reset-title">
        <h1 id="reset-title">Reset your password</h1>
        {sent ? <p role="status">If an account exists for {email.trim()}, an email with a reset link is on its way.</p> : (
          <>
            <label>Email<input name="email" type="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} /></label>
            <ProblemMessage error={error} />
            <button type="submit" className="primary" disabled={busy}>{busy ? 'Sending…' : 'Send reset link'}</button>
          </>
        )}
        <p className="aside"><Link to="/login">Back to sign in</Link></p>
      </form>
    </main>
  );
}

/** /reset-password?token=…: the link from the email. */
export function PasswordResetConfirmPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password !== repeat) return setError(new Error('The two passwords differ.'));
    try {
      await requestJson('POST', '/api/v1/auth/password-reset/confirm', { token, password });
      setDone(true);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="confirm-title">
        <h1 id="confirm-title">Choose a new password</h1>
        {!token && <p role="alert">This link has no reset token. Ask for a new link.</p>}
        {done ? <p role="status">Your password is changed. <Link to="/login">Sign in</Link></p> : (
          <>
            <label>New password<input name="password" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
            <label>Repeat it<input name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} /></label>
            <ProblemMessage error={error} />
            <button type="submit" className="primary" disabled={!token}>Set password</button>
          </>
        )}
        <p className="aside"><Link to="/forgot-password">Ask for a new link</Link></p>
      </form>
    </main>
  );
}
