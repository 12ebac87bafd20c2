import { useEffect, useState, type ReactNode } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useAuth, useMe } from '../auth/auth-context.js';
import { useLiveState } from '../live/live-events.js';
import { ErrorBoundary } from './error-boundary.js';
import { applyBranding, applyTheme, initialTheme, type Theme } from './theme.js';

/** The sidebar's sections, in order; each NAV entry names its own (pages of later capabilities add theirs). */
const GROUPS = ['Network', 'Operations', 'Energy', 'Money', 'Drivers', 'Integrations', 'Administration'] as const;
type NavGroup = (typeof GROUPS)[number];

const NAV: Array<{ to: string; label: string; group: NavGroup; permission?: string }> = [
  { to: '/', label: 'Overview', group: 'Network' },
  { to: '/sites', label: 'Sites', group: 'Network', permission: 'sites:read' },
  { to: '/stations', label: 'Stations', group: 'Network', permission: 'stations:read' },
  { to: '/sessions', label: 'Sessions', group: 'Network', permission: 'sessions:read' },
  { to: '/incidents', label: 'Incidents', group: 'Operations', permission: 'health:read' },
  { to: '/work-orders', label: 'Work orders', group: 'Operations', permission: 'health:read' },
  { to: '/knowledge-base', label: 'Knowledge base', group: 'Operations', permission: 'health:read' },
  { to: '/reliability', label: 'Reliability', group: 'Operations', permission: 'health:read' },
  { to: '/maintenance', label: 'Maintenance', group: 'Operations', permission: 'health:read' },
  { to: '/tokens', label: 'Tokens', group: 'Drivers', permission: 'tokens:read' },
  { to: '/tariffs', label: 'Tariffs', group: 'Money', permission: 'finance:read' },
  { to: '/cdrs', label: 'Billing', group: 'Money', permission: 'finance:read' },
  { to: '/invoices', label: 'Invoices', group: 'Money', permission: 'finance:read' },
  { to: '/payments', label: 'Payments', group: 'Money', permission: 'finance:read' },
  { to: '/reconciliation', label: 'Reconciliation', group: 'Money', permission: 'finance:read' },
  { to: '/profiles', label: 'Charging profiles', group: 'Energy', permission: 'energy:read' },
  { to: '/webhooks', label: 'Webhooks', group: 'Integrations', permission: 'webhooks:read' },
  { to: '/audit', label: 'Audit log', group: 'Administration', permission: 'audit:read' },
  { to: '/api-keys', label: 'API keys', group: 'Integrations', permission: 'api-keys:manage' },
  { to: '/users', label: 'Users', group: 'Administration', permission: 'users:read' },
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
  const who = `${me.user?.email ?? me.apiKey?.name ?? 'Account'}${me.tenant ? ` · ${me.tenant.displayName}` : ''}`;
  useEffect(() => setBrand(applyBranding(me.tenant?.branding, me.tenant?.displayName ?? 'ChargeOps')), [me]);

  return (
    <div className="shell">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">{brand.logo && <img src={brand.logo} alt="" height={28} />}{brand.name}</span>
        <span className={`stream stream-${live}`} role="status" aria-live="polite" data-testid="stream-state">{STREAM_TEXT[live]}</span>
        <button type="button" onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')} aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}>
          {theme === 'dark' ? '☀' : '☾'}
        </button>
        {/* The name keeps the visible text (WCAG 2.5.3 label in name) and says where the link goes. */}
        <NavLink className="who" to="/profile" aria-label={`Your account: ${who}`}>{who}</NavLink>
        <button type="button" onClick={() => void signOut()}>Sign out</button>
      </header>
      {live === 'lost' && <div className="banner" role="alert">The live connection to the server was lost. Reconnecting; what is shown may be out of date.</div>}
      <div className="frame">
        <nav aria-label="Main" className="sidebar">
          {GROUPS.map((group) => {
            const items = NAV.filter((item) => item.group === group && (!item.permission || can(item.permission)));
            if (items.length === 0) return null;
            return (
              <div key={group} role="group" aria-label={group}>
                <div className="nav-group" aria-hidden="true">{group}</div>
                <ul>
                  {items.map((item) => <li key={item.to}><NavLink to={item.to} end={item.to === '/'}>{item.label}</NavLink></li>)}
                </ul>
              </div>
            );
          })}
        </nav>
        <main id="main" tabIndex={-1}>
          <ErrorBoundary resetKey={location.pathname}>{children}</ErrorBoundary>
        </main>
      </div>
    </div>
  );
}
