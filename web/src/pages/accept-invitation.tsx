import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';

/** /accept-invitation?token=…: the link of an invitation email; accepting signs the new user in. */
export function AcceptInvitationPage() {
  const { state, acceptInvitation } = useAuth();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (state.status === 'signed-in' && busy) return <Navigate to="/" replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (password !== repeat) return setError(new Error('The two passwords differ.'));
    setBusy(true);
    try {
      await acceptInvitation(token, name.trim(), password);
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };
  return (
    <main className="login" id="main">
      <form onSubmit={(event) => void submit(event)} aria-labelledby="invite-title">
        <h1 id="invite-title">Join ChargeOps</h1>
        {!token && <p role="alert">This link has no invitation token. Ask for a new invitation.</p>}
        <label>Your name<input name="name" autoComplete="name" required maxLength={200} value={name} onChange={(e) => setName(e.target.value)} /></label>
        <label>Password<input name="password" type="password" autoComplete="new-password" minLength={12} required value={password} onChange={(e) => setPassword(e.target.value)} /></label>
        <label>Repeat it<input name="repeat" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} /></label>
        <ProblemMessage error={error} />
        <button type="submit" className="primary" disabled={!token || busy}>Accept invitation</button>
      </form>
    </main>
  );
}
