import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { AuthProvider, useAuth } from './auth/auth-context.js';
import { Layout } from './components/layout.js';
import { LiveEventsProvider } from './live/live-events.js';
import { LoginPage } from './pages/login.js';
import { OverviewPage } from './pages/overview.js';
import { PasswordResetConfirmPage, PasswordResetRequestPage } from './pages/password-reset.js';
import { AcceptInvitationPage } from './pages/accept-invitation.js';

// The overview ships in the first bundle; the other pages load when first opened.
const StationsPage = lazy(() => import('./pages/stations.js').then((m) => ({ default: m.StationsPage })));
const StationPage = lazy(() => import('./pages/station.js').then((m) => ({ default: m.StationPage })));
const SessionsPage = lazy(() => import('./pages/sessions.js').then((m) => ({ default: m.SessionsPage })));
const SessionPage = lazy(() => import('./pages/session.js').then((m) => ({ default: m.SessionPage })));
const TokensPage = lazy(() => import('./pages/tokens.js').then((m) => ({ default: m.TokensPage })));
const WebhooksPage = lazy(() => import('./pages/webhooks.js').then((m) => ({ default: m.WebhooksPage })));
const AuditPage = lazy(() => import('./pages/audit.js').then((m) => ({ default: m.AuditPage })));
const ApiKeysPage = lazy(() => import('./pages/api-keys.js').then((m) => ({ default: m.ApiKeysPage })));
const UsersPage = lazy(() => import('./pages/users.js').then((m) => ({ default: m.UsersPage })));
const SitesPage = lazy(() => import('./pages/sites.js').then((m) => ({ default: m.SitesPage })));
const SitePage = lazy(() => import('./pages/site.js').then((m) => ({ default: m.SitePage })));
const TariffsPage = lazy(() => import('./pages/tariffs.js').then((m) => ({ default: m.TariffsPage })));
const TariffPage = lazy(() => import('./pages/tariffs.js').then((m) => ({ default: m.TariffPage })));
const CdrsPage = lazy(() => import('./pages/cdrs.js').then((m) => ({ default: m.CdrsPage })));
const CdrPage = lazy(() => import('./pages/cdrs.js').then((m) => ({ default: m.CdrPage })));
const ProfilePage = lazy(() => import('./pages/profile.js').then((m) => ({ default: m.ProfilePage })));
// Energy and billing pages (ADR 056, 057).
const SiteEnergyPage = lazy(() => import('./pages/site-energy.js').then((m) => ({ default: m.SiteEnergyPage })));
const ChargingProfilesPage = lazy(() => import('./pages/profiles.js').then((m) => ({ default: m.ProfilesPage })));
const NewTariffPage = lazy(() => import('./pages/tariff-form.js').then((m) => ({ default: m.NewTariffPage })));
const EditTariffPage = lazy(() => import('./pages/tariff-form.js').then((m) => ({ default: m.EditTariffPage })));
const CustomerGroupsPage = lazy(() => import('./pages/customer-groups.js').then((m) => ({ default: m.CustomerGroupsPage })));
const InvoicesPage = lazy(() => import('./pages/invoices.js').then((m) => ({ default: m.InvoicesPage })));
const InvoicePage = lazy(() => import('./pages/invoices.js').then((m) => ({ default: m.InvoicePage })));
const PaymentsPage = lazy(() => import('./pages/payments.js').then((m) => ({ default: m.PaymentsPage })));
const ReconciliationPage = lazy(() => import('./pages/reconciliation.js').then((m) => ({ default: m.ReconciliationPage })));
const FinancePage = lazy(() => import('./pages/finance.js').then((m) => ({ default: m.FinancePage })));
// Network health pages (ADR 054).
const IncidentsPage = lazy(() => import('./pages/incidents.js').then((m) => ({ default: m.IncidentsPage })));
const IncidentPage = lazy(() => import('./pages/incidents-detail.js').then((m) => ({ default: m.IncidentPage })));
const KnowledgeBasePage = lazy(() => import('./pages/knowledge-base.js').then((m) => ({ default: m.KnowledgeBasePage })));
const KnowledgeBaseEntryPage = lazy(() => import('./pages/knowledge-base-entry.js').then((m) => ({ default: m.KnowledgeBaseEntryPage })));
const WorkOrdersPage = lazy(() => import('./pages/work-orders.js').then((m) => ({ default: m.WorkOrdersPage })));
const NewWorkOrderPage = lazy(() => import('./pages/work-orders.js').then((m) => ({ default: m.NewWorkOrderPage })));
const WorkOrderPage = lazy(() => import('./pages/work-orders-detail.js').then((m) => ({ default: m.WorkOrderPage })));
const MaintenancePage = lazy(() => import('./pages/maintenance.js').then((m) => ({ default: m.MaintenancePage })));
const ReliabilityPage = lazy(() => import('./pages/reliability.js').then((m) => ({ default: m.ReliabilityPage })));
const HealthSettingsPage = lazy(() => import('./pages/incidents-settings.js').then((m) => ({ default: m.HealthSettingsPage })));
const PlaybooksPage = lazy(() => import('./pages/incidents-playbooks.js').then((m) => ({ default: m.PlaybooksPage })));

export function App() {
  return (
    <AuthProvider>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/forgot-password" element={<PasswordResetRequestPage />} />
        <Route path="/reset-password" element={<PasswordResetConfirmPage />} />
        <Route path="/accept-invitation" element={<AcceptInvitationPage />} />
        <Route path="*" element={<SignedIn />} />
      </Routes>
    </AuthProvider>
  );
}

function SignedIn() {
  const { state } = useAuth();
  const location = useLocation();
  if (state.status === 'loading') return <p className="loading" role="status">Loading…</p>;
  if (state.status === 'signed-out') return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return (
    <LiveEventsProvider>
      <Layout>
        <Suspense fallback={<p className="loading" role="status">Loading…</p>}>
          <Routes>
            <Route path="/" element={<OverviewPage />} />
            <Route path="/stations" element={<StationsPage />} />
            <Route path="/stations/:id" element={<StationPage />} />
            <Route path="/sessions" element={<SessionsPage />} />
            <Route path="/sessions/:id" element={<SessionPage />} />
            <Route path="/tokens" element={<TokensPage />} />
            <Route path="/webhooks" element={<WebhooksPage />} />
            <Route path="/audit" element={<AuditPage />} />
            <Route path="/api-keys" element={<ApiKeysPage />} />
            <Route path="/users" element={<UsersPage />} />
            <Route path="/sites" element={<SitesPage />} />
            <Route path="/sites/:id" element={<SitePage />} />
            <Route path="/tariffs" element={<TariffsPage />} />
            <Route path="/tariffs/:id" element={<TariffPage />} />
            <Route path="/cdrs" element={<CdrsPage />} />
            <Route path="/cdrs/:id" element={<CdrPage />} />
            <Route path="/sites/:id/energy" element={<SiteEnergyPage />} />
            <Route path="/profiles" element={<ChargingProfilesPage />} />
            <Route path="/tariffs/new" element={<NewTariffPage />} />
            <Route path="/tariffs/:id/edit" element={<EditTariffPage />} />
            <Route path="/customer-groups" element={<CustomerGroupsPage />} />
            <Route path="/invoices" element={<InvoicesPage />} />
            <Route path="/invoices/:id" element={<InvoicePage />} />
            <Route path="/payments" element={<PaymentsPage />} />
            <Route path="/reconciliation" element={<ReconciliationPage />} />
            <Route path="/finance" element={<FinancePage />} />
            <Route path="/incidents" element={<IncidentsPage />} />
            <Route path="/incidents/settings" element={<HealthSettingsPage />} />
            <Route path="/incidents/playbooks" element={<PlaybooksPage />} />
            <Route path="/incidents/:id" element={<IncidentPage />} />
            <Route path="/knowledge-base" element={<KnowledgeBasePage />} />
            <Route path="/knowledge-base/new" element={<KnowledgeBaseEntryPage />} />
            <Route path="/knowledge-base/:id" element={<KnowledgeBaseEntryPage />} />
            <Route path="/work-orders" element={<WorkOrdersPage />} />
            <Route path="/work-orders/new" element={<NewWorkOrderPage />} />
            <Route path="/work-orders/:id" element={<WorkOrderPage />} />
            <Route path="/maintenance" element={<MaintenancePage />} />
            <Route path="/reliability" element={<ReliabilityPage />} />
            <Route path="/profile" element={<ProfilePage />} />
            <Route path="*" element={<p>There is no page at {location.pathname}. <a href="/">Back to the overview</a></p>} />
          </Routes>
        </Suspense>
      </Layout>
    </LiveEventsProvider>
  );
}
