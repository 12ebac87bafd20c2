/**
 * The closed set of business error codes. The REST layer maps each to an HTTP status and a
 * problem+json `code`; nothing matches on message text.
 */
export type DomainErrorCode =
  | 'station_not_found'
  | 'command_not_found'
  | 'reservation_not_found'
  | 'session_not_found'
  | 'invalid_command'
  | 'tenant_not_found'
  | 'invalid_cursor'
  | 'invalid_layout'
  | 'station_exists'
  | 'station_offline'
  | 'invalid_station_password'
  | 'unsupported_action'
  | 'invalid_payload'
  | 'webhook_not_found'
  | 'webhook_delivery_not_found'
  | 'invalid_webhook'
  | 'webhook_disabled'
  | 'invalid_event_filter'
  | 'token_not_found'
  | 'token_exists'
  | 'invalid_token'
  | 'invalid_csv'
  | 'invalid_local_list';

export class DomainError extends Error {
  constructor(readonly code: DomainErrorCode, message: string, readonly details?: unknown) {
    super(message);
    this.name = 'DomainError';
  }
}
