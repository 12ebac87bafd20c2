import { lazy, Suspense, useState, type FormEvent } from 'react';
import { requestJson } from '../api/client.js';
import { useMe } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';

type Enrolment = { secret: string; otpauthUrl: string };

// The QR library is only needed while enrolling: its own chunk.
const TotpQr = lazy(() => import('../components/totp-qr.js'));

/** Groups of four, as authenticator apps show a secret to type in. */
export const groupSecret = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * The signed-in user's own account: the second factor (TOTP, RFC 6238). Enrolment is two steps on
 * the server: POST /auth/totp gives a secret once, POST /auth/totp/confirm with a current code
 * switches it on; from then on sign-in asks for a code.
 */
export function ProfilePage() {
  const me = useMe();
  const [enabled, setEnabled] = useState(me.user?.totpEnabled ?? false);
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!me.user) {
    return (
      <section aria-labelledby="profile-title">
        <h1 id="profile-title">Your account</h1>
        <p>You are signed in with the API key <strong>{me.apiKey?.name}</strong>: keys have no password or second factor.</p>
      </section>
    );
  }

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setDone(null);
    try { await action(); } catch (failure) { setError(failure); } finally { setBusy(false); }
  };
  const start = () => run(async () => { setEnrolment(await requestJson<Enrolment>('POST', '/api/v1/auth/totp')); setCode(''); });
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await requestJson('POST', '/api/v1/auth/totp/confirm', { code: code.trim() });
      setEnabled(true);
      setEnrolment(null);
      setCode('');
      setDone('Two-factor sign-in is on. From your next sign-in, enter a code from your authenticator app.');
    });
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await requestJson('POST', '/api/v1/auth/totp/disable', { code: code.trim() });
      setEnabled(false);
      setCode('');
      setDone('Two-factor sign-in is off.');
    });
  };
  const codeField = (
    <label>Code from your authenticator app
      <input name="totp-code" value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" autoComplete="one-time-code" pattern="[0-9]{6,8}" required />
    </label>
  );

  return (
    <section aria-labelledby="profile-title">
      <h1 id="profile-title">Your account</h1>
      <dl className="facts">
        <dt>Name</dt><dd>{me.user.name}</dd>
        <dt>Email</dt><dd>{me.user.email}</dd>
        <dt>Role</dt><dd>{me.user.role}</dd>
        <dt>Sites</dt><dd>{me.user.siteIds?.join(', ') ?? 'all'}</dd>
      </dl>
      <section className="panel" aria-labelledby="totp-title">
        <h2 id="totp-title">Two-factor sign-in</h2>
        <p data-testid="totp-state">Two-factor sign-in is <strong>{enabled ? 'on' : 'off'}</strong>.</p>
        {done && <p className="result" role="status">{done}</p>}
        <ProblemMessage error={error} />
        {!enabled && !enrolment && <button type="button" className="primary" onClick={() => void start()} disabled={busy}>Set up two-factor sign-in</button>}
        {!enabled && enrolment && (
          <form onSubmit={confirm} aria-label="Confirm two-factor sign-in">
            <p>Add this account to your authenticator app: scan the QR code, open the link on this device, or type the secret in. It is shown only now.</p>
            <Suspense fallback={null}><TotpQr otpauthUrl={enrolment.otpauthUrl} /></Suspense>
            <dl className="facts">
              <dt>Secret</dt><dd><code data-testid="totp-secret" data-secret={enrolment.secret}>{groupSecret(enrolment.secret)}</code></dd>
              <dt>Link</dt><dd><a href={enrolment.otpauthUrl}>Open in authenticator app</a></dd>
            </dl>
            <p className="form-grid">{codeField}<button type="submit" className="primary" disabled={busy}>Turn on</button></p>
          </form>
        )}
        {enabled && (
          <form onSubmit={disable} aria-label="Turn two-factor sign-in off">
            <p className="form-grid">{codeField}<button type="submit" disabled={busy}>Turn off</button></p>
          </form>
        )}
      </section>
    </section>
  );
}
