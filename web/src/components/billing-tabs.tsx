// The billing pages' own navigation (one "Billing" entry in the main nav keeps the top bar short).
import { NavLink } from 'react-router';
import './dashboard-extra.css';

const TABS = [
  { to: '/tariffs', label: 'Tariffs' }, { to: '/customer-groups', label: 'Customer groups' }, { to: '/cdrs', label: 'CDRs' },
  { to: '/invoices', label: 'Invoices' }, { to: '/payments', label: 'Payments' }, { to: '/reconciliation', label: 'Reconciliation' },
  { to: '/finance', label: 'Finance exports' },
];

export function BillingTabs() {
  return (
    <nav aria-label="Billing" className="subnav">
      <ul>{TABS.map((t) => <li key={t.to}><NavLink to={t.to}>{t.label}</NavLink></li>)}</ul>
    </nav>
  );
}
