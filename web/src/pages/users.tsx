import { useState, type FormEvent } from 'react';
import { api, ok, requestJson } from '../api/client.js';
import type { User } from '../auth/auth-context.js';
import { useAuth } from '../auth/auth-context.js';
import { ProblemMessage } from '../components/problem-message.js';
import { SitePicker } from '../components/site-picker.js';
import { formatTime } from '../components/status.js';
import { useAsync } from '../components/use-async.js';
import { UnavailableOr } from './not-yet.js';

const ROLES = ['tenant-admin', 'operator', 'support', 'technician', 'finance', 'viewer', 'site-host'] as const;
type Role = (typeof ROLES)[number] | 'platform-admin';
/** Roles that see only their sites' stations: the server refuses them without sites. */
export const SITE_BOUND: ReadonlySet<string> = new Set(['technician', 'site-host']);

/** A role or site change being edited: saved as one PATCH, so a technician never exists without sites. */
type Editing = { user: User; role: Role; siteIds: string[] };

export function UsersPage() {
  const { can } = useAuth();
  const users = useAsync(() => requestJson<{ items: User[] }>('GET', '/api/v1/users'), []);
  const [invite, setInvite] = useState<{ email: string; role: string; siteIds: string[] }>({ email: '', role: 'operator', siteIds: [] });
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const manage = can('users:manage');

  const save = async (change: Editing) => {
    setError(null);
    try {
      const siteIds = SITE_BOUND.has(change.role) ? change.siteIds : null;
      await ok(api.PATCH('/api/v1/users/{id}', { params: { path: { id: change.user.id } }, body: { role: change.role, siteIds } }));
      setEditing(null);
      users.reload();
    } catch (failure) { setError(failure); }
  };
  const changeRole = (user: User, role: Role) => {
    // A site-bound role needs its sites first; other roles save at once.
    if (SITE_BOUND.has(role)) setEditing({ user, role, siteIds: user.siteIds ?? [] });
    else void save({ user, role, siteIds: [] });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await requestJson('POST', '/api/v1/users/invitations', {
        email: invite.email.trim(), role: invite.role, ...(SITE_BOUND.has(invite.role) ? { siteIds: invite.siteIds } : {}),
      });
      setSent(invite.email.trim());
      setInvite({ ...invite, email: '' });
    } catch (failure) { setError(failure); }
  };
  return (
    <section aria-labelledby="users-title">
      <h1 id="users-title">Users and roles</h1>
      {manage && (
        <form className="panel" onSubmit={(e) => void submit(e)} aria-label="Invite a user">
          <div className="filters">
            <label>Email<input type="email" required value={invite.email} onChange={(e) => setInvite({ ...invite, email: e.target.value })} /></label>
            <label>Role<select value={invite.role} onChange={(e) => setInvite({ ...invite, role: e.target.value })}>{ROLES.map((r) => <option key={r}>{r}</option>)}</select></label>
            <button type="submit">Send invitation</button>
          </div>
          {SITE_BOUND.has(invite.role) && <SitePicker legend={`Sites the ${invite.role} works at`} value={invite.siteIds} onChange={(siteIds) => setInvite({ ...invite, siteIds })} />}
        </form>
      )}
      {sent && <p className="result" role="status">Invitation sent to {sent}.</p>}
      <ProblemMessage error={error} />
      {editing && (
        <form className="panel" aria-label={`Sites of ${editing.user.email}`} onSubmit={(e) => { e.preventDefault(); void save(editing); }}>
          <h2>Sites of {editing.user.name} ({editing.role})</h2>
          <SitePicker legend="Sites this user works at" value={editing.siteIds} onChange={(siteIds) => setEditing({ ...editing, siteIds })} />
          <p className="actions">
            <button type="submit" className="primary" disabled={editing.siteIds.length === 0}>Save sites</button>
            <button type="button" onClick={() => setEditing(null)}>Cancel</button>
            {editing.siteIds.length === 0 && <span className="muted">A {editing.role} needs at least one site.</span>}
          </p>
        </form>
      )}
      <UnavailableOr error={users.error} what="users" onRetry={users.reload} />
      <table>
        <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Sites</th><th scope="col">2FA</th><th scope="col">Since</th></tr></thead>
        <tbody>{(users.data?.items ?? []).map((u) => (
          <tr key={u.id}><td>{u.name}</td><td>{u.email}</td><td>{manage && u.role !== 'platform-admin' ? (
            <select aria-label={`Role of ${u.email}`} value={u.role} onChange={(e) => changeRole(u, e.target.value as Role)}>
              {ROLES.map((r) => <option key={r}>{r}</option>)}
            </select>
          ) : u.role}</td>
          <td>
            {u.siteIds ? `${u.siteIds.length} site${u.siteIds.length === 1 ? '' : 's'}` : 'all'}
            {manage && SITE_BOUND.has(u.role) && <> <button type="button" className="link" aria-label={`Edit sites of ${u.email}`} onClick={() => setEditing({ user: u, role: u.role as Role, siteIds: u.siteIds ?? [] })}>edit</button></>}
          </td>
          <td>{u.totpEnabled ? 'on' : 'off'}</td><td>{formatTime(u.createdAt)}</td></tr>
        ))}</tbody>
      </table>
    </section>
  );
}
