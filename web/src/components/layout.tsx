import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context.js';
import { useLiveState } from '../live/live-events.js';
import { ErrorBoundary } from './error-boundary.js';
import { applyBranding, applyTheme, initialTheme, type Theme } from './theme.js';

const NAV: Array<{ to: string; label: string; permission?: string }> = [
  { to: '/', label: 'Overview' },
  { to: '/sites', label: 'Sites', permission: 'sites:read' },
  { to: '/stations', label: 'Stations', permission: 'stations:read' },
  { to: '/sessions', label: 'Sessions', permission: 'sessions:read' },
  { to: '/tokens', label: 'Tokens', permission: 'tokens:read' },
  { to: '/tariffs', label: 'Tariffs', permission: 'finance:read' },
  { to: '/cdrs', label: 'Billing', permission: 'finance:read' },
  { to: '/webhooks', label: 'Webhooks', permission: 'webhooks:read' },
  { to: '/audit', label: 'Audit log', permission: 'audit:read' },
  { to: '/api-keys', label: 'API keys', permission: 'api-keys:manage' },
  { to: '/users', label: 'Users', permission: 'users:read' },
];

const STREAM_TEXT = { connecting: 'Connecting to live updates…', open: 'Live', lost: 'Live updates lost: reconnecting…', denied: 'No live updates for your role: refresh to update' } as const;

export function Layout({ children }: { children: ReactNode }) {
  const { can, signOut } = useAuth();
  const me = useMe();
  const live = useLiveState();
  const location = useLocation();
  const [theme, setTheme] = useState<Theme>(initialTheme);
  const [brand, setBrand] = useState<{ name: string; logo: string | null }>({ name: 'ChargeOps', logo: null });
  useEffect(() => applyTheme(theme), [theme]);
  useEffect(() => setBrand(applyBranding(me.tenant?.branding, me.tenant?.displayName ?? 'ChargeOps')), [me]);

  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">{brand.logo && <img src={brand.logo} alt="" height={28} />}{brand.name}</span>
        <nav aria-label="Main">
          <ul>
            {NAV.filter((item) => !item.permission || can(item.permission)).map((item) => (
              <li key={item.to}><NavLink to={item.to} end={item.to === '/'}>{item.label}</NavLink></li>
            ))}
          </ul>
        </nav>
        <span className={`stream stream-${live}`} role="status" aria-live="polite" data-testid="stream-state">{STREAM_TEXT[live]}</span>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        <NavLink className="who" to="/profile" aria-label="Your account">{me.user?.email ?? me.apiKey?.name ?? 'Account'}{me.tenant ? ` · ${me.tenant.displayName}` : ''}</NavLink>
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </header>
      {live === 'lost' && <div className="banner" role="alert">The live connection to the server was lost. Reconnecting; what is shown may be out of date.</div>}
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
      </main>
    </div>
  );
}
