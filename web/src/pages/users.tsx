import { useState, type FormEvent } from 'react';
import { api, ok, requestJson } from '../api/client.js';
import type { User } from '../auth/auth-context.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';

const ROLES = ['tenant-admin', 'operator', 'support', 'technician', 'finance', 'viewer', 'site-host'] as const;
type Role = (typeof ROLES)[number] | 'platform-admin';

export function UsersPage() {
  const { can } = useAuth();
  const users = useAsync(() => requestJson<{ items: User[] }>('GET', '/api/v1/users'), []);
  const [invite, setInvite] = useState({ email: '', role: 'operator' });
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const changeRole = async (user: User, role: Role) => {
    setError(null);
    try {
      await ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: { role } }));
      users.reload();
    } catch (failure) { setError(failure); }
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await requestJson('POST', '/api/v1/users/invitations', { email: invite.email.trim(), role: invite.role });
      setSent(invite.email.trim());
      setInvite({ ...invite, email: '' });
    } catch (failure) { setError(failure); }
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      {can('users:manage') && (
        <form className="filters" onSubmit={(e) => void submit(e)} aria-label="Invite a user">
          <label>Email<input type="email" required value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.target.value })} /></label>
          <label>Role<select value={invite.role} onChange={(e) => setInvite({ ...invite, role: e.target.value })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
          <button type="submit">Send invitation</button>
        </form>
      )}
      {sent && <p className="result" role="status">Invitation sent to {sent}.</p>}
      <ProblemMessage error={error} />
      <UnavailableOr error={users.error} what="users" onRetry={users.reload} />
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sites</th><th scope="col">2FA</th><th scope="col">Since</th></tr></thead>
        <tbody>{(users.data?.items ?? []).map((u) => (
          <tr key={u.id}><td>{u.name}</td><td>{u.email}</td><td>{can('users:manage') && u.role !== 'platform-admin' ? (
            <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => void changeRole(u, e.target.value as Role)}>
              {ROLES.map((r) => <option key={r}>{r}</option>)}
            </select>
          ) : u.role}</td><td>{u.siteIds?.join(', ') ?? 'all'}</td><td>{u.totpEnabled ? 'on' : 'off'}</td><td>{formatTime(u.createdAt)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
