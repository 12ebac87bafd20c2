import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, type DomainErrorCode } from '../shared/domain-error.js';

/**
 * RFC 9457 problem details with a stable `code`. Integrators branch on `code`, never on `title`
 * or `detail`. Every error leaving the API goes through `toProblem`.
 */
export type Problem = {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  [extension: string]: unknown;
};

export type ApiErrorCode =
  | DomainErrorCode
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'validation_failed'
  | 'station_timeout'
  | 'station_call_error'
  | 'station_invalid_response'
  | 'station_busy'
  | 'internal_error'
  // identity (src/modules/identity)
  | 'invalid_credentials'
  | 'totp_required'
  | 'too_many_attempts'
  | 'csrf_token_invalid'
  | 'reset_token_invalid'
  | 'invitation_token_invalid'
  | 'totp_already_enabled'
  | 'totp_not_enrolled'
  | 'totp_code_invalid'
  | 'user_not_found'
  | 'user_exists'
  | 'invalid_user'
  | 'invitation_not_found'
  | 'api_key_not_found'
  | 'invalid_api_key'
  // tenants, sites and the API conventions (src/modules/tenants, src/modules/sites, src/api/idempotency.ts, etag.ts, rate-limit.ts)
  | 'tenant_exists'
  | 'invalid_tenant'
  | 'host_taken'
  | 'site_not_found'
  | 'invalid_site'
  | 'site_has_stations'
  | 'idempotency_key_reused'
  | 'idempotency_request_in_progress'
  | 'precondition_failed'
  | 'rate_limited'
  | 'invalid_sort'
  // tariffs and billing (src/modules/tariffs, src/modules/billing)
  | 'tariff_not_found'
  | 'invalid_tariff'
  | 'tariff_assignment_not_found'
  | 'no_tariff'
  | 'invalid_pricing_input'
  | 'cdr_not_found'
  | 'invalid_credit'
  // invoicing and payments (src/modules/invoicing, src/modules/payments)
  | 'invoice_not_found'
  | 'invalid_invoice'
  | 'payment_not_found'
  | 'invalid_payment'
  | 'payment_failed'
  | 'billing_profile_not_found'
  | 'invalid_payment_webhook'
  // network health: maintenance and reliability (src/modules/maintenance, src/modules/reliability)
  | 'work_order_not_found'
  | 'invalid_work_order'
  | 'maintenance_window_not_found'
  | 'invalid_maintenance_window'
  | 'maintenance_schedule_not_found'
  | 'invalid_maintenance_schedule'
  | 'excluded_outage_not_found'
  | 'invalid_excluded_outage'
  | 'attachment_not_found'
  | 'invalid_attachment'
  | 'invalid_reliability_query'
  // network health: detection, incidents (src/modules/health)
  | 'incident_not_found'
  | 'invalid_transition'
  | 'invalid_health_rules'
  // network health: knowledge base and playbooks (src/modules/knowledge-base, src/modules/playbooks)
  | 'kb_entry_not_found'
  | 'invalid_kb_entry'
  | 'playbook_not_found'
  | 'invalid_playbook'
  // smart charging (src/modules/smart-charging)
  | 'energy_config_not_found'
  | 'invalid_energy_config'
  | 'signal_not_found'
  | 'invalid_signal'
  | 'charging_profile_not_found'
  | 'invalid_charging_profile';

const STATUS_BY_CODE: Record<ApiErrorCode, number> = {
  station_not_found: 404,
  command_not_found: 404,
  reservation_not_found: 404,
  session_not_found: 404,
  invalid_command: 422,
  tenant_not_found: 404,
  invalid_cursor: 400,
  invalid_layout: 422,
  station_exists: 409,
  station_offline: 409,
  invalid_station_password: 422,
  unsupported_action: 404,
  invalid_payload: 422,
  webhook_not_found: 404,
  webhook_delivery_not_found: 404,
  invalid_webhook: 422,
  webhook_disabled: 409,
  invalid_event_filter: 400,
  token_not_found: 404,
  token_exists: 409,
  invalid_token: 422,
  invalid_csv: 422,
  invalid_local_list: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  validation_failed: 400,
  station_timeout: 504,
  station_call_error: 502,
  station_invalid_response: 502,
  station_busy: 503,
  internal_error: 500,
  tenant_exists: 409,
  invalid_tenant: 422,
  host_taken: 409,
  site_not_found: 404,
  invalid_site: 422,
  site_has_stations: 409,
  idempotency_key_reused: 422,
  idempotency_request_in_progress: 409,
  precondition_failed: 412,
  rate_limited: 429,
  invalid_sort: 422,
  tariff_not_found: 404,
  invalid_tariff: 422,
  tariff_assignment_not_found: 404,
  no_tariff: 404,
  invalid_pricing_input: 422,
  cdr_not_found: 404,
  invalid_credit: 422,
  invoice_not_found: 404,
  invalid_invoice: 422,
  payment_not_found: 404,
  invalid_payment: 422,
  payment_failed: 402,
  billing_profile_not_found: 404,
  invalid_payment_webhook: 400,
  work_order_not_found: 404,
  invalid_work_order: 422,
  maintenance_window_not_found: 404,
  invalid_maintenance_window: 422,
  maintenance_schedule_not_found: 404,
  invalid_maintenance_schedule: 422,
  excluded_outage_not_found: 404,
  invalid_excluded_outage: 422,
  attachment_not_found: 404,
  invalid_attachment: 422,
  invalid_reliability_query: 400,
  incident_not_found: 404,
  invalid_transition: 409,
  invalid_health_rules: 422,
  kb_entry_not_found: 404,
  invalid_kb_entry: 422,
  playbook_not_found: 404,
  invalid_playbook: 422,
  energy_config_not_found: 404,
  invalid_energy_config: 422,
  signal_not_found: 404,
  invalid_signal: 422,
  charging_profile_not_found: 404,
  invalid_charging_profile: 422,
  'invalid_credentials': 401,
  'totp_required': 401,
  'too_many_attempts': 429,
  'csrf_token_invalid': 403,
  'reset_token_invalid': 400,
  'invitation_token_invalid': 400,
  'totp_already_enabled': 409,
  'totp_not_enrolled': 409,
  'totp_code_invalid': 422,
  'user_not_found': 404,
  'user_exists': 409,
  'invalid_user': 422,
  'invitation_not_found': 404,
  'api_key_not_found': 404,
  'invalid_api_key': 422,
};

const TITLE_BY_CODE: Record<ApiErrorCode, string> = {
  station_not_found: 'Station not found',
  command_not_found: 'Command not found',
  reservation_not_found: 'Reservation not found',
  session_not_found: 'Session not found',
  invalid_command: 'The command cannot be sent as asked',
  tenant_not_found: 'Tenant not found',
  invalid_cursor: 'Invalid pagination cursor',
  invalid_layout: 'Invalid EVSE/connector layout',
  station_exists: 'Station already exists',
  station_offline: 'Station is offline',
  invalid_station_password: 'Invalid station password',
  unsupported_action: 'Unsupported OCPP action',
  invalid_payload: 'Payload does not match the OCPP schema',
  webhook_not_found: 'Webhook not found',
  webhook_delivery_not_found: 'Webhook delivery not found',
  invalid_webhook: 'Invalid webhook subscription',
  webhook_disabled: 'The webhook is disabled',
  invalid_event_filter: 'Invalid event type filter',
  token_not_found: 'Token not found',
  token_exists: 'A token with this value already exists',
  invalid_token: 'Invalid token',
  invalid_csv: 'The CSV file has errors: nothing was imported',
  invalid_local_list: 'Invalid local authorization list',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  validation_failed: 'Request validation failed',
  station_timeout: 'Station did not answer in time',
  station_call_error: 'Station answered with a CALLERROR',
  station_invalid_response: 'Station answered with an invalid response',
  station_busy: 'Too many commands queued for the station',
  internal_error: 'Internal server error',
  tenant_exists: 'A tenant with this id already exists',
  invalid_tenant: 'Invalid tenant',
  host_taken: 'The host name belongs to another tenant',
  site_not_found: 'Site not found',
  invalid_site: 'Invalid site',
  site_has_stations: 'The site still has stations',
  idempotency_key_reused: 'The Idempotency-Key was used for a different request',
  idempotency_request_in_progress: 'A request with this Idempotency-Key is still in progress',
  precondition_failed: 'The resource changed since it was read (If-Match does not match its ETag)',
  rate_limited: 'Too many requests',
  invalid_sort: 'Unknown sort field',
  tariff_not_found: 'Tariff not found',
  invalid_tariff: 'Invalid tariff',
  tariff_assignment_not_found: 'Tariff assignment not found',
  no_tariff: 'No tariff applies here',
  invalid_pricing_input: 'The session to price is invalid',
  cdr_not_found: 'CDR not found',
  invalid_credit: 'Invalid credit',
  invoice_not_found: 'Invoice not found',
  invalid_invoice: 'Invalid invoice request',
  payment_not_found: 'Payment not found',
  invalid_payment: 'Invalid payment request',
  payment_failed: 'The payment provider refused the payment',
  billing_profile_not_found: 'No billing profile set for this tenant',
  invalid_payment_webhook: 'Payment-provider webhook refused (signature or payload)',
  work_order_not_found: 'Work order not found',
  invalid_work_order: 'Invalid work order change',
  maintenance_window_not_found: 'Maintenance window not found',
  invalid_maintenance_window: 'Invalid maintenance window',
  maintenance_schedule_not_found: 'Maintenance schedule not found',
  invalid_maintenance_schedule: 'Invalid maintenance schedule',
  excluded_outage_not_found: 'Excluded outage not found',
  invalid_excluded_outage: 'Invalid excluded outage',
  attachment_not_found: 'Attachment not found',
  invalid_attachment: 'Invalid attachment',
  invalid_reliability_query: 'Invalid reliability query',
  incident_not_found: 'Incident not found',
  invalid_transition: 'The incident cannot move to that status',
  invalid_health_rules: 'Invalid health rules',
  kb_entry_not_found: 'Knowledge base entry not found',
  invalid_kb_entry: 'Invalid knowledge base entry',
  playbook_not_found: 'Playbook not found',
  invalid_playbook: 'Invalid playbook',
  energy_config_not_found: 'The site has no energy configuration',
  invalid_energy_config: 'Invalid site energy configuration',
  signal_not_found: 'Grid signal not found',
  invalid_signal: 'Invalid grid signal',
  charging_profile_not_found: 'Charging profile not found',
  invalid_charging_profile: 'Invalid charging profile',
  'invalid_credentials': 'Email or password is wrong',
  'totp_required': 'A valid authenticator code is required',
  'too_many_attempts': 'Too many failed sign-in attempts',
  'csrf_token_invalid': 'Missing or wrong X-CSRF-Token',
  'reset_token_invalid': 'The password reset link is invalid or has expired',
  'invitation_token_invalid': 'The invitation is invalid, used or expired',
  'totp_already_enabled': 'Two-factor authentication is already enabled',
  'totp_not_enrolled': 'Two-factor authentication is not set up',
  'totp_code_invalid': 'The authenticator code is wrong',
  'user_not_found': 'User not found',
  'user_exists': 'A user with this email already exists',
  'invalid_user': 'Invalid user',
  'invitation_not_found': 'Invitation not found',
  'api_key_not_found': 'API key not found',
  'invalid_api_key': 'Invalid API key scope',
};

/** Every stable code with its status and title: documented in the OpenAPI document (components.schemas.Problem). */
export function problemCatalog(): Array<{ code: ApiErrorCode; status: number; title: string }> {
  return (Object.keys(STATUS_BY_CODE) as ApiErrorCode[]).map((code) => ({ code, status: STATUS_BY_CODE[code], title: TITLE_BY_CODE[code] }));
}

export class ApiError extends Error {
  constructor(readonly code: ApiErrorCode, detail?: string, readonly extensions: Record<string, unknown> = {}) {
    super(detail ?? TITLE_BY_CODE[code]);
    this.name = 'ApiError';
  }
}

export function problemFor(code: ApiErrorCode, detail?: string, extensions: Record<string, unknown> = {}): Problem {
  return {
    type: `https://chargeops.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLE_BY_CODE[code],
    status: STATUS_BY_CODE[code],
    code,
    ...(detail ? { detail } : {}),
    ...extensions,
  };
}

/** The one place where a thrown value becomes an HTTP problem; internals never leak. */
export function toProblem(thrown: unknown): Problem {
  if (thrown instanceof ApiError) return problemFor(thrown.code, thrown.message, thrown.extensions);
  if (thrown instanceof DomainError) return problemFor(thrown.code, thrown.message, thrown.details === undefined ? {} : { details: thrown.details });
  const fastifyError = thrown as Partial<FastifyError>;
  if (fastifyError.validation) {
    return problemFor('validation_failed', fastifyError.message, {
      errors: fastifyError.validation.map((issue) => ({ path: issue.instancePath, message: issue.message })),
    });
  }
  if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
    const status = fastifyError.statusCode;
    return { ...problemFor(status === 404 ? 'not_found' : 'validation_failed', fastifyError.message), status };
  }
  return problemFor('internal_error');
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, problem);
}
