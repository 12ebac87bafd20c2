// Tenant isolation across the whole REST API (issue 4 item 3). Tenant A arranges one of everything;
// tenant B then calls EVERY route Fastify registered under /api/v1 with A's ids and must get
// nothing of A's: 403/404 for A's resources, lists and exports without A's data, no A event on the
// SSE stream, and no change to A's data nor any command reaching A's station.
//
// A route that is not in HOW below fails the suite: whoever adds a route says here how to call it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bootPayload, statusPayload } from '../../src/testing/ocpp-fixtures.js';
import { SseReader } from '../../src/testing/sse-reader.js';
import { ApiClient, RawStation, startTestServer, waitUntil } from '../../src/testing/test-server.js';
import { createTenantWithKey } from '../../src/testing/tenants.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** A's ids, filled in by the arrangement. */
type AIds = {
  station: string; site: string; token: string; tokenValue: string; webhook: string; delivery: string;
  session: string; command: string; reservation: string; keyId: string; tenant: string; tariff: string; assignment: string;
  /** A's charge detail record of its ended session, when billing is part of the build. */
  cdr: string;
  /** A's invoice of that CDR (invoicing, issue 8), when there is a CDR. */
  invoice: string;
  /** A's own knowledge-base entry (network health, issue 6). */
  kbEntry: string;
  /** A's playbook (network health: playbooks, issue 6). */
  playbook: string;
  /** A's incident (network health: detection, issue 6), opened by its station faulting. */
  incident: string;
  /** A's work order (with an attachment), maintenance window, excluded outage and schedule (network health: maintenance, issue 6). */
  workOrder: string;
  attachment: string;
  maintenanceWindow: string;
  excludedOutage: string;
  maintenanceSchedule: string;
  /** A's charging profile in its library and A's energy signal (smart charging, issue 7). */
  energyProfile: string;
  energySignal: string;
};

/**
 * How B calls a route: `denied` routes name one of A's resources and must answer 403 or 404;
 * `list` routes must answer 200 without A's data; `own` routes act on B's own things (or on no
 * tenant's, like sign-in) and must not return A's data whatever they answer; `stream` is the SSE
 * route, checked by its own test; `empty` is a sub-collection of A's resource that answers an empty
 * page instead of 404 (it reveals nothing either way).
 */
type Expect = 'denied' | 'empty' | 'list' | 'own' | 'stream';
/** `csv`: sent as text/csv; `raw`: the answer is not JSON (an export). */
type Probe = { path: string; body?: unknown; csv?: string; raw?: boolean };
type How = { expect: Expect; probe: (a: AIds) => Probe };

const FUTURE = new Date(Date.now() + 3_600_000).toISOString();
const TARIFF = (id: string) => ({ id, currency: 'EUR', elements: [{ price_components: [{ type: 'ENERGY', price: 0.35, step_size: 1 }] }] });
const deny = (probe: (a: AIds) => Probe): How => ({ expect: 'denied', probe });
const list = (path: string): How => ({ expect: 'list', probe: () => ({ path }) });
const own = (probe: (a: AIds) => Probe): How => ({ expect: 'own', probe });
const st = (a: AIds) => `/api/v1/stations/${a.station}`;

const HOW: Record<string, How> = {
  'GET /api/v1/stations': list('/api/v1/stations?limit=500'),
  'POST /api/v1/stations': own(() => ({ path: '/api/v1/stations', body: { id: 'ISO-B-NEW' } })),
  'GET /api/v1/stations/:id': deny((a) => ({ path: st(a) })),
  'PATCH /api/v1/stations/:id': deny((a) => ({ path: st(a), body: { displayName: 'taken by B' } })),
  'DELETE /api/v1/stations/:id': deny((a) => ({ path: st(a) })),
  'PUT /api/v1/stations/:id/evses': deny((a) => ({ path: `${st(a)}/evses`, body: [{ evseId: 1, connectors: [{ connectorId: 1 }] }] })),
  'POST /api/v1/stations/:id/approve': deny((a) => ({ path: `${st(a)}/approve` })),
  'GET /api/v1/stations/:id/connections': deny((a) => ({ path: `${st(a)}/connections` })),
  'GET /api/v1/stations/:id/events': deny((a) => ({ path: `${st(a)}/events` })),
  'GET /api/v1/stations/:id/commands': { expect: 'empty', probe: (a) => ({ path: `${st(a)}/commands` }) },
  'POST /api/v1/stations/:id/ocpp/:action': deny((a) => ({ path: `${st(a)}/ocpp/GetConfiguration`, body: {} })),
  'GET /api/v1/commands/:id': deny((a) => ({ path: `/api/v1/commands/${a.command}` })),
  'POST /api/v1/stations/:id/remote-start': deny((a) => ({ path: `${st(a)}/remote-start`, body: { idToken: a.tokenValue, evseId: 1 } })),
  'POST /api/v1/sessions/:id/stop': deny((a) => ({ path: `/api/v1/sessions/${a.session}/stop` })),
  'POST /api/v1/stations/:id/unlock': deny((a) => ({ path: `${st(a)}/unlock`, body: { evseId: 1 } })),
  'POST /api/v1/stations/:id/availability': deny((a) => ({ path: `${st(a)}/availability`, body: { operative: false } })),
  'POST /api/v1/stations/:id/reset': deny((a) => ({ path: `${st(a)}/reset`, body: { type: 'Hard' } })),
  'POST /api/v1/stations/:id/trigger': deny((a) => ({ path: `${st(a)}/trigger`, body: { requestedMessage: 'Heartbeat' } })),
  'POST /api/v1/stations/:id/reservations': deny((a) => ({ path: `${st(a)}/reservations`, body: { idToken: 'B-TOKEN', expiresAt: FUTURE } })),
  'GET /api/v1/reservations': list('/api/v1/reservations?limit=500'),
  'GET /api/v1/reservations/:id': deny((a) => ({ path: `/api/v1/reservations/${a.reservation}` })),
  'DELETE /api/v1/reservations/:id': deny((a) => ({ path: `/api/v1/reservations/${a.reservation}` })),
  'GET /api/v1/stations/:id/authorization': deny((a) => ({ path: `${st(a)}/authorization` })),
  'PUT /api/v1/stations/:id/authorization': deny((a) => ({ path: `${st(a)}/authorization`, body: { localListEnabled: false } })),
  'POST /api/v1/stations/:id/authorization/clear-cache': deny((a) => ({ path: `${st(a)}/authorization/clear-cache` })),
  'GET /api/v1/stations/:id/local-list': deny((a) => ({ path: `${st(a)}/local-list` })),
  'PUT /api/v1/stations/:id/local-list': deny((a) => ({ path: `${st(a)}/local-list`, body: { members: [] } })),
  'POST /api/v1/stations/:id/local-list/sync': deny((a) => ({ path: `${st(a)}/local-list/sync` })),
  'GET /api/v1/stations/:id/local-list/version': deny((a) => ({ path: `${st(a)}/local-list/version` })),
  'GET /api/v1/tokens': list('/api/v1/tokens?limit=500'),
  'POST /api/v1/tokens': own((a) => ({ path: '/api/v1/tokens', body: { idToken: a.tokenValue, type: 'ISO14443' } })),
  'GET /api/v1/tokens/export': { expect: 'list', probe: () => ({ path: '/api/v1/tokens/export', raw: true }) },
  'POST /api/v1/tokens/import': own(() => ({ path: '/api/v1/tokens/import', csv: 'idToken,type\nB-IMPORTED,ISO14443\n' })),
  'GET /api/v1/tokens/:id': deny((a) => ({ path: `/api/v1/tokens/${a.token}` })),
  'PATCH /api/v1/tokens/:id': deny((a) => ({ path: `/api/v1/tokens/${a.token}`, body: { blocked: true } })),
  'DELETE /api/v1/tokens/:id': deny((a) => ({ path: `/api/v1/tokens/${a.token}` })),
  'GET /api/v1/tokens/:id/locations': deny((a) => ({ path: `/api/v1/tokens/${a.token}/locations` })),
  'PUT /api/v1/tokens/:id/locations': deny((a) => ({ path: `/api/v1/tokens/${a.token}/locations`, body: { locations: [{ stationId: a.station }] } })),
  'GET /api/v1/sessions': list('/api/v1/sessions?limit=500'),
  'GET /api/v1/sessions/export': { expect: 'list', probe: () => ({ path: '/api/v1/sessions/export', raw: true }) },
  'GET /api/v1/sessions/:id': deny((a) => ({ path: `/api/v1/sessions/${a.session}` })),
  'GET /api/v1/events': { expect: 'stream', probe: () => ({ path: '/api/v1/events' }) },
  'GET /api/v1/webhooks': list('/api/v1/webhooks?limit=500'),
  'POST /api/v1/webhooks': own(() => ({ path: '/api/v1/webhooks', body: { url: 'https://iso-b.example/hook', eventTypes: ['site.*'] } })),
  'GET /api/v1/webhooks/:id': deny((a) => ({ path: `/api/v1/webhooks/${a.webhook}` })),
  'PATCH /api/v1/webhooks/:id': deny((a) => ({ path: `/api/v1/webhooks/${a.webhook}`, body: { url: 'https://iso-b.example/stolen' } })),
  'DELETE /api/v1/webhooks/:id': deny((a) => ({ path: `/api/v1/webhooks/${a.webhook}` })),
  'GET /api/v1/webhooks/:id/deliveries': deny((a) => ({ path: `/api/v1/webhooks/${a.webhook}/deliveries` })),
  'POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver': deny((a) => ({ path: `/api/v1/webhooks/${a.webhook}/deliveries/${a.delivery}/redeliver` })),
  'GET /api/v1/audit': list('/api/v1/audit?limit=500'),
  'GET /api/v1/sites': list('/api/v1/sites?limit=500'),
  'POST /api/v1/sites': own(() => ({ path: '/api/v1/sites', body: { name: 'B depot', country: 'BE' } })),
  'GET /api/v1/sites/:id': deny((a) => ({ path: `/api/v1/sites/${a.site}` })),
  'PATCH /api/v1/sites/:id': deny((a) => ({ path: `/api/v1/sites/${a.site}`, body: { name: 'taken by B' } })),
  'DELETE /api/v1/sites/:id': deny((a) => ({ path: `/api/v1/sites/${a.site}` })),
  // Network health: knowledge base and playbooks (issue 6)
  'GET /api/v1/knowledge-base/entries': list('/api/v1/knowledge-base/entries?origin=tenant&limit=500'),
  'POST /api/v1/knowledge-base/entries': own(() => ({ path: '/api/v1/knowledge-base/entries', body: { errorCode: 'OtherError', meaning: 'B', severity: 'minor', probableCause: 'B', remoteAction: 'none', technicianInstructions: 'B', source: 'B' } })),
  'GET /api/v1/knowledge-base/entries/:id': deny((a) => ({ path: `/api/v1/knowledge-base/entries/${a.kbEntry}` })),
  'PATCH /api/v1/knowledge-base/entries/:id': deny((a) => ({ path: `/api/v1/knowledge-base/entries/${a.kbEntry}`, body: { meaning: 'taken by B' } })),
  'DELETE /api/v1/knowledge-base/entries/:id': deny((a) => ({ path: `/api/v1/knowledge-base/entries/${a.kbEntry}` })),
  'GET /api/v1/knowledge-base/explain': list('/api/v1/knowledge-base/explain?vendor=A%20vendor&errorCode=OtherError&vendorErrorCode=A-E1'),
  'GET /api/v1/knowledge-base/unknown-codes': list('/api/v1/knowledge-base/unknown-codes?limit=500'),
  'GET /api/v1/playbooks': list('/api/v1/playbooks?limit=500'),
  'POST /api/v1/playbooks': own(() => ({ path: '/api/v1/playbooks', body: { name: 'B playbook', trigger: { rules: ['offline'] }, steps: [{ action: 'work-order', waitSeconds: 0 }] } })),
  'GET /api/v1/playbooks/runs': list('/api/v1/playbooks/runs?limit=500'),
  'GET /api/v1/playbooks/stats': list('/api/v1/playbooks/stats?from=2020-01-01T00:00:00Z&to=2100-01-01T00:00:00Z'),
  'GET /api/v1/playbooks/:id': deny((a) => ({ path: `/api/v1/playbooks/${a.playbook}` })),
  'PATCH /api/v1/playbooks/:id': deny((a) => ({ path: `/api/v1/playbooks/${a.playbook}`, body: { name: 'taken by B' } })),
  'DELETE /api/v1/playbooks/:id': deny((a) => ({ path: `/api/v1/playbooks/${a.playbook}` })),
  // Network health: detection (issue 6)
  'GET /api/v1/incidents': list('/api/v1/incidents?limit=500'),
  'GET /api/v1/incidents/:id': deny((a) => ({ path: `/api/v1/incidents/${a.incident}` })),
  'POST /api/v1/incidents/:id/transitions': deny((a) => ({ path: `/api/v1/incidents/${a.incident}/transitions`, body: { to: 'resolved', note: 'taken by B' } })),
  // Network health: maintenance and reliability (issue 6)
  'GET /api/v1/reliability': deny((a) => ({ path: `/api/v1/reliability?scope=station&id=${a.station}&from=2020-01-01T00:00:00Z&to=2020-12-01T00:00:00Z` })),
  'GET /api/v1/reliability/ranking': list(`/api/v1/reliability/ranking?from=${new Date(Date.now() - 86_400_000).toISOString()}&to=${FUTURE}`),
  'GET /api/v1/work-orders': list('/api/v1/work-orders?limit=500'),
  'POST /api/v1/work-orders': deny((a) => ({ path: '/api/v1/work-orders', body: { stationId: a.station, title: 'taken by B' } })),
  'GET /api/v1/work-orders/:id': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}` })),
  'PATCH /api/v1/work-orders/:id': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}`, body: { note: 'taken by B' } })),
  'POST /api/v1/work-orders/:id/on-site': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}/on-site`, body: { action: 'start' } })),
  'POST /api/v1/work-orders/:id/attachments': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}/attachments`, body: { fileName: 'b.txt', contentType: 'text/plain', contentBase64: 'Qg==' } })),
  'GET /api/v1/work-orders/:id/attachments': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}/attachments` })),
  'GET /api/v1/work-orders/:id/attachments/:attachmentId': deny((a) => ({ path: `/api/v1/work-orders/${a.workOrder}/attachments/${a.attachment}`, raw: true })),
  'GET /api/v1/maintenance-windows': list('/api/v1/maintenance-windows?limit=500'),
  'POST /api/v1/maintenance-windows': deny((a) => ({ path: '/api/v1/maintenance-windows', body: { stationId: a.station, startsAt: FUTURE, endsAt: new Date(Date.now() + 7_200_000).toISOString() } })),
  'GET /api/v1/maintenance-windows/:id': deny((a) => ({ path: `/api/v1/maintenance-windows/${a.maintenanceWindow}` })),
  'POST /api/v1/maintenance-windows/:id/end': deny((a) => ({ path: `/api/v1/maintenance-windows/${a.maintenanceWindow}/end` })),
  'GET /api/v1/excluded-outages': list('/api/v1/excluded-outages?limit=500'),
  'POST /api/v1/excluded-outages': deny((a) => ({ path: '/api/v1/excluded-outages', body: { stationId: a.station, startsAt: '2020-01-01T00:00:00Z', endsAt: '2020-01-01T01:00:00Z', cause: 'vandalism' } })),
  'DELETE /api/v1/excluded-outages/:id': deny((a) => ({ path: `/api/v1/excluded-outages/${a.excludedOutage}` })),
  'GET /api/v1/maintenance-schedules': list('/api/v1/maintenance-schedules?limit=500'),
  'POST /api/v1/maintenance-schedules': deny((a) => ({ path: '/api/v1/maintenance-schedules', body: { stationId: a.station, title: 'taken by B', recurrence: 'DTSTART:20260101T080000Z\nRRULE:FREQ=YEARLY' } })),
  'GET /api/v1/maintenance-schedules/:id': deny((a) => ({ path: `/api/v1/maintenance-schedules/${a.maintenanceSchedule}` })),
  'PATCH /api/v1/maintenance-schedules/:id': deny((a) => ({ path: `/api/v1/maintenance-schedules/${a.maintenanceSchedule}`, body: { active: false } })),
  'DELETE /api/v1/maintenance-schedules/:id': deny((a) => ({ path: `/api/v1/maintenance-schedules/${a.maintenanceSchedule}` })),
  'GET /api/v1/health/rules': own(() => ({ path: '/api/v1/health/rules' })),
  'PATCH /api/v1/health/rules': own(() => ({ path: '/api/v1/health/rules', body: { sla: { detectMinutes: 30 } } })),
  'GET /api/v1/stations/:id/health': deny((a) => ({ path: `${st(a)}/health` })),
  // Dashboard (issue 5): aggregate counts of the caller's own network
  'GET /api/v1/network-summary': list('/api/v1/network-summary'),
  'GET /api/v1/stations/:id/site': deny((a) => ({ path: `${st(a)}/site` })),
  'PUT /api/v1/stations/:id/site': deny((a) => ({ path: `${st(a)}/site`, body: { siteId: null } })),
  'GET /api/v1/tenants': list('/api/v1/tenants?limit=500'),
  'POST /api/v1/tenants': own(() => ({ path: '/api/v1/tenants', body: { id: 'iso-b-sub', name: 'B sub-operator' } })),
  'GET /api/v1/tenants/:id': deny((a) => ({ path: `/api/v1/tenants/${a.tenant}` })),
  'PATCH /api/v1/tenants/:id': deny((a) => ({ path: `/api/v1/tenants/${a.tenant}`, body: { displayName: 'taken by B' } })),
  'GET /api/v1/branding': own(() => ({ path: '/api/v1/branding' })),
  'GET /api/v1/tariffs': list('/api/v1/tariffs'),
  'POST /api/v1/tariffs': own(() => ({ path: '/api/v1/tariffs', body: { name: 'B tariff', tariff: TARIFF('B-T1') } })),
  'GET /api/v1/tariffs/:id': deny((a) => ({ path: `/api/v1/tariffs/${a.tariff}` })),
  'PUT /api/v1/tariffs/:id': deny((a) => ({ path: `/api/v1/tariffs/${a.tariff}`, body: { name: 'taken by B', tariff: TARIFF('A-T1') } })),
  'DELETE /api/v1/tariffs/:id': deny((a) => ({ path: `/api/v1/tariffs/${a.tariff}` })),
  'POST /api/v1/tariffs/:id/assignments': deny((a) => ({ path: `/api/v1/tariffs/${a.tariff}/assignments`, body: { scope: 'tenant', customerGroup: 'public' } })),
  'GET /api/v1/tariffs/:id/assignments': deny((a) => ({ path: `/api/v1/tariffs/${a.tariff}/assignments` })),
  'DELETE /api/v1/tariffs/assignments/:id': deny((a) => ({ path: `/api/v1/tariffs/assignments/${a.assignment}` })),
  'PUT /api/v1/tariffs/:id/schedule': deny((a) => ({
    path: `/api/v1/tariffs/${a.tariff}/schedule`, body: { entries: [{ dimension: 'ENERGY', startsAt: FUTURE, endsAt: new Date(Date.parse(FUTURE) + 3_600_000).toISOString(), price: '9.99' }] },
  })),
  'POST /api/v1/tariffs/:id/preview': deny((a) => ({
    path: `/api/v1/tariffs/${a.tariff}/preview`,
    body: { timeZone: 'Europe/Amsterdam', intervals: [{ from: '2026-01-05T10:00:00Z', to: '2026-01-05T11:00:00Z', state: 'charging', energyWh: 10000 }] },
  })),
  'GET /api/v1/stations/:id/evses/:evseId/tariff': deny((a) => ({ path: `${st(a)}/evses/1/tariff` })),
  'GET /api/v1/cdrs': list('/api/v1/cdrs?limit=500'),
  'GET /api/v1/cdrs/:id': deny((a) => ({ path: `/api/v1/cdrs/${a.cdr}` })),
  'POST /api/v1/cdrs/:id/credit': deny((a) => ({ path: `/api/v1/cdrs/${a.cdr}/credit`, body: { reason: 'B wants a refund' } })),
  // invoicing (issue 8)
  'GET /api/v1/invoices': list('/api/v1/invoices?limit=500'),
  'GET /api/v1/invoices/:id': deny((a) => ({ path: `/api/v1/invoices/${a.invoice}` })),
  'GET /api/v1/invoices/:id/pdf': deny((a) => ({ path: `/api/v1/invoices/${a.invoice}/pdf`, raw: true })),
  'POST /api/v1/invoices': deny((a) => ({ path: '/api/v1/invoices', body: { cdrId: a.cdr } })),
  'POST /api/v1/invoices/statements': own((a) => ({ path: '/api/v1/invoices/statements', body: { idToken: a.tokenValue, from: '2020-01-01T00:00:00Z', to: FUTURE } })),
  'POST /api/v1/invoices/:id/credit-note': deny((a) => ({ path: `/api/v1/invoices/${a.invoice}/credit-note`, body: { reason: 'B wants it reversed' } })),
  'POST /api/v1/invoices/:id/send': deny((a) => ({ path: `/api/v1/invoices/${a.invoice}/send`, body: { email: 'b@example.test' } })),
  'GET /api/v1/finance/revenue-by-site': { expect: 'list', probe: () => ({ path: `/api/v1/finance/revenue-by-site?from=2020-01-01T00:00:00Z&to=${FUTURE}`, raw: true }) },
  'GET /api/v1/finance/tax': { expect: 'list', probe: () => ({ path: `/api/v1/finance/tax?from=2020-01-01T00:00:00Z&to=${FUTURE}`, raw: true }) },
  'GET /api/v1/finance/reconciliation': list(`/api/v1/finance/reconciliation?from=2020-01-01T00:00:00Z&to=${FUTURE}`),
  // the seller on B's own invoices (404 until B sets it), QR labels of the /pay pages (issue 8)
  'GET /api/v1/finance/billing-profile': own(() => ({ path: '/api/v1/finance/billing-profile' })),
  'PUT /api/v1/finance/billing-profile': own(() => ({ path: '/api/v1/finance/billing-profile', body: { legalName: 'B GmbH', vatId: 'NL123456789B01', address: ['B street 1'], email: null, phone: null } })),
  'GET /api/v1/stations/:id/evses/:evseId/pay-qr': deny((a) => ({ path: `${st(a)}/evses/1/pay-qr`, raw: true })),
  'GET /api/v1/sites/:id/pay-labels': deny((a) => ({ path: `/api/v1/sites/${a.site}/pay-labels`, raw: true })),
  // ad-hoc payments (issue 8): A has none in this arrangement, so B names an id that is nobody's
  'GET /api/v1/payments': list('/api/v1/payments?limit=500'),
  'GET /api/v1/payments/:id': deny(() => ({ path: '/api/v1/payments/00000000-0000-4000-8000-000000000000' })),
  'POST /api/v1/payments/:id/refund': deny(() => ({ path: '/api/v1/payments/00000000-0000-4000-8000-000000000000/refund', body: {} })),
  'GET /api/v1/api-keys': list('/api/v1/api-keys'),
  'POST /api/v1/api-keys': own(() => ({ path: '/api/v1/api-keys', body: { name: 'B integration', role: 'viewer' } })),
  'DELETE /api/v1/api-keys/:id': deny((a) => ({ path: `/api/v1/api-keys/${a.keyId}` })),
  'GET /api/v1/users': list('/api/v1/users'),
  'POST /api/v1/users': own(() => ({ path: '/api/v1/users', body: { email: 'b-user@iso-b.example', name: 'B user', role: 'viewer', password: 'correct horse battery staple B' } })),
  'GET /api/v1/users/:id': deny(() => ({ path: '/api/v1/users/a-user-id' })),
  'PATCH /api/v1/users/:id': deny(() => ({ path: '/api/v1/users/a-user-id', body: { name: 'taken by B' } })),
  'DELETE /api/v1/users/:id': deny(() => ({ path: '/api/v1/users/a-user-id' })),
  'GET /api/v1/users/invitations': list('/api/v1/users/invitations'),
  'POST /api/v1/users/invitations': own(() => ({ path: '/api/v1/users/invitations', body: { email: 'invitee@iso-b.example', role: 'viewer' } })),
  'DELETE /api/v1/users/invitations/:id': deny(() => ({ path: '/api/v1/users/invitations/a-invitation-id' })),
  // Sign-in and account routes act on the caller's own session or on nobody's tenant data.
  'GET /api/v1/auth/me': own(() => ({ path: '/api/v1/auth/me' })),
  'POST /api/v1/auth/login': own(() => ({ path: '/api/v1/auth/login', body: { email: 'nobody@iso-b.example', password: 'wrong password 123' } })),
  'POST /api/v1/auth/logout': own(() => ({ path: '/api/v1/auth/logout' })),
  'POST /api/v1/auth/password-reset': own(() => ({ path: '/api/v1/auth/password-reset', body: { email: 'nobody@iso-b.example' } })),
  'POST /api/v1/auth/password-reset/confirm': own(() => ({ path: '/api/v1/auth/password-reset/confirm', body: { token: 'x'.repeat(43), password: 'another password 123' } })),
  'POST /api/v1/auth/accept-invitation': own(() => ({ path: '/api/v1/auth/accept-invitation', body: { token: 'x'.repeat(43), name: 'B', password: 'another password 123' } })),
  'POST /api/v1/auth/password': own(() => ({ path: '/api/v1/auth/password', body: { currentPassword: 'not the password', newPassword: 'another password 123' } })),
  'POST /api/v1/auth/totp': own(() => ({ path: '/api/v1/auth/totp' })),
  'POST /api/v1/auth/totp/confirm': own(() => ({ path: '/api/v1/auth/totp/confirm', body: { code: '000000' } })),
  'POST /api/v1/auth/totp/disable': own(() => ({ path: '/api/v1/auth/totp/disable', body: { code: '000000' } })),
  // Smart charging (issue 7): A's site has an energy configuration, a signal and a library profile.
  'GET /api/v1/sites/:id/energy': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy` })),
  'PUT /api/v1/sites/:id/energy': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy`, body: { strategy: 'priority', circuits: [{ id: 'grid', parentId: null, maxCurrentA: 1 }], evses: [] } })),
  'DELETE /api/v1/sites/:id/energy': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy` })),
  'PUT /api/v1/sites/:id/energy/readings': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/readings`, body: { siteLoadA: 99 } })),
  'GET /api/v1/sites/:id/energy/signals': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/signals` })),
  'POST /api/v1/sites/:id/energy/signals': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/signals`, body: { maxCurrentA: 1 } })),
  'DELETE /api/v1/sites/:id/energy/signals/:signalId': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/signals/${a.energySignal}` })),
  'GET /api/v1/sites/:id/energy/allocation': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/allocation` })),
  'POST /api/v1/sites/:id/energy/reallocate': deny((a) => ({ path: `/api/v1/sites/${a.site}/energy/reallocate` })),
  'GET /api/v1/smart-charging/profiles': list('/api/v1/smart-charging/profiles'),
  'POST /api/v1/smart-charging/profiles': own(() => ({ path: '/api/v1/smart-charging/profiles', body: { name: 'B night', purpose: 'TxDefaultProfile', stackLevel: 2, kind: 'Absolute', unit: 'A', periods: [{ startPeriod: 0, limit: 16 }] } })),
  'GET /api/v1/smart-charging/profiles/:profileId': deny((a) => ({ path: `/api/v1/smart-charging/profiles/${a.energyProfile}` })),
  'PATCH /api/v1/smart-charging/profiles/:profileId': deny((a) => ({ path: `/api/v1/smart-charging/profiles/${a.energyProfile}`, body: { name: 'B renamed' } })),
  'DELETE /api/v1/smart-charging/profiles/:profileId': deny((a) => ({ path: `/api/v1/smart-charging/profiles/${a.energyProfile}` })),
  'POST /api/v1/smart-charging/profiles/:profileId/apply': deny((a) => ({ path: `/api/v1/smart-charging/profiles/${a.energyProfile}/apply`, body: { stationId: a.station, evseId: 0 } })),
};

/** Every /api/v1 route as Fastify registered it, without the implicit HEAD twin of each GET. */
function apiRoutesOf(server: Server): string[] {
  const routes = server.registeredRoutes().filter((route) => route.url.startsWith('/api/v1/') && route.method !== 'HEAD');
  return [...new Set(routes.map((route) => `${route.method} ${route.url}`))].sort();
}

describe('tenant isolation: B reaches nothing of A through any route', () => {
  let server: Server;
  let a: ApiClient;
  let b: ApiClient;
  let station: RawStation;
  const ids = {} as AIds;
  /** Strings only A's data contains; none may appear in anything B receives (unless B sent it). */
  let markers: string[] = [];
  /** Everything B sent: B's own audit entries and events may repeat A's ids that B asked for. */
  const sentByB: string[] = [];
  const leakedIn = (text: string) => markers.filter((marker) => text.includes(marker) && !sentByB.some((sent) => sent.includes(marker)));
  /** What A sees of its own resources before B's calls, compared after them. */
  const snapshot = async () => Promise.all([
    `/api/v1/stations/${ids.station}`, `/api/v1/sites/${ids.site}`, `/api/v1/tokens/${ids.token}`, `/api/v1/webhooks/${ids.webhook}`,
    `/api/v1/reservations/${ids.reservation}`, `/api/v1/sessions/${ids.session}`, `/api/v1/tenants/${ids.tenant}`, `/api/v1/stations/${ids.station}/site`,
    `/api/v1/tariffs/${ids.tariff}`, `/api/v1/tariffs/${ids.tariff}/assignments`, `/api/v1/tokens/${ids.token}/locations`,
    '/api/v1/invoices', // invoicing (issue 8)
  ].map(async (path) => {
    const response = await a.request('GET', path);
    return `${path} ${response.status} ${JSON.stringify(response.body)}`;
  }));

  before(async () => {
    server = await startTestServer({ webhooks: { pollIntervalSeconds: 0.05, retryScheduleSeconds: [3600], timeoutSeconds: 1 } });
    ids.tenant = 'iso-a';
    const keyA = await createTenantWithKey(server.db, 'iso-a');
    ids.keyId = keyA.keyId;
    a = new ApiClient(server.baseUrl, keyA.apiKey);
    b = new ApiClient(server.baseUrl, (await createTenantWithKey(server.db, 'iso-b')).apiKey);
    const ok = (response: { status: number; body: unknown }, what: string) => {
      assert.ok(response.status < 300, `${what}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as Record<string, unknown>;
    };

    ok(await server.api.request('PATCH', '/api/v1/tenants/iso-a', { displayName: 'Isolated A', hosts: ['iso-a.example'] }), 'A branding');
    ids.webhook = String(ok(await a.request('POST', '/api/v1/webhooks', { url: 'https://iso-a.example/hook', eventTypes: ['*'] }), 'A webhook')['id']);
    ids.station = 'ISO-A-CP1';
    ok(await a.request('POST', '/api/v1/stations', { id: ids.station, displayName: 'A station' }), 'A station');
    ids.site = String(ok(await a.request('POST', '/api/v1/sites', { name: 'A depot', country: 'NL', timeZone: 'Europe/Amsterdam' }), 'A site')['id']);
    ok(await a.request('PUT', `/api/v1/stations/${ids.station}/site`, { siteId: ids.site }), 'A placement');
    ids.tokenValue = 'ISOATOKEN01';
    ids.token = String(ok(await a.request('POST', '/api/v1/tokens', { idToken: ids.tokenValue, type: 'ISO14443', owner: 'A owner' }), 'A token')['id']);

    station = await RawStation.connect(server.baseUrl, ids.station, ['ocpp1.6']);
    await station.call('BootNotification', bootPayload('ocpp1.6'));
    await station.call('StatusNotification', statusPayload('ocpp1.6', 1, 'Available'));
    const startAnswer = await station.call('StartTransaction', { connectorId: 1, idTag: ids.tokenValue, meterStart: 0, timestamp: new Date().toISOString() });
    const transactionId = (startAnswer[2] as { transactionId: number }).transactionId;
    await waitUntil(async () => ((await a.request('GET', '/api/v1/sessions')).body.items.length ?? 0) > 0);
    ids.session = String((await a.request('GET', '/api/v1/sessions')).body.items[0].id);

    const [command] = await Promise.all([
      a.request('POST', `/api/v1/stations/${ids.station}/ocpp/GetConfiguration`, {}),
      station.answerNext('GetConfiguration', { configurationKey: [] }),
    ]);
    ok(command, 'A command');
    ids.command = String((await a.request('GET', `/api/v1/stations/${ids.station}/commands`)).body.items[0].id);
    const [reservation] = await Promise.all([
      a.request('POST', `/api/v1/stations/${ids.station}/reservations`, { idToken: ids.tokenValue, expiresAt: FUTURE }),
      station.answerNext('ReserveNow', { status: 'Accepted' }),
    ]);
    ids.reservation = String(ok(reservation, 'A reservation')['id']);
    ids.tariff = String(ok(await a.request('POST', '/api/v1/tariffs', { name: 'A tariff', tariff: TARIFF('A-T1') }), 'A tariff')['id']);
    // Smart charging (issue 7)
    ok(await a.request('PUT', `/api/v1/sites/${ids.site}/energy`, { strategy: 'equal-share', circuits: [{ id: 'grid', parentId: null, maxCurrentA: 100 }], evses: [] }), 'A energy config');
    ids.energySignal = String(ok(await a.request('POST', `/api/v1/sites/${ids.site}/energy/signals`, { source: 'A DSO', maxPowerKw: 50 }), 'A signal')['id']);
    ids.energyProfile = String(ok(await a.request('POST', '/api/v1/smart-charging/profiles', { name: 'A night', purpose: 'TxDefaultProfile', stackLevel: 2, kind: 'Absolute', unit: 'A', periods: [{ startPeriod: 0, limit: 16 }] }), 'A profile')['id']);
    ids.assignment = String(ok(await a.request('POST', `/api/v1/tariffs/${ids.tariff}/assignments`, { scope: 'station', stationId: ids.station, customerGroup: 'public' }), 'A tariff assignment')['id']);
    // A's session ends (priced by A's tariff into a CDR where billing is built in).
    await station.call('StopTransaction', { transactionId, meterStop: 12_000, timestamp: new Date().toISOString(), idTag: ids.tokenValue });
    // Network health (issue 6): A's own knowledge-base entry.
    ids.kbEntry = String(ok(await a.request('POST', '/api/v1/knowledge-base/entries', {
      vendor: 'A vendor', errorCode: 'OtherError', vendorErrorCode: 'A-E1', meaning: 'A meaning', severity: 'minor', probableCause: 'A cause',
      remoteAction: 'none', technicianInstructions: 'A instructions', source: 'A manual',
    }), 'A knowledge-base entry')['id']);
    ids.playbook = String(ok(await a.request('POST', '/api/v1/playbooks', {
      name: 'A playbook', trigger: { rules: ['faulted'] }, steps: [{ action: 'trigger-status', waitSeconds: 60 }],
    }), 'A playbook')['id']);
    // Network health: detection (issue 6): A's station faults, which opens A's incident.
    await station.call('StatusNotification', { connectorId: 2, status: 'Faulted', errorCode: 'GroundFailure' });
    await waitUntil(async () => ((await a.request('GET', '/api/v1/incidents')).body.items?.length ?? 0) > 0);
    ids.incident = String((await a.request('GET', '/api/v1/incidents')).body.items[0].id);
    // Network health: maintenance (issue 6): A's work order with an attachment, a window, an excluded outage, a schedule.
    ids.workOrder = String(ok(await a.request('POST', '/api/v1/work-orders', { stationId: ids.station, title: 'A work order', checklist: ['A check'] }), 'A work order')['id']);
    ids.attachment = String(ok(await a.request('POST', `/api/v1/work-orders/${ids.workOrder}/attachments`, { fileName: 'a.txt', contentType: 'text/plain', contentBase64: Buffer.from('A notes').toString('base64') }), 'A attachment')['id']);
    ids.maintenanceWindow = String(ok(await a.request('POST', '/api/v1/maintenance-windows', { stationId: ids.station, startsAt: FUTURE, endsAt: new Date(Date.now() + 7_200_000).toISOString(), reason: 'A service' }), 'A window')['id']);
    ids.excludedOutage = String(ok(await a.request('POST', '/api/v1/excluded-outages', { stationId: ids.station, startsAt: new Date(Date.now() - 3_600_000).toISOString(), endsAt: new Date(Date.now() - 1_800_000).toISOString(), cause: 'vandalism', note: 'A note' }), 'A excluded outage')['id']);
    ids.maintenanceSchedule = String(ok(await a.request('POST', '/api/v1/maintenance-schedules', { stationId: ids.station, title: 'A yearly check', recurrence: 'DTSTART:20260101T080000Z\nRRULE:FREQ=YEARLY' }), 'A schedule')['id']);
    ids.cdr = 'no-cdr';
    if (apiRoutesOf(server).includes('GET /api/v1/cdrs')) {
      // A CDR is made off the session.ended event; if billing makes none, its routes are still probed with an unknown id.
      await waitUntil(async () => ((await a.request('GET', '/api/v1/cdrs')).body.items?.length ?? 0) > 0).catch(() => undefined);
      const cdr = (await a.request('GET', '/api/v1/cdrs')).body.items?.[0] as { id: string } | undefined;
      if (cdr) ids.cdr = cdr.id;
    }
    ids.invoice = 'no-invoice';
    if (ids.cdr !== 'no-cdr' && apiRoutesOf(server).includes('POST /api/v1/invoices')) {
      ids.invoice = String(ok(await a.request('POST', '/api/v1/invoices', { cdrId: ids.cdr, customer: { email: 'a@example.test' } }), 'A invoice')['id']); // invoicing (issue 8)
    }
    await waitUntil(async () => ((await a.request('GET', `/api/v1/webhooks/${ids.webhook}/deliveries`)).body.items.length ?? 0) > 0);
    ids.delivery = String((await a.request('GET', `/api/v1/webhooks/${ids.webhook}/deliveries`)).body.items[0].id);

    markers = [ids.station, ids.site, ids.token, ids.tokenValue, ids.webhook, ids.session, ids.command, 'iso-a', 'Isolated A', 'A owner', 'A depot', ids.keyId, ids.tariff, ids.assignment, 'A tariff', ...(ids.cdr === 'no-cdr' ? [] : [ids.cdr]), ...(ids.invoice === 'no-invoice' ? [] : [ids.invoice])];
    markers.push(ids.incident); // network health: detection (issue 6)
  });

  after(async () => {
    await station?.close();
    await server?.stop();
  });

  it('every registered /api/v1 route has a row in the table (add yours to HOW)', () => {
    const routes = apiRoutesOf(server);
    assert.ok(routes.length > 40, `only ${routes.length} routes found: is registeredRoutes() wired?`);
    assert.deepEqual(routes.filter((route) => !(route in HOW)), [], 'routes this suite does not know how to call');
  });

  it('B calling every route with A\'s ids gets 403/404, lists without A, and changes nothing of A\'s', async () => {
    const before = await snapshot();
    const framesBefore = station.frames.length;
    const failures: string[] = [];
    for (const route of apiRoutesOf(server)) {
      const how = HOW[route];
      if (!how || how.expect === 'stream') continue;
      const method = route.split(' ')[0]!;
      const probe = how.probe(ids);
      const response = probe.csv === undefined && !probe.raw
        ? await b.request(method, probe.path, probe.body)
        : await rawRequest(b, method, probe.path, probe.csv);
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body ?? '');
      // A 404 may echo the id B asked for: that is B's own input, not a leak.
      sentByB.push(probe.path + JSON.stringify(probe.body ?? '') + (probe.csv ?? ''));
      const leaked = leakedIn(text);
      if (leaked.length > 0) failures.push(`${route}: answer contains A's ${leaked.join(', ')} (${response.status})`);
      if (how.expect === 'denied' && response.status !== 404 && response.status !== 403) failures.push(`${route}: ${response.status}, expected 403/404: ${text.slice(0, 200)}`);
      if (how.expect === 'list' && response.status !== 200) failures.push(`${route}: ${response.status}, expected 200: ${text.slice(0, 200)}`);
      const emptyPage = response.status === 200 && Array.isArray((response.body as { items?: unknown[] } | null)?.items) && (response.body as { items: unknown[] }).items.length === 0;
      if (how.expect === 'empty' && response.status !== 404 && !emptyPage) failures.push(`${route}: ${response.status}, expected 404 or an empty page: ${text.slice(0, 200)}`);
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(await snapshot(), before, 'A\'s resources changed during B\'s calls');
    const calls = station.frames.slice(framesBefore).filter((frame) => frame[0] === 2);
    assert.deepEqual(calls, [], 'a CALL reached A\'s station during B\'s calls');
  });

  it('B naming A in X-Tenant-Id is refused on every list (only platform keys and parent operators may name a tenant)', async () => {
    const failures: string[] = [];
    for (const route of apiRoutesOf(server).filter((r) => HOW[r]?.expect === 'list')) {
      const probe = HOW[route]!.probe(ids);
      const response = await b.request('GET', probe.path.replace(/\?.*$/, ''), undefined, { 'x-tenant-id': ids.tenant });
      if (response.status !== 403) failures.push(`${route}: ${response.status}`);
    }
    assert.deepEqual(failures, []);
  });

  it('B cannot point its own resources at A\'s (site, station, token references are refused)', async () => {
    const created = async (method: string, path: string, body: unknown) => {
      const response = await b.request(method, path, body);
      assert.ok(response.status < 300, `${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body as { id: string };
    };
    await created('POST', '/api/v1/stations', { id: 'ISO-B-REF' });
    const token = await created('POST', '/api/v1/tokens', { idToken: 'B-REF-TOKEN', type: 'ISO14443' });
    const references: Array<[string, string, unknown]> = [
      ['PUT', '/api/v1/stations/ISO-B-REF/site', { siteId: ids.site }],
      ['PUT', '/api/v1/stations/ISO-B-REF/local-list', { members: [{ tokenId: ids.token }] }],
    ];
    if (apiRoutesOf(server).includes('PUT /api/v1/tokens/:id/locations')) {
      references.push(['PUT', `/api/v1/tokens/${token.id}/locations`, { locations: [{ stationId: ids.station }] }]);
    }
    if (apiRoutesOf(server).includes('POST /api/v1/tariffs/:id/assignments')) {
      const tariff = await created('POST', '/api/v1/tariffs', { name: 'B ref tariff', tariff: TARIFF('B-REF') });
      references.push(['POST', `/api/v1/tariffs/${tariff.id}/assignments`, { scope: 'station', stationId: ids.station, customerGroup: 'public' }]);
      references.push(['POST', `/api/v1/tariffs/${tariff.id}/assignments`, { scope: 'site', siteId: ids.site, customerGroup: 'public' }]);
    }
    const accepted: string[] = [];
    for (const [method, path, body] of references) {
      const response = await b.request(method, path, body);
      if (response.status < 400 || response.status >= 500) accepted.push(`${method} ${path} ${JSON.stringify(body)} -> ${response.status}`);
    }
    assert.deepEqual(accepted, []);
  });

  it('B\'s event stream replays and streams none of A\'s events', async () => {
    const streamA = await SseReader.open(`${server.baseUrl}/api/v1/events?lastEventId=0`, { authorization: `Bearer ${a.apiKey}` });
    const streamB = await SseReader.open(`${server.baseUrl}/api/v1/events?lastEventId=0`, { authorization: `Bearer ${b.apiKey}` });
    assert.equal(streamB.response.status, 200);
    await streamA.waitUntil((reader) => reader.messages.length > 0, 5000, 'A replays its own events');
    const replayedToA = streamA.messages.length;
    // A live event of A's while both streams are open.
    await a.request('PATCH', `/api/v1/sites/${ids.site}`, { name: 'A depot renamed' });
    await streamA.waitUntil((reader) => reader.messages.length > replayedToA && reader.messages.some((m) => m.event === 'site.updated'), 5000, 'A sees its live event');
    const leaked = streamB.messages.filter((message) => leakedIn(message.data).length > 0 || message.data.includes('A depot renamed'));
    assert.deepEqual(leaked, []);
    streamA.close();
    streamB.close();
  });
});

async function rawRequest(client: ApiClient, method: string, path: string, csv: string | undefined): Promise<{ status: number; body: unknown }> {
  const response = await fetch(client.baseUrl + path, {
    method, headers: { authorization: `Bearer ${client.apiKey}`, ...(csv === undefined ? {} : { 'content-type': 'text/csv' }) }, ...(csv === undefined ? {} : { body: csv }),
  });
  const text = await response.text();
  return { status: response.status, body: text };
}
